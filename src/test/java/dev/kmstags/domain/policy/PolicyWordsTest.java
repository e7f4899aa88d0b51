package dev.kmstags.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmstags.domain.EditedTag;
import dev.kmstags.domain.TagPlan;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tag policy's sentences, which the editor, the key list, the reviews and the command line share. */
class PolicyWordsTest {

    private static final TagPolicy ENFORCED = TagPolicy.parse("""
            {"tags": {"costcenter": {"tag_key": "CostCenter", "tag_value": ["CC-1*", "CC-2*"],
                                     "enforced_for": ["kms:key"]}}}""");

    private static PolicyFinding written(String key, String value) {
        TagPlan plan = TagPlan.between(Map.of(), List.of(EditedTag.added(key, value)));
        return ENFORCED.check(plan).get(0);
    }

    @Test
    void aWrittenValueAgainstAnEnforcedPolicySaysThatAwsRefusesTheChange() {
        PolicyWords words = new PolicyWords(Locale.ENGLISH);
        PolicyFinding finding = written("CostCenter", "CC-9000");

        assertThat(words.line(finding)).isEqualTo("CostCenter = CC-9000: the tag policy does not allow this value."
                + " Allowed: CC-1*, CC-2*. AWS refuses this change: the policy is enforced for KMS keys.");
        assertThat(words.cell(finding)).as("the cell names its tag already").isEqualTo("The tag policy does not"
                + " allow this value. Allowed: CC-1*, CC-2*. AWS refuses the change: the policy is enforced for KMS"
                + " keys.");
    }

    @Test
    void keysAndValuesGoThroughTheQuoteGivenAndAnEmptyValueIsNamed() {
        PolicyWords cut = new PolicyWords(Locale.ENGLISH, text -> text.substring(0, 3) + "…");

        assertThat(cut.line(written("costcenter", "CC-9000")))
                .startsWith("cos…: the tag policy writes this key “Cos…”.");
        assertThat(cut.cell(written("costcenter", "CC-100"))).isEqualTo("The tag policy writes this key “Cos…”."
                + " AWS refuses the change: the policy is enforced for KMS keys.");
        assertThat(new PolicyWords(Locale.ENGLISH).line(written("CostCenter", "")))
                .startsWith("CostCenter = (empty): the tag policy does not allow this value.");
    }

    @Test
    void aMissingRequiredTagIsALineButHasNoCell() {
        TagPolicy required = TagPolicy.parse("""
                {"tags": {"owner": {"tag_key": "Owner", "report_required_tag_for": ["kms:key"]}}}""");
        PolicyFinding missing = required.check(Map.of()).get(0);
        PolicyWords words = new PolicyWords(Locale.ENGLISH);

        assertThat(words.line(missing)).isEqualTo("The tag policy requires KMS keys to carry the tag Owner.");
        assertThatThrownBy(() -> words.cell(missing)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theHeadingNamesWhereThePolicyComesFrom() {
        PolicyWords words = new PolicyWords(Locale.ENGLISH);

        assertThat(words.title("the tag policy in policy.json"))
                .isEqualTo("Tag policy (the tag policy in policy.json)");
        assertThat(words.compliant()).isEqualTo("The tags follow the tag policy.");
    }
}
