package dev.kmstags.ui.review;

import static dev.kmstags.ui.common.TestKeys.MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.domain.EditedTag;
import dev.kmstags.domain.TagMerge;
import dev.kmstags.domain.TagPlan;
import dev.kmstags.domain.policy.TagPolicy;
import dev.kmstags.ui.common.PolicyInForce;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReviewViewModelTest {

    private static final String KEY_ID = "1111aaaa-0000-4000-8000-000000000001";
    private static final Map<String, String> ORIGINAL = new LinkedHashMap<>();

    static {
        ORIGINAL.put("Env", "dev");
        ORIGINAL.put("Team", "payments");
        ORIGINAL.put("Owner", "alice");
    }

    /** Env overwritten, Team renamed to team, Owner removed, CostCenter added with an empty value. */
    private static TagPlan plan() {
        return TagPlan.between(ORIGINAL, List.of(
                EditedTag.loaded("Env", "Env", "production"),
                EditedTag.loaded("Team", "team", "payments"),
                EditedTag.added("CostCenter", "")));
    }

    private static ReviewViewModel review(TagPlan plan, List<String> problems, boolean production) {
        return new ReviewViewModel(TagMerge.Result.unmerged(plan), KEY_ID, "alias/payments-prod",
                List.of("alias/payments-prod", "alias/pay"), "dev · 111122223333 · us-east-1", problems, production,
                MESSAGES);
    }

    @Test
    void theReviewListsEveryKindOfChange() {
        ReviewViewModel review = review(plan(), List.of(), false);

        assertThat(review.title()).isEqualTo("Review changes to alias/payments-prod");
        assertThat(review.target()).as("named on every connection, not only production")
                .isEqualTo("Writes to dev · 111122223333 · us-east-1");
        assertThat(review.addedLines()).containsExactly("CostCenter = (empty)");
        assertThat(review.overwrittenLines()).containsExactly("Env: dev → production");
        assertThat(review.removedLines()).containsExactly("Owner = alice");
        assertThat(review.renamedLines()).containsExactly("Team → team, value kept");
        assertThat(review.summary())
                .isEqualTo("2 calls: UntagResource, then TagResource. Nothing is sent before you choose Apply.");
    }

    private static final PolicyInForce POLICY = new PolicyInForce(TagPolicy.parse("""
            {"tags": {"costcenter": {"tag_key": "CostCenter", "tag_value": ["CC-*"], "enforced_for": ["kms:key"]},
                      "env": {"tag_key": "Env", "tag_value": ["dev", "prod"]},
                      "owner": {"tag_key": "Owner", "report_required_tag_for": ["kms:key"]}}}"""),
            "the organization’s effective tag policy");

    @Test
    void theTagPolicySectionSaysWhereThePlanStraysAndAnEnforcedValueKeepsApplyDisabled() {
        ReviewViewModel review = review(plan(), List.of(), false).withTagPolicy(POLICY);

        assertThat(review.policyTitle()).isEqualTo("Tag policy (the organization’s effective tag policy)");
        assertThat(review.policyLines()).containsExactly(
                new ReviewViewModel.PolicyLine("Env = production: the tag policy does not allow this value."
                        + " Allowed: dev, prod.", false),
                new ReviewViewModel.PolicyLine("CostCenter = (empty): the tag policy does not allow this value."
                        + " Allowed: CC-*. AWS refuses this change: the policy is enforced for KMS keys.", true),
                new ReviewViewModel.PolicyLine("The tag policy requires KMS keys to carry the tag Owner.", false));
        assertThat(review.canApplyProperty().get()).isFalse();
    }

    @Test
    void aPlanThatFollowsThePolicySaysSoAndMayBeApplied() {
        TagPlan compliant = TagPlan.between(ORIGINAL, List.of(EditedTag.loaded("Env", "Env", "prod"),
                EditedTag.loaded("Team", "Team", "payments"), EditedTag.loaded("Owner", "Owner", "alice"),
                EditedTag.added("CostCenter", "CC-7")));

        ReviewViewModel review = review(compliant, List.of(), false).withTagPolicy(POLICY);

        assertThat(review.policyLines()).extracting(ReviewViewModel.PolicyLine::text)
                .containsExactly("The tags follow the tag policy.");
        assertThat(review.canApplyProperty().get()).isTrue();
        assertThat(review(compliant, List.of(), false).withTagPolicy(PolicyInForce.none()).policyLines())
                .as("no policy, no section").isEmpty();
    }

    @Test
    void aRenameIsOneLineThatSaysWhetherTheValueChanged() {
        ReviewViewModel review = review(TagPlan.between(ORIGINAL, List.of(
                EditedTag.loaded("Env", "Env", "dev"),
                EditedTag.loaded("Team", "Squad", "payments"),
                EditedTag.loaded("Owner", "Steward", "bob"))), List.of(), false);

        assertThat(review.renamedLines())
                .containsExactly("Team → Squad, value kept", "Owner → Steward, value: alice → bob");
        assertThat(review.addedLines()).isEmpty();
        assertThat(review.removedLines()).isEmpty();
        assertThat(review.overwrittenLines()).isEmpty();
    }

    @Test
    void longKeysAndValuesAreCutWithTheirLengthGiven() {
        String key = "K".repeat(129);
        String value = "v".repeat(200);
        ReviewViewModel review = review(TagPlan.between(ORIGINAL, List.of(
                EditedTag.loaded("Env", "Env", "dev"), EditedTag.loaded("Team", "Team", "payments"),
                EditedTag.loaded("Owner", "Owner", "alice"), EditedTag.added(key, value))), List.of(), false);

        assertThat(review.addedLines()).containsExactly(
                "K".repeat(40) + "… (129 characters) = " + "v".repeat(40) + "… (200 characters)");
        assertThat(review.calls().get(0).body()).as("the calls show what is sent, whole").contains(key, value);
    }

    @Test
    void theCallsShowTheirExactJsonBodiesUntagFirst() {
        List<ReviewViewModel.Call> calls = review(plan(), List.of(), false).calls();

        assertThat(calls).extracting(ReviewViewModel.Call::operation)
                .containsExactly("UntagResource", "TagResource");
        assertThat(calls.get(0).body()).isEqualToNormalizingNewlines("""
                {
                  "KeyId": "1111aaaa-0000-4000-8000-000000000001",
                  "TagKeys": [
                    "Team",
                    "Owner"
                  ]
                }""");
        assertThat(calls.get(1).body()).isEqualToNormalizingNewlines("""
                {
                  "KeyId": "1111aaaa-0000-4000-8000-000000000001",
                  "Tags": [
                    {
                      "TagKey": "Env",
                      "TagValue": "production"
                    },
                    {
                      "TagKey": "team",
                      "TagValue": "payments"
                    },
                    {
                      "TagKey": "CostCenter",
                      "TagValue": ""
                    }
                  ]
                }""");
    }

    @Test
    void applyIsAllowedOnlyWithoutProblems() {
        assertThat(review(plan(), List.of(), false).canApplyProperty().get()).isTrue();
        assertThat(review(plan(), List.of("Key “aws:x”: reserved"), false).canApplyProperty().get()).isFalse();
        TagPlan reserved = TagPlan.between(ORIGINAL, List.of(EditedTag.added("aws:x", "1")));
        assertThat(review(reserved, List.of(), false).canApplyProperty().get()).isFalse();
        TagPlan nothing = TagPlan.between(Map.of("Env", "dev"), List.of(EditedTag.loaded("Env", "Env", "dev")));
        assertThat(review(nothing, List.of(), false).canApplyProperty().get()).isFalse();
    }

    @Test
    void onProductionTheAliasOrKeyIdMustBeTypedFirst() {
        ReviewViewModel review = review(plan(), List.of(), true);

        assertThat(review.confirmationRequired()).isTrue();
        assertThat(review.canApplyProperty().get()).isFalse();
        review.confirmationProperty().set("alias/payments");
        assertThat(review.canApplyProperty().get()).isFalse();
        review.confirmationProperty().set(" alias/pay ");
        assertThat(review.canApplyProperty().get()).isTrue();
        review.confirmationProperty().set(KEY_ID);
        assertThat(review.canApplyProperty().get()).isTrue();
        review.confirmationProperty().set("ALIAS/PAYMENTS-PROD");
        assertThat(review.canApplyProperty().get()).as("the alias is typed exactly").isFalse();
    }

    @Test
    void outsideProductionNothingNeedsTyping() {
        ReviewViewModel review = review(plan(), List.of(), false);

        assertThat(review.confirmationRequired()).isFalse();
        assertThat(review.canApplyProperty().get()).isTrue();
    }
}
