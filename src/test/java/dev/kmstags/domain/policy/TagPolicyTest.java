package dev.kmstags.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmstags.domain.EditedTag;
import dev.kmstags.domain.TagPlan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TagPolicyTest {

    private static final PolicyWords WORDS = new PolicyWords(Locale.ENGLISH);

    /** AWS Organizations user guide, "Tag policy syntax and examples": the basic syntax. */
    private static final String AWS_BASIC_SYNTAX = """
            { "tags": { "costcenter": { "tag_key": { "@@assign": "CostCenter" },
              "tag_value": { "@@assign": [ "100", "200", "300*" ] },
              "enforced_for": { "@@assign": [ "secretsmanager:ALL_SUPPORTED" ] } } } }""";

    /** AWS Organizations user guide, "Inheritance examples": the effective policy of example 1. */
    private static final String AWS_EFFECTIVE_POLICY = """
            { "tags": { "costcenter": { "tag_key": "CostCenter", "tag_value": [ "Sandbox", "Development" ],
              "enforced_for": [ "ec2:instance" ] } } }""";

    /** AWS tagging best practices whitepaper, ExampleInc-CostAllocation.json (first key). */
    private static final String AWS_WHITEPAPER = """
            { "tags": { "example-inc:cost-allocation:ApplicationId": {
              "tag_key": { "@@assign": "example-inc:cost-allocation:ApplicationId" },
              "tag_value": { "@@assign": [ "DataLakeX", "RetailSiteX" ] } } } }""";

    private static final String ENFORCED_FOR_KMS = """
            { "tags": {
              "costcenter": { "tag_key": { "@@assign": "CostCenter" }, "tag_value": { "@@assign": [ "100", "200" ] },
                              "enforced_for": { "@@assign": [ "kms:key" ] } },
              "environment": { "tag_key": { "@@assign": "Environment" },
                               "tag_value": { "@@assign": [ "dev", "test", "prod*" ] } } } }""";

    @Test
    void readsTheBasicSyntaxOfAwsDocumentation() {
        TagPolicy policy = TagPolicy.parse(AWS_BASIC_SYNTAX);

        assertThat(policy.tags()).containsExactly(new PolicyTag("costcenter", "CostCenter",
                Optional.of(List.of("100", "200", "300*")), List.of("secretsmanager:ALL_SUPPORTED"), List.of()));
        assertThat(policy.tags().get(0).enforcedForKmsKeys()).isFalse();
    }

    @Test
    void readsTheEffectiveFormDescribeEffectivePolicyAnswers() {
        TagPolicy policy = TagPolicy.parse(AWS_EFFECTIVE_POLICY);

        assertThat(policy.tags()).containsExactly(new PolicyTag("costcenter", "CostCenter",
                Optional.of(List.of("Sandbox", "Development")), List.of("ec2:instance"), List.of()));
    }

    @Test
    void thePolicyKeyMatchesTagKeysIgnoringCaseAndTagKeyFixesTheirCapitalization() {
        TagPolicy policy = TagPolicy.parse(AWS_BASIC_SYNTAX);

        List<PolicyFinding> findings = policy.check(Map.of("costCenter", "100"));

        assertThat(findings).extracting(PolicyFinding::kind).containsExactly(PolicyFinding.Kind.KEY_CASE);
        assertThat(WORDS.line(findings.get(0)))
                .isEqualTo("costCenter: the tag policy writes this key “CostCenter”.");
        assertThat(policy.check(Map.of("CostCenter", "200"))).isEmpty();
    }

    @Test
    void valuesMustBeAllowedWithAStarStandingForAnyRest() {
        TagPolicy policy = TagPolicy.parse(AWS_BASIC_SYNTAX);

        assertThat(policy.check(Map.of("CostCenter", "300"))).isEmpty();
        assertThat(policy.check(Map.of("CostCenter", "300-east"))).isEmpty();
        List<PolicyFinding> findings = policy.check(Map.of("CostCenter", "400"));

        assertThat(findings).extracting(PolicyFinding::kind).containsExactly(PolicyFinding.Kind.VALUE_NOT_ALLOWED);
        assertThat(WORDS.line(findings.get(0)))
                .isEqualTo("CostCenter = 400: the tag policy does not allow this value. Allowed: 100, 200, 300*.");
    }

    @Test
    void valuesAreCaseSensitiveAndAStarMayStandAnywhere() {
        assertThat(PolicyTag.matches("*@example.com", "ana@example.com")).isTrue();
        assertThat(PolicyTag.matches("*@example.com", "ana@example.org")).isFalse();
        assertThat(PolicyTag.matches("Sandbox", "sandbox")).isFalse();
        assertThat(PolicyTag.matches("*", "")).isTrue();
        assertThat(PolicyTag.matches("a*b*c", "abc")).isTrue();
        assertThat(PolicyTag.matches("ab*b", "ab")).isFalse();
    }

    @Test
    void aTagKeyWithoutPolicyTagIsNotJudgedAndAnyValueIsAllowedWithoutTagValue() {
        TagPolicy policy = TagPolicy.parse("""
                { "tags": { "owner": { "tag_key": { "@@assign": "Owner" } } } }""");

        assertThat(policy.check(Map.of("Owner", "anything at all", "Team", "x"))).isEmpty();
    }

    @Test
    void theWhitepaperExampleJudgesKeysWithColons() {
        TagPolicy policy = TagPolicy.parse(AWS_WHITEPAPER);

        assertThat(policy.check(Map.of("example-inc:cost-allocation:ApplicationId", "DataLakeX"))).isEmpty();
        assertThat(policy.check(Map.of("example-inc:cost-allocation:applicationid", "Other")))
                .extracting(PolicyFinding::kind)
                .containsExactly(PolicyFinding.Kind.KEY_CASE, PolicyFinding.Kind.VALUE_NOT_ALLOWED);
    }

    @Test
    void withoutTagKeyTheLowercasePolicyKeyIsTheRightCapitalization() {
        TagPolicy policy = TagPolicy.parse("""
                {"tags":{"CostCenter":{"report_required_tag_for":{"@@assign":["kms:key"]}}}}""");

        assertThat(policy.tags().get(0).tagKey()).isEqualTo("costcenter");
        assertThat(policy.check(Map.of("CostCenter", "1"))).extracting(PolicyFinding::kind)
                .containsExactly(PolicyFinding.Kind.KEY_CASE);
    }

    @Test
    void aRequiredTagThatIsMissingIsReportedButNeverBlocks() {
        TagPolicy policy = TagPolicy.parse("""
                {"tags":{"owner":{"tag_key":{"@@assign":"Owner"},"enforced_for":{"@@assign":["kms:*"]},
                  "report_required_tag_for":{"@@assign":["kms:ALL_SUPPORTED"]}}}}""");

        List<PolicyFinding> findings = policy.check(TagPlan.between(Map.of("Team", "a"),
                List.of(EditedTag.loaded("Team", "Team", "b"))));

        assertThat(findings).extracting(PolicyFinding::kind).containsExactly(PolicyFinding.Kind.REQUIRED_MISSING);
        assertThat(findings.get(0).blocks()).isFalse();
        assertThat(WORDS.line(findings.get(0))).isEqualTo("The tag policy requires KMS keys to carry the tag Owner.");
        assertThat(policy.check(Map.of("owner", "x"))).extracting(PolicyFinding::kind)
                .containsExactly(PolicyFinding.Kind.KEY_CASE);
    }

    @Test
    void aRequiredTagForOtherResourceTypesIsNotAskedOfKmsKeys() {
        TagPolicy policy = TagPolicy.parse("""
                {"tags":{"CostCenter":{"report_required_tag_for":{"@@assign":["ec2:instance"]}}}}""");

        assertThat(policy.check(Map.of())).isEmpty();
    }

    @Test
    void onlyTagsThePlanWritesBlockAndOnlyWhenEnforcedForKmsKeys() {
        TagPolicy policy = TagPolicy.parse(ENFORCED_FOR_KMS);
        Map<String, String> original = new LinkedHashMap<>();
        original.put("costcenter", "100");
        original.put("environment", "staging");

        TagPlan plan = TagPlan.between(original, List.of(EditedTag.loaded("costcenter", "costcenter", "100"),
                EditedTag.loaded("environment", "environment", "qa"), EditedTag.added("CostCenter", "999")));
        List<PolicyFinding> findings = policy.check(plan);

        assertThat(findings).extracting(PolicyFinding::key, PolicyFinding::kind, PolicyFinding::blocks)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("costcenter", PolicyFinding.Kind.KEY_CASE, false),
                        org.assertj.core.groups.Tuple.tuple("environment", PolicyFinding.Kind.KEY_CASE, false),
                        org.assertj.core.groups.Tuple.tuple("environment", PolicyFinding.Kind.VALUE_NOT_ALLOWED,
                                false),
                        org.assertj.core.groups.Tuple.tuple("CostCenter", PolicyFinding.Kind.VALUE_NOT_ALLOWED,
                                true));
    }

    @Test
    void appendAndRemoveOfAWrittenPolicyChangeTheList() {
        TagPolicy policy = TagPolicy.parse("""
                {"tags":{"costcenter":{"tag_key":{"@@assign":"CostCenter"},
                  "tag_value":{"@@assign":["100","200"],"@@append":["300"],"@@remove":["100"]},
                  "enforced_for":{"@@operators_allowed_for_child_policies":["@@none"],"@@assign":["kms:key"]}}}}""");

        assertThat(policy.tags().get(0).allowedValues()).contains(List.of("200", "300"));
        assertThat(policy.tags().get(0).enforcedForKmsKeys()).isTrue();
    }

    @Test
    void aPolicyThatIsNotOneIsRefusedWithASentence() {
        assertThatThrownBy(() -> TagPolicy.parse("{\"tags\": "))
                .isInstanceOf(TagPolicyException.class).hasMessageStartingWith("The tag policy is not valid JSON");
        assertThatThrownBy(() -> TagPolicy.parse("[]"))
                .hasMessage("A tag policy is a JSON object that starts with \"tags\".");
        assertThatThrownBy(() -> TagPolicy.parse("{\"tags\":{\"costcenter\":{\"tag_key\":\"Owner\"}}}"))
                .hasMessage("The tag_key \"Owner\" must match its policy key \"costcenter\" apart from letter case.");
        assertThatThrownBy(() -> TagPolicy.parse("{\"tags\":{\"a\":{\"tag_value\":[1]}}}"))
                .hasMessage("tag_value of \"a\" must be a list of strings.");
    }

    @Test
    void aDocumentWithoutTagsHasNoRules() {
        assertThat(TagPolicy.parse("{}").isEmpty()).isTrue();
        assertThat(TagPolicy.none().check(Map.of("any", "thing"))).isEmpty();
    }
}
