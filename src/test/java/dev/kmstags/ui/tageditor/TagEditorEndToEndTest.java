package dev.kmstags.ui.tageditor;

import static dev.kmstags.ui.common.TestKeys.DATES;
import static dev.kmstags.ui.common.TestKeys.MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.domain.KeyManager;
import dev.kmstags.kms.KmsClients;
import dev.kmstags.kms.KmsConnection;
import dev.kmstags.kms.KmsSession;
import dev.kmstags.kms.TagService;
import dev.kmstags.local.BackendOptions;
import dev.kmstags.local.LocalKmsBackend;
import dev.kmstags.ui.common.LoadState;
import dev.kmstags.ui.common.ScriptedDialogs;
import dev.kmstags.ui.common.TestKeys;
import dev.kmstags.ui.common.TestTaskExecutor;
import dev.kmstags.ui.conflict.ConflictViewModel;
import dev.kmstags.ui.keylist.KeyRowViewModel;
import dev.kmstags.ui.review.ReviewViewModel;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.Tag;

/**
 * The tag editor's commits end to end, on the real tag service: the real SDK client over HTTP against the bundled
 * backend and its SQLite file, which fails calls on demand. Another client plays a colleague who changes the same
 * key. Editing, checking and merging without a backend are in {@link TagEditorViewModelTest}.
 */
class TagEditorEndToEndTest {

    @TempDir
    Path folder;

    private LocalKmsBackend backend;
    private KmsSession session;
    private KmsClient colleague;
    private String keyId;

    private final TestTaskExecutor executor = new TestTaskExecutor();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final ObjectProperty<KeyRowViewModel> selectedKey = new SimpleObjectProperty<>();
    private final ObjectProperty<TagService> tagService = new SimpleObjectProperty<>();
    private final BooleanProperty production = new SimpleBooleanProperty();
    private final StringProperty connectionText = new SimpleStringProperty("test · 111122223333 · us-east-1");
    private TagEditorViewModel editor;

    @BeforeEach
    void start() throws Exception {
        backend = LocalKmsBackend.start(BackendOptions.defaults(folder.resolve("kms.db")).withPort(0).withSeed(false));
        KmsConnection connection = KmsConnection.bundledBackend(backend.endpoint(), "us-east-1", "test", "test");
        session = KmsSession.open(connection);
        colleague = KmsClients.create(connection);
        keyId = createKey(tag("Env", "dev"), tag("Team", "payments"), tag("Owner", "alice"));
        tagService.set(session.tagService());
        editor = new TagEditorViewModel(executor, MESSAGES, dialogs, selectedKey, tagService, production,
                connectionText);
        select(keyId, KeyManager.CUSTOMER, "Enabled");
    }

    @AfterEach
    void stop() {
        colleague.close();
        session.close();
        backend.close();
    }

    private String createKey(Tag... tags) {
        return colleague.createKey(b -> b.tags(tags)).keyMetadata().keyId();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().tagKey(key).tagValue(value).build();
    }

    private void select(String id, KeyManager manager, String state) {
        selectedKey.set(new KeyRowViewModel(TestKeys.key(id, List.of("alias/payments-prod"), "Payments", state,
                manager), MESSAGES, DATES));
    }

    private Map<String, String> kmsTags() {
        Map<String, String> tags = new LinkedHashMap<>();
        colleague.listResourceTagsPaginator(b -> b.keyId(keyId)).tags()
                .forEach(t -> tags.put(t.tagKey(), t.tagValue()));
        return tags;
    }

    private TagRowViewModel row(String key) {
        return editor.rows().stream().filter(row -> key.equals(row.keyProperty().get())).findFirst().orElseThrow();
    }

    private TagRowViewModel add(String key, String value) {
        TagRowViewModel row = editor.addTag();
        row.keyProperty().set(key);
        row.valueProperty().set(value);
        return row;
    }

    /** Changes Env to production and applies it; the commit waits until the test runs the held work. */
    private void applyEnvProductionHeld() {
        row("Env").valueProperty().set("production");
        dialogs.applyNextReview();
        executor.holdWork();
        editor.review();
    }

    private void remove(String key) {
        editor.selectedRowProperty().set(row(key));
        editor.removeOrRestoreSelected();
    }

