package dev.kmstags.domain.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rules of IAM's condition operators, from the IAM User Guide ("Condition operators", "Conditions with multiple
 * context keys or values", "Single-valued vs. multivalued context keys"), applied to aws:ResourceTag.
 */
class ResourceTagConditionTest {

    private static final Map<String, String> PAYMENTS = Map.of("Team", "payments", "Env", "prod");
    private static final Map<String, String> NO_TEAM = Map.of("Env", "prod");

    private static Truth eval(String operator, String key, Map<String, String> tags, String... values) {
        return ResourceTagCondition.evaluate(new PolicyCondition(operator, key, List.of(values)), tags).truth();
    }

    @Test
    void stringEqualsIsExactAndCaseSensitiveInTheValue() {
        assertThat(eval("StringEquals", "aws:ResourceTag/Team", PAYMENTS, "payments")).isEqualTo(Truth.TRUE);
        assertThat(eval("StringEquals", "aws:ResourceTag/Team", PAYMENTS, "Payments")).isEqualTo(Truth.FALSE);
        assertThat(eval("StringEquals", "aws:ResourceTag/Team", PAYMENTS, "pay*")).as("no wildcards")
                .isEqualTo(Truth.FALSE);
    }

    @Test
    void theTagKeyOfTheConditionMatchesIgnoringCase() {
        assertThat(eval("StringEquals", "aws:ResourceTag/team", PAYMENTS, "payments")).isEqualTo(Truth.TRUE);
        assertThat(eval("StringEquals", "AWS:resourcetag/TEAM", PAYMENTS, "payments")).isEqualTo(Truth.TRUE);
    }

    @Test
    void severalValuesAreOredAndForNegatedOperatorsNored() {
        assertThat(eval("StringEquals", "aws:ResourceTag/Team", PAYMENTS, "billing", "payments"))
                .isEqualTo(Truth.TRUE);
        // The guide's example: StringNotEquals with two values is true only when the value is neither.
        assertThat(eval("StringNotEquals", "aws:ResourceTag/Team", PAYMENTS, "billing", "payments"))
                .isEqualTo(Truth.FALSE);
        assertThat(eval("StringNotEquals", "aws:ResourceTag/Team", PAYMENTS, "billing", "audit"))
                .isEqualTo(Truth.TRUE);
    }

    @Test
    void ignoreCaseOperatorsCompareValuesIgnoringCase() {
        assertThat(eval("StringEqualsIgnoreCase", "aws:ResourceTag/Team", PAYMENTS, "PAYMENTS"))
                .isEqualTo(Truth.TRUE);
        assertThat(eval("StringNotEqualsIgnoreCase", "aws:ResourceTag/Team", PAYMENTS, "PAYMENTS"))
                .isEqualTo(Truth.FALSE);
    }

    @Test
    void stringLikeTakesStarAndQuestionMarkWildcards() {
        assertThat(eval("StringLike", "aws:ResourceTag/Team", PAYMENTS, "pay*")).isEqualTo(Truth.TRUE);
        assertThat(eval("StringLike", "aws:ResourceTag/Team", PAYMENTS, "p?yments")).isEqualTo(Truth.TRUE);
        assertThat(eval("StringLike", "aws:ResourceTag/Team", PAYMENTS, "Pay*")).isEqualTo(Truth.FALSE);
        assertThat(eval("StringNotLike", "aws:ResourceTag/Team", PAYMENTS, "pay*")).isEqualTo(Truth.FALSE);
        assertThat(eval("StringNotLike", "aws:ResourceTag/Team", PAYMENTS, "data*")).isEqualTo(Truth.TRUE);
    }

    @Test
    void aMissingTagMakesPlainOperatorsFalseAndNegatedOnesTrue() {
        assertThat(eval("StringEquals", "aws:ResourceTag/Team", NO_TEAM, "payments")).isEqualTo(Truth.FALSE);
        assertThat(eval("StringLike", "aws:ResourceTag/Team", NO_TEAM, "*")).isEqualTo(Truth.FALSE);
        assertThat(eval("StringNotEquals", "aws:ResourceTag/Team", NO_TEAM, "payments")).isEqualTo(Truth.TRUE);
        assertThat(eval("StringNotLike", "aws:ResourceTag/Team", NO_TEAM, "pay*")).isEqualTo(Truth.TRUE);
    }

