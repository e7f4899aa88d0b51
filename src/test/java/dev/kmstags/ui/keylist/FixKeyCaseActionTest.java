package dev.kmstags.ui.keylist;

import static dev.kmstags.ui.common.TestKeys.AWS_S3;
import static dev.kmstags.ui.common.TestKeys.DATES;
import static dev.kmstags.ui.common.TestKeys.MESSAGES;
import static dev.kmstags.ui.common.TestKeys.NO_ALIAS;
import static dev.kmstags.ui.common.TestKeys.PAYMENTS;
import static dev.kmstags.ui.common.TestKeys.REPORTING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.domain.KeyTags;
import dev.kmstags.domain.Tag;
import dev.kmstags.domain.TagPlan;
import dev.kmstags.domain.bulk.BulkPlan;
import dev.kmstags.domain.policy.TagPolicy;
import dev.kmstags.kms.KeyCatalog;
import dev.kmstags.ui.common.AppState;
import dev.kmstags.ui.common.BulkReviewOpener;
import dev.kmstags.ui.common.PolicyInForce;
import dev.kmstags.ui.common.ScriptedDialogs;
import dev.kmstags.ui.common.TestTaskExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Edit → Fix capitalization of tag keys… over the keys the list shows, or the keys selected. */
class FixKeyCaseActionTest {

    private final AppState state = new AppState();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final KeyListViewModel keyList = new KeyListViewModel(new TestTaskExecutor(), MESSAGES, DATES, state);
    private final List<BulkPlan> reviewed = new ArrayList<>();
    private final List<Map<String, BulkReviewOpener.Key>> named = new ArrayList<>();
    private final FixKeyCaseAction action = new FixKeyCaseAction(keyList, state, dialogs, MESSAGES,
            (plan, keys, applied) -> {
                reviewed.add(plan);
                named.add(keys);
            });

    private static KeyCatalog keys() {
        return listener -> {
            listener.accept(List.of(PAYMENTS, REPORTING, NO_ALIAS, AWS_S3));
            listener.tagsArrived(List.of(
                    KeyTags.read(PAYMENTS.keyId(), List.of(new Tag("costcenter", "CC-1"), new Tag("Team", "a"))),
                    KeyTags.read(REPORTING.keyId(), List.of(new Tag("CostCenter", "CC-2"))),
                    KeyTags.read(NO_ALIAS.keyId(), List.of(new Tag("COSTCENTER", "CC-3")))));
            return 4;
        };
    }

    private void withPolicy() {
        state.setTagPolicy(new PolicyInForce(TagPolicy.parse(
                "{\"tags\": {\"costcenter\": {\"tag_key\": \"CostCenter\"}}}"), "the tag policy in policy.json"));
    }

    @Test
    void theKeysShownWithAKeyInOtherCaseGetItRenamedInTheBulkReview() {
        keyList.load(keys());
        assertThat(action.isExecutable()).as("no tag policy: nothing to fix by").isFalse();
        withPolicy();
        assertThat(action.isExecutable()).isTrue();

        action.execute();

        assertThat(reviewed).singleElement().satisfies(plan -> {
            Map<String, TagPlan> ready = plan.ready();
            assertThat(ready).containsOnlyKeys(PAYMENTS.keyId(), NO_ALIAS.keyId());
            assertThat(ready.get(PAYMENTS.keyId()).renamed()).containsExactly(
                    new TagPlan.Rename("costcenter", "CostCenter", "CC-1", "CC-1"));
            assertThat(ready.get(NO_ALIAS.keyId()).renamed()).containsExactly(
                    new TagPlan.Rename("COSTCENTER", "CostCenter", "CC-3", "CC-3"));
            assertThat(plan.skipped()).containsOnlyKeys(AWS_S3.keyId());
        });
        assertThat(named.get(0).get(PAYMENTS.keyId()).name()).isEqualTo("alias/payments-prod");
    }

    @Test
    void withSeveralKeysSelectedOnlyThoseAreFixed() {
        keyList.load(keys());
        withPolicy();
        keyList.requestSelection(List.of(keyList.rows().get(1), keyList.rows().get(2)));

        action.execute();

        assertThat(reviewed.get(0).ready()).containsOnlyKeys(NO_ALIAS.keyId());
    }

    @Test
    void whenEveryKeyIsWrittenAsThePolicyWritesItNothingIsReviewed() {
        keyList.load(keys());
        withPolicy();
        keyList.requestSelection(List.of(keyList.rows().get(1), keyList.rows().get(3)));

        action.execute();

        assertThat(reviewed).isEmpty();
        assertThat(dialogs.shown("information")).singleElement().satisfies(shown -> assertThat(shown.header())
                .isEqualTo("The tag keys of the key are written as the tag policy writes them."));
    }
}