    @Test
    void applyingSendsTheReviewedCallsAndShowsWhatKmsHoldsAfterwards() {
        row("Env").valueProperty().set("production");
        row("Team").keyProperty().set("team");
        remove("Owner");
        add("CostCenter", "CC-1");
        dialogs.applyNextReview();

        editor.review();

        ReviewViewModel review = dialogs.reviews().get(0);
        assertThat(review.overwrittenLines()).containsExactly("Env: dev → production");
        assertThat(review.renamedLines()).containsExactly("Team → team, value kept");
        assertThat(review.calls()).extracting(ReviewViewModel.Call::operation)
                .containsExactly("UntagResource", "TagResource");
        Map<String, String> expected = Map.of("Env", "production", "team", "payments", "CostCenter", "CC-1");
        assertThat(kmsTags()).isEqualTo(expected);
        assertThat(editor.rows()).extracting(r -> r.keyProperty().get()).containsExactlyInAnyOrderElementsOf(
                expected.keySet());
        assertThat(editor.rows()).allMatch(r -> r.stateProperty().get() == TagRowViewModel.State.UNCHANGED);
        assertThat(editor.dirtyProperty().get()).isFalse();
        assertThat(editor.lastResultProperty().get()).isEqualTo("4 tags changed on alias/payments-prod");
        assertThat(editor.lastResultIsErrorProperty().get()).isFalse();
    }

    @Test
    void aChangeByAColleagueOfTheSameTagIsAConflictAndKeepEditingWritesNothing() {
        row("Env").valueProperty().set("production");
        colleague.tagResource(b -> b.keyId(keyId).tags(tag("Env", "staging")));
        dialogs.applyNextReview().answerNextConflict(ConflictViewModel.Choice.KEEP_EDITING);

        editor.review();

        ConflictViewModel conflict = dialogs.conflicts().get(0);
        assertThat(conflict.header()).isEqualTo("1 tag of alias/payments-prod changed both in your edit and in KMS "
                + "since you started editing. Nothing was written.");
        assertThat(conflict.rows()).extracting(ConflictViewModel.Row::key, ConflictViewModel.Row::original,
                        ConflictViewModel.Row::theirs, ConflictViewModel.Row::yours)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Env", "dev", "staging", "production"));
        assertThat(dialogs.reviews()).hasSize(1);
        assertThat(kmsTags()).containsEntry("Env", "staging");
        assertThat(row("Env").valueProperty().get()).isEqualTo("production");
        assertThat(editor.lastResultIsErrorProperty().get()).isTrue();
    }

    @Test
    void choosingMineForATrueConflictReviewsWhatOfTheirsIsOverwrittenThenWritesOnlyThat() {
        row("Env").valueProperty().set("production");
        add("CostCenter", "CC-1");
        colleague.tagResource(b -> b.keyId(keyId).tags(tag("Env", "staging"), tag("Reviewer", "bob")));
        dialogs.applyNextReview().answerNextConflict(ConflictViewModel.Choice.REVIEW_MERGE).applyNextReview();

        editor.review();

        ReviewViewModel merged = dialogs.reviews().get(1);
        assertThat(merged.undoneLines()).containsExactly("Overwrites their value of Env: staging → production");
        assertThat(merged.keptLines()).containsExactly("Kept their change: Reviewer = bob");
        assertThat(merged.overwrittenLines()).containsExactly("Env: staging → production");
        assertThat(merged.addedLines()).containsExactly("CostCenter = CC-1");
        assertThat(kmsTags()).isEqualTo(Map.of("Env", "production", "Team", "payments", "Owner", "alice",
                "CostCenter", "CC-1", "Reviewer", "bob"));
        assertThat(editor.lastResultProperty().get()).isEqualTo("2 tags changed on alias/payments-prod");
        assertThat(editor.dirtyProperty().get()).isFalse();
    }

    @Test
    void whenTagResourceFailsAfterUntagTheDialogSaysWhatIsOnTheKeyAndThePendingEditsStay() {
        row("Env").valueProperty().set("production");
        remove("Owner");
        add("CostCenter", "CC-1");
        backend.faults().fail("TagResource", 1, "LimitExceededException", "The request was rejected");
        dialogs.applyNextReview();

        editor.review();

        ScriptedDialogs.Shown error = dialogs.shown("error").get(0);
        assertThat(error.header()).isEqualTo("Only part of the change reached alias/payments-prod.");
        assertThat(error.content()).isEqualTo("An AWS account quota was exceeded (LimitExceededException: The "
                + "request was rejected). Wait a moment and apply again, or ask an administrator to raise the quota."
                + "\n\nDone: UntagResource (Owner)."
                + "\nNow on the key: Env = dev, Team = payments."
                + "\nStill pending, and kept in the table: TagResource (Env = production, CostCenter = CC-1). "
                + "Review and apply them again.");
        assertThat(kmsTags()).isEqualTo(Map.of("Env", "dev", "Team", "payments"));
        assertThat(editor.rows()).extracting(r -> r.keyProperty().get())
                .containsExactlyInAnyOrder("Env", "Team", "CostCenter");
        assertThat(row("Env").stateProperty().get()).isEqualTo(TagRowViewModel.State.CHANGED);
        assertThat(row("CostCenter").stateProperty().get()).isEqualTo(TagRowViewModel.State.ADDED);
        assertThat(editor.plan().calls()).hasSize(1);
        assertThat(editor.lastResultProperty().get())
                .isEqualTo("Tag changes to alias/payments-prod failed; the edits are kept");

        dialogs.applyNextReview();
        editor.review();

        assertThat(kmsTags()).isEqualTo(Map.of("Env", "production", "Team", "payments", "CostCenter", "CC-1"));
    }

