package dev.kmstags.ui.tageditor;

import static dev.kmstags.ui.common.TestKeys.DATES;
import static dev.kmstags.ui.common.TestKeys.MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.domain.EditedTag;
import dev.kmstags.domain.KeyManager;
import dev.kmstags.domain.Tag;
import dev.kmstags.domain.TagMerge;
import dev.kmstags.domain.TagPlan;
import dev.kmstags.kms.TagService;
import dev.kmstags.ui.common.ScriptedDialogs;
import dev.kmstags.ui.common.TestKeys;
import dev.kmstags.ui.common.TestTaskExecutor;
import dev.kmstags.ui.keylist.KeyRowViewModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Test;

/** The commit flow on its own, as a bulk edit runs it: one per key, each telling its own table the result. */
class TagCommitTest {

    private final InMemoryTagService kms = new InMemoryTagService();
    private final TestTaskExecutor executor = new TestTaskExecutor();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    /** What a commit told the table its edit came from. */
    private static final class RecordingTable implements TagCommit.Table {

        private final List<Map<String, String>> shown = new ArrayList<>();

        @Override
        public void showTags(Map<String, String> tags) {
            shown.add(tags);
        }

        @Override
        public void rebase(Map<String, String> now) {
            throw new AssertionError("Nothing failed, so nothing is rebased");
        }
    }

    private TagCommit newCommit() {
        return new TagCommit(executor, MESSAGES, dialogs, new TagTableCheck(MESSAGES),
                new SimpleObjectProperty<TagService>(kms), new SimpleBooleanProperty(false),
                new SimpleStringProperty("test · 111122223333 · us-east-1"));
    }

    private static KeyRowViewModel row(String keyId, String alias) {
        return new KeyRowViewModel(TestKeys.key(keyId, List.of(alias), "", "Enabled", KeyManager.CUSTOMER),
                MESSAGES, DATES);
    }

    /** The plan that sets Owner to {@code owner} on a key that holds {@code original}. */
    private static TagMerge.Result ownerBecomes(Map<String, String> original, String owner) {
        List<EditedTag> rows = new ArrayList<>();
        original.forEach((key, value) -> rows.add(EditedTag.loaded(key, key, key.equals("Owner") ? owner : value)));
        return TagMerge.Result.unmerged(TagPlan.between(original, rows));
    }

    @Test
    void eachKeyIsReviewedCommittedAndShownInItsOwnTable() {
        String first = kms.createKey(new Tag("Owner", "alice"), new Tag("Env", "dev"));
        String second = kms.createKey(new Tag("Owner", "alice"));
        RecordingTable firstTable = new RecordingTable();
        RecordingTable secondTable = new RecordingTable();
        TagCommit firstCommit = newCommit();
        TagCommit secondCommit = newCommit();
        dialogs.applyNextReview().applyNextReview();

        firstCommit.review(row(first, "alias/first"), ownerBecomes(kms.tags(first), "bob"), List.of(), firstTable);
        secondCommit.review(row(second, "alias/second"), ownerBecomes(kms.tags(second), "bob"), List.of(),
                secondTable);

        assertThat(kms.tags(first)).isEqualTo(Map.of("Owner", "bob", "Env", "dev"));
        assertThat(kms.tags(second)).isEqualTo(Map.of("Owner", "bob"));
        assertThat(firstTable.shown).containsExactly(Map.of("Owner", "bob", "Env", "dev"));
        assertThat(secondTable.shown).containsExactly(Map.of("Owner", "bob"));
        assertThat(firstCommit.lastResultProperty().get()).isEqualTo("1 tag changed on alias/first");
        assertThat(secondCommit.lastResultProperty().get()).isEqualTo("1 tag changed on alias/second");
    }

    @Test
    void whileItsCommitRunsTheFlowIsCommittingAndATableLeftMeanwhileIsNotTouched() {
        String keyId = kms.createKey(new Tag("Owner", "alice"));
        RecordingTable table = new RecordingTable();
        TagCommit commit = newCommit();
        dialogs.applyNextReview();
        executor.holdWork();

        commit.review(row(keyId, "alias/payments"), ownerBecomes(kms.tags(keyId), "bob"), List.of(), table);
        assertThat(commit.committingProperty().get()).isTrue();
        commit.tableLeft();
        executor.runHeldWork();

        assertThat(commit.committingProperty().get()).isFalse();
        assertThat(kms.tags(keyId)).containsEntry("Owner", "bob");
        assertThat(table.shown).isEmpty();
        assertThat(commit.lastResultProperty().get()).isEqualTo("1 tag changed on alias/payments");
    }
}