    @Test
    void ifExistsIsTrueWhenTheTagIsMissingAndChecksItOtherwise() {
        assertThat(eval("StringEqualsIfExists", "aws:ResourceTag/Team", NO_TEAM, "payments")).isEqualTo(Truth.TRUE);
        assertThat(eval("StringEqualsIfExists", "aws:ResourceTag/Team", PAYMENTS, "data")).isEqualTo(Truth.FALSE);
        assertThat(eval("StringLikeIfExists", "aws:ResourceTag/Team", PAYMENTS, "pay*")).isEqualTo(Truth.TRUE);
    }

    @Test
    void nullTestsWhetherTheTagIsAbsent() {
        assertThat(eval("Null", "aws:ResourceTag/Team", NO_TEAM, "true")).isEqualTo(Truth.TRUE);
        assertThat(eval("Null", "aws:ResourceTag/Team", PAYMENTS, "true")).isEqualTo(Truth.FALSE);
        assertThat(eval("Null", "aws:ResourceTag/Team", PAYMENTS, "false")).isEqualTo(Truth.TRUE);
        assertThat(eval("Null", "aws:ResourceTag/Team", NO_TEAM, "false")).isEqualTo(Truth.FALSE);
        assertThat(eval("Null", "aws:ResourceTag/Team", Map.of("Team", ""), "true"))
                .as("a tag with an empty value is present").isEqualTo(Truth.FALSE);
    }

    @Test
    void setOperatorsOnTheSingleValuedTagKeyFollowTheirRuleForAMissingKey() {
        assertThat(eval("ForAnyValue:StringEquals", "aws:ResourceTag/Team", PAYMENTS, "payments", "data"))
                .isEqualTo(Truth.TRUE);
        assertThat(eval("ForAllValues:StringEquals", "aws:ResourceTag/Team", PAYMENTS, "payments", "data"))
                .isEqualTo(Truth.TRUE);
        assertThat(eval("ForAllValues:StringEquals", "aws:ResourceTag/Team", PAYMENTS, "data"))
                .isEqualTo(Truth.FALSE);
        // "ForAllValues ... also returns true if there are no context keys in the request."
        assertThat(eval("ForAllValues:StringEquals", "aws:ResourceTag/Team", NO_TEAM, "data")).isEqualTo(Truth.TRUE);
        assertThat(eval("ForAnyValue:StringEquals", "aws:ResourceTag/Team", NO_TEAM, "data")).isEqualTo(Truth.FALSE);
        assertThat(eval("ForAnyValue:StringNotLike", "aws:ResourceTag/Team", PAYMENTS, "pay*"))
                .isEqualTo(Truth.FALSE);
    }

    @Test
    void whatTheToolCannotDecideIsUnknownWithTheReason() {
        ResourceTagCondition.Outcome principalTag = ResourceTagCondition.evaluate(new PolicyCondition(
                "StringEquals", "aws:PrincipalTag/Team", List.of("payments")), PAYMENTS);
        assertThat(principalTag.truth()).isEqualTo(Truth.UNKNOWN);
        assertThat(principalTag.unknownReason()).isEqualTo("aws:PrincipalTag/Team is not a tag of the key");

        ResourceTagCondition.Outcome variable = ResourceTagCondition.evaluate(new PolicyCondition(
                "StringEquals", "aws:ResourceTag/Team", List.of("${aws:PrincipalTag/Team}")), PAYMENTS);
        assertThat(variable.truth()).isEqualTo(Truth.UNKNOWN);
        assertThat(variable.unknownReason()).isEqualTo("policy variables are not evaluated");

        ResourceTagCondition.Outcome numeric = ResourceTagCondition.evaluate(new PolicyCondition(
                "NumericLessThan", "aws:ResourceTag/Team", List.of("3")), PAYMENTS);
        assertThat(numeric.truth()).isEqualTo(Truth.UNKNOWN);
        assertThat(numeric.unknownReason()).isEqualTo("operator NumericLessThan is not evaluated");
        assertThat(eval("ForAnyValue:Null", "aws:ResourceTag/Team", PAYMENTS, "true")).isEqualTo(Truth.UNKNOWN);
    }

    @Test
    void twoTagsWhoseKeysDifferOnlyInCaseCannotBeTold() {
        assertThat(eval("StringEquals", "aws:ResourceTag/Team", Map.of("Team", "payments", "team", "data"),
                "payments")).isEqualTo(Truth.UNKNOWN);
    }
}