    @Test
    void whenTheFirstCallIsDeniedNothingChangesAndEveryEditStays() {
        remove("Owner");
        add("CostCenter", "CC-1");
        backend.faults().fail("UntagResource", 1, "AccessDeniedException",
                "User is not authorized to perform: kms:UntagResource");
        dialogs.applyNextReview();

        editor.review();

        ScriptedDialogs.Shown error = dialogs.shown("error").get(0);
        assertThat(error.header()).isEqualTo("Nothing was changed on alias/payments-prod.");
        assertThat(error.content()).startsWith("Access denied: these credentials may not change the tags of "
                + "alias/payments-prod (AccessDeniedException: User is not authorized to perform: "
                + "kms:UntagResource). Ask an administrator for kms:TagResource and kms:UntagResource on this key.")
                .endsWith("Your edits stay in the table: review and apply them again once the cause is fixed.");
        assertThat(row("Owner").stateProperty().get()).isEqualTo(TagRowViewModel.State.REMOVED);
        assertThat(row("CostCenter").stateProperty().get()).isEqualTo(TagRowViewModel.State.ADDED);
        assertThat(kmsTags()).containsEntry("Owner", "alice").doesNotContainKey("CostCenter");
    }

    @Test
    void aKeyDeletedMeanwhileIsNamedInTheSentence() {
        row("Env").valueProperty().set("production");
        colleague.scheduleKeyDeletion(b -> b.keyId(keyId).pendingWindowInDays(7));
        dialogs.applyNextReview();

        editor.review();

        assertThat(dialogs.shown("error").get(0).content()).startsWith("The state of alias/payments-prod does not "
                + "allow tag changes (KMSInvalidStateException");
        assertThat(row("Env").valueProperty().get()).isEqualTo("production");
    }

    @Test
    void aFailedLoadSaysWhyAndCanBeTriedAgain() {
        backend.faults().fail("ListResourceTags", 1, "AccessDeniedException", "not authorized");

        editor.reload();

        assertThat(editor.loadStateProperty().get()).isEqualTo(LoadState.FAILED);
        assertThat(editor.placeholderTextProperty().get()).startsWith("Access denied");
        assertThat(editor.canRetryProperty().get()).isTrue();

        editor.reload();
        assertThat(editor.rows()).hasSize(3);
    }

    @Test
    void quittingWhileACommitThatFailsIsWrittenKeepsTheAppOpenWithTheEdits() {
        int[] closes = {0};
        backend.faults().fail("TagResource", 10, "KMSInternalException", "Internal error");
        applyEnvProductionHeld();

        assertThat(editor.mayClose(() -> closes[0]++)).isFalse();
        executor.runHeldWork();

        assertThat(closes[0]).isZero();
        assertThat(dialogs.shown("error")).hasSize(1);
        assertThat(row("Env").valueProperty().get()).isEqualTo("production");
        assertThat(editor.dirtyProperty().get()).isTrue();
    }

    @Test
    void anInternalErrorThatOutlastsTheSdksRetriesSaysToWaitAndKeepsTheEdits() {
        row("Env").valueProperty().set("production");
        backend.faults().fail("TagResource", 10, "KMSInternalException", "Internal error");
        dialogs.applyNextReview();

        editor.review();

        assertThat(dialogs.shown("error").get(0).content()).startsWith("KMS failed on its side, even after the "
                + "SDK's retries (KMSInternalException: Internal error). Wait a moment, then apply again.");
        assertThat(row("Env").valueProperty().get()).isEqualTo("production");
        assertThat(kmsTags()).containsEntry("Env", "dev");
    }

    @Test
    void aSingleInternalErrorIsRetriedByTheSdkAndTheCommitSucceeds() {
        row("Env").valueProperty().set("production");
        backend.faults().fail("TagResource", 1, "KMSInternalException", "Internal error");
        dialogs.applyNextReview();

        editor.review();

        assertThat(dialogs.shown("error")).isEmpty();
        assertThat(kmsTags()).containsEntry("Env", "production");
    }

    @Test
    void aClosedEndpointIsAConnectionFailureWithNothingWritten() {
        row("Env").valueProperty().set("production");
        backend.close();
        dialogs.applyNextReview();

        editor.review();

        ScriptedDialogs.Shown error = dialogs.shown("error").get(0);
        assertThat(error.header()).isEqualTo("Nothing was changed on alias/payments-prod.");
        assertThat(error.content()).startsWith("Could not connect to KMS: nothing answers at the endpoint");
        assertThat(row("Env").valueProperty().get()).isEqualTo("production");
    }
}
