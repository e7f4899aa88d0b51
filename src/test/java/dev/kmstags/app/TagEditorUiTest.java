package dev.kmstags.app;

import static dev.kmstags.app.UiSteps.tagCell;
import static dev.kmstags.app.UiSteps.tagCellNow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.kms.KmsClients;
import dev.kmstags.local.BackendOptions;
import dev.kmstags.ui.common.Theme;
import dev.kmstags.ui.conflict.ConflictViewModel;
import dev.kmstags.ui.keylist.KeyRowViewModel;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.Tag;

/**
 * The tag editor in the real main window, on the bundled backend with its demo account, through the real SDK:
 * edit, review, apply, and a separate SDK client (another user) that checks what KMS holds or changes it meanwhile.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TagEditorUiTest {

    private static final long WAIT = 30;

    @TempDir
    Path folder;

    private AppContext context;
    private Stage stage;
    private KmsClient otherUser;

    @Start
    void start(Stage primaryStage) {
        stage = primaryStage;
        show(0);
    }

    /** Opens the app in the stage, on a bundled backend that answers after {@code latencyMs}. */
    private void show(int latencyMs) {
        context = new AppContext(BackendOptions.defaults(folder.resolve("kms.db")).withPort(0)
                .withLatencyMs(latencyMs), "us-east-1", Locale.US);
        context.show(stage);
    }

    @AfterEach
    void close() throws Exception {
        if (otherUser != null) {
            otherUser.close();
        }
        FxToolkit.cleanupStages();
        context.close();
    }

    // --- what the window shows --------------------------------------------------------------------------------

    private static Optional<Labeled> labeled(FxRobot robot, String query, String text) {
        // Only shown nodes: a table keeps an invisible cell for measuring rows, which may hold any row's text.
        return robot.lookup(query).match(NodeQueryUtils.isVisible())
                .match((Labeled node) -> text.equals(node.getText())).tryQuery();
    }

    /** The labeled node showing {@code text}, once the scene shows it (table cells appear a pulse after their data). */
    private static Labeled shown(FxRobot robot, String query, String text) throws Exception {
        waitUntil(query + " shows " + text, () -> labeled(robot, query, text).isPresent());
        return labeled(robot, query, text).orElseThrow();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryLabeled().getText();
    }

    private static void waitUntil(String what, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Timed out waiting until " + what, e);
        }
    }

    private void openKey(FxRobot robot, String alias) throws Exception {
        waitUntil("the keys are loaded", () -> "12 keys loaded".equals(text(robot, ".status-text")));
        // The status may change a pulse before the table lays out its re-sorted rows: click a cell that shows its row.
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(alias + " is shown in its row", () -> keyCell(robot, alias).isPresent());
        Labeled cell = keyCell(robot, alias).orElseThrow();
        robot.clickOn(cell);
        try {
            waitUntil(alias + " is open", () -> alias.equals(text(robot, ".details-title")));
        } catch (AssertionError e) {
            Snapshots.save(stage.getScene(), "failed-open-" + alias.replace('/', '-'));
            throw new AssertionError(e.getMessage() + "; title " + text(robot, ".details-title") + ", selected "
                    + context.state().selectedKeyProperty().get().aliasesText() + ", table "
                    + robot.lookup(".key-table").queryTableView().getSelectionModel().getSelectedIndex()
                    + " of " + robot.lookup(".key-table").queryTableView().getItems().size(), e);
        }
        waitUntil("its tags are loaded", () -> !text(robot, ".tag-count").isEmpty());
    }

    /** The key table's cell showing {@code alias}, if it sits where that key's row is now (not a stale one). */
    private static Optional<Labeled> keyCell(FxRobot robot, String alias) {
        return robot.lookup(".key-table .table-cell").match(NodeQueryUtils.isVisible())
                .match((TableCell<KeyRowViewModel, ?> cell) -> alias.equals(cell.getText())
                        && cell.getIndex() >= 0 && cell.getIndex() < cell.getTableView().getItems().size()
                        && cell.getTableView().getItems().get(cell.getIndex()).aliasesText().equals(alias))
                .tryQueryAs(Labeled.class);
    }

    /** The visible tag cell holding {@code text} (a changed one shows it beside its old text, not as its own). */
    /** Double-clicks the cell, replaces its text (editing selects it all) and presses {@code then}. */
    private static void editCell(FxRobot robot, String current, String replacement, KeyCode then)
            throws Exception {
        startEditing(robot, () -> tagCell(robot, current));
        robot.write(replacement).type(then);
        // The test goes on once the key reached the cell, not while the typing is still queued.
        waitUntil("the cell edit ends",
                () -> robot.lookup(".tag-table").queryAs(TableView.class).getEditingCell() == null);
        if (then == KeyCode.ENTER) {
            tagCell(robot, replacement);
        }
    }

    /**
     * Double-clicks the cell {@code cell} finds and waits until its editor has the keyboard. On a loaded machine a
     * double-click now and then opens no editor (the typing then reaches no cell and the table stays unedited): only
     * then is it done again, on the cell found anew, since the table may have drawn its rows again meanwhile and the
     * cell found first then stands elsewhere or nowhere.
     */
    static void startEditing(FxRobot robot, Callable<? extends Node> cell) throws Exception {
        for (int attempt = 1; ; attempt++) {
            robot.doubleClickOn(cell.call());
            try {
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".tag-cell-editor")
                        .match(Node::isFocused).tryQuery().isPresent());
                return;
            } catch (java.util.concurrent.TimeoutException e) {
                if (attempt == 3) {
                    throw new AssertionError("Timed out waiting until a cell editor has the keyboard", e);
                }
            }
        }
    }

    /** The button labelled {@code text}, once it shows (a dialog's buttons show a pulse after the dialog). */
    private static Button button(FxRobot robot, String query, String text) throws Exception {
        return (Button) shown(robot, query, text);
    }

    private static Node waitForDialog(FxRobot robot, String styleClass) throws Exception {
        waitUntil("the " + styleClass + " shows", () -> robot.lookup("." + styleClass).tryQuery().isPresent());
        return robot.lookup("." + styleClass).query();
    }

    private List<String> shownTagKeys(FxRobot robot) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> robot.lookup(".tag-table")
                .queryAs(TableView.class).getItems().stream()
                .map(row -> ((dev.kmstags.ui.tageditor.TagRowViewModel) row).keyProperty().get())
                .toList()));
    }

    // --- what KMS holds, seen by another SDK client ------------------------------------------------------------

    private KmsClient otherUser() {
        if (otherUser == null) {
            otherUser = KmsClients.create(context.connection());
        }
        return otherUser;
    }

    private Map<String, String> kmsTags(String alias) {
        String keyId = otherUser().describeKey(b -> b.keyId(alias)).keyMetadata().keyId();
        Map<String, String> tags = new LinkedHashMap<>();
        otherUser().listResourceTagsPaginator(b -> b.keyId(keyId)).tags()
                .forEach(tag -> tags.put(tag.tagKey(), tag.tagValue()));
        return tags;
    }

    // --- the flows ---------------------------------------------------------------------------------------------

    @Test
    void editReviewAndApplyThenKmsHoldsExactlyTheNewTags(FxRobot robot) throws Exception {
        openKey(robot, "alias/payments-prod");
        Map<String, String> expected = new LinkedHashMap<>(kmsTags("alias/payments-prod"));
        assertThat(text(robot, ".tag-count")).isEqualTo("6 of 50 tags");
        Snapshots.save(stage.getScene(), "tag-editor");

        editCell(robot, "CC-1042", "CC-2001", KeyCode.ENTER);
        editCell(robot, "payments", "oops", KeyCode.ESCAPE);
        assertThat(tagCell(robot, "payments").getGraphic()).as("Escape puts the old text back, unmarked").isNull();
        assertThat(tagCellNow(robot, "oops")).isEmpty();
        robot.clickOn(button(robot, ".tag-editor-toolbar .button", "Add tag"));
        robot.write("aws:owner").type(KeyCode.TAB).write("platform#team").type(KeyCode.ENTER);

        waitUntil("the reserved key is explained", () -> labeled(robot, ".tag-problem",
                "Key “aws:owner”: Keys starting with “aws:” (in any letter case) are reserved for AWS. "
                        + "Choose another key.").isPresent());
        assertThat(tagCell(robot, "aws:owner").getPseudoClassStates().toString()).contains("invalid");
        assertThat(((Labeled) tagCell(robot, "CC-2001").lookup(".tag-current")).getText()).isEqualTo("CC-2001");
        assertThat(text(robot, ".tag-count")).isEqualTo("7 of 50 tags");
        Snapshots.save(stage.getScene(), "tag-editor-errors");

        robot.push(KeyCode.SHORTCUT, KeyCode.S);
        Node review = waitForDialog(robot, "review-view");
        assertThat(button(robot, ".review-dialog .button", "Apply").isDisabled()).isTrue();
        robot.clickOn(button(robot, ".review-dialog .button", "Cancel"));

        editCell(robot, "aws:owner", "Steward", KeyCode.ENTER);
        robot.push(KeyCode.SHORTCUT, KeyCode.S);
        review = waitForDialog(robot, "review-view");
        assertThat(labeled(robot, ".review-line", "CostCenter: CC-1042 → CC-2001")).isPresent();
        assertThat(labeled(robot, ".review-line", "Steward = platform#team")).isPresent();
        assertThat(labeled(robot, ".review-operation", "TagResource")).isPresent();
        assertThat(labeled(robot, ".review-operation", "UntagResource")).isEmpty();
        assertThat(kmsTags("alias/payments-prod")).as("nothing is sent before Apply").isEqualTo(expected);
        Snapshots.save(review.getScene(), "review-dialog");
        robot.clickOn(button(robot, ".review-dialog .button", "Apply"));

        waitUntil("the status bar reports the result",
                () -> "2 tags changed on alias/payments-prod".equals(text(robot, ".status-result")));
        expected.put("CostCenter", "CC-2001");
        expected.put("Steward", "platform#team");
        assertThat(kmsTags("alias/payments-prod")).isEqualTo(expected);
        assertThat(shownTagKeys(robot)).containsExactlyInAnyOrderElementsOf(expected.keySet());
        assertThat(robot.lookup(".tag-table .table-row-cell").queryAll().stream().filter(Node::isVisible)
                .map(row -> row.getPseudoClassStates().toString()))
                .noneMatch(states -> states.contains("changed") || states.contains("added"));
        Snapshots.save(stage.getScene(), "tag-editor-applied");
    }

    @Test
    void theDemoTagPolicyShowsInTheCellsAsTypedAndInTheReviewWhereAnEnforcedValueKeepsApplyDisabled(FxRobot robot)
            throws Exception {
        waitUntil("the demo account's tag policy is read", () -> context.state().tagPolicyProperty().get()
                .isPresent());
        openKey(robot, "alias/payments-prod");

        editCell(robot, "CC-1042", "CC-9000", KeyCode.ENTER);
        editCell(robot, "Environment", "environment", KeyCode.ENTER);

        waitUntil("the value not allowed is explained", () -> labeled(robot, ".tag-problem",
                "Value of “CostCenter”: The tag policy does not allow this value. Allowed: CC-1*, CC-2*."
                        + " AWS refuses the change: the policy is enforced for KMS keys.").isPresent());
        assertThat(tagCell(robot, "CC-9000").getPseudoClassStates().toString()).contains("invalid");
        assertThat(tagCell(robot, "environment").getPseudoClassStates().toString()).contains("warning")
                .doesNotContain("invalid");
        assertThat(tagCell(robot, "environment").getTooltip().getText())
                .contains("The tag policy writes this key “Environment”.");

        robot.push(KeyCode.SHORTCUT, KeyCode.S);
        Node review = waitForDialog(robot, "review-view");
        assertThat(shown(robot, ".review-section-title",
                "Tag policy (the organization’s effective tag policy)")).isNotNull();
        assertThat(labeled(robot, ".review-line.policy-refused", "CostCenter = CC-9000: the tag policy does not"
                + " allow this value. Allowed: CC-1*, CC-2*. AWS refuses this change: the policy is enforced for KMS"
                + " keys.")).isPresent();
        assertThat(labeled(robot, ".review-line.policy-warning",
                "environment: the tag policy writes this key “Environment”.")).isPresent();
        assertThat(button(robot, ".review-dialog .button", "Apply").isDisabled()).isTrue();
        Snapshots.save(review.getScene(), "review-tag-policy");
        robot.clickOn(button(robot, ".review-dialog .button", "Cancel"));
        waitUntil("the review is closed", () -> robot.lookup(".review-view").tryQuery().isEmpty());

        editCell(robot, "CC-9000", "CC-2001", KeyCode.ENTER);
        robot.push(KeyCode.SHORTCUT, KeyCode.S);
        waitForDialog(robot, "review-view");
        waitUntil("Apply is enabled once only warnings are left",
                () -> !button(robot, ".review-dialog .button", "Apply").isDisabled());
        robot.clickOn(button(robot, ".review-dialog .button", "Cancel"));
        // A review left open would hold the keyboard and mouse from the next test's window.
        waitUntil("the review is closed", () -> robot.lookup(".review-view").tryQuery().isEmpty());
    }

    @Test
    void aTagAnotherUserAddedMeanwhileIsKeptAndTheMergedReviewSaysSoBeforeOnlyMyEditIsWritten(FxRobot robot)
            throws Exception {
        openKey(robot, "alias/payments-prod");
        editCell(robot, "payments-oncall@example.com", "payments-team@example.com", KeyCode.ENTER);
        otherUser().tagResource(b -> b.keyId(keyIdOf("alias/payments-prod"))
                .tags(Tag.builder().tagKey("AccessGroup").tagValue("payments-readers").build()));

        robot.push(KeyCode.SHORTCUT, KeyCode.S);
        waitForDialog(robot, "review-view");
        assertThat(text(robot, ".review-target")).isEqualTo("Writes to " + text(robot, ".connection-label"));
        robot.clickOn(button(robot, ".review-dialog .button", "Apply"));

        // Nothing truly conflicts: no conflict dialog, but the review again, with the merge.
        shown(robot, ".review-line", "Kept their change: AccessGroup = payments-readers");
        Node merged = waitForDialog(robot, "review-view");
        assertThat(robot.lookup(".conflict-view").tryQuery()).isEmpty();
        assertThat(labeled(robot, ".review-line",
                "Owner: payments-oncall@example.com → payments-team@example.com")).isPresent();
        assertThat(kmsTags("alias/payments-prod")).containsEntry("Owner", "payments-oncall@example.com");
        Snapshots.save(merged.getScene(), "review-merged");
        robot.clickOn(button(robot, ".review-dialog .button", "Apply"));

        waitUntil("the status bar reports the result",
                () -> "1 tag changed on alias/payments-prod".equals(text(robot, ".status-result")));
        assertThat(kmsTags("alias/payments-prod")).containsEntry("Owner", "payments-team@example.com")
                .containsEntry("AccessGroup", "payments-readers").hasSize(7);
        assertThat(shownTagKeys(robot)).contains("AccessGroup");
    }

    @Test
    void forATrueConflictTheUserPicksASidePerTagAndReviewsExactlyWhatIsWritten(FxRobot robot) throws Exception {
        openKey(robot, "alias/orders-db");
        editCell(robot, "daily", "hourly", KeyCode.ENTER);
        editCell(robot, "commerce", "orders-team", KeyCode.ENTER);
        otherUser().tagResource(b -> b.keyId(keyIdOf("alias/orders-db")).tags(
                Tag.builder().tagKey("Backup").tagValue("weekly").build(),
                Tag.builder().tagKey("Team").tagValue("platform").build(),
                Tag.builder().tagKey("AccessGroup").tagValue("orders-readers").build()));

        robot.clickOn(button(robot, ".tag-editor-actions .button", "Review changes…"));
        waitForDialog(robot, "review-view");
        robot.clickOn(button(robot, ".review-dialog .button", "Apply"));

        Node conflict = waitForDialog(robot, "conflict-view");
        assertThat(text(robot, ".conflict-header")).isEqualTo("2 tags of alias/orders-db changed both in your edit "
                + "and in KMS since you started editing. Nothing was written.");
        assertThat(labeled(robot, ".conflict-table .table-cell", "weekly")).isPresent();
        assertThat(labeled(robot, ".conflict-table .table-cell", "hourly")).isPresent();
        assertThat(labeled(robot, ".conflict-table .table-cell", "AccessGroup")).as("not a conflict").isEmpty();
        robot.clickOn(sideButton(robot, "theirs", "Team"));
        WaitForAsyncUtils.waitForFxEvents();
        Snapshots.save(conflict.getScene(), "conflict-true");
        robot.clickOn(button(robot, ".conflict-dialog .button", "Review the merge…"));

        shown(robot, ".review-line", "Overwrites their value of Backup: weekly → hourly");
        assertThat(labeled(robot, ".review-line", "Kept their change: Team: commerce → platform")).isPresent();
        assertThat(labeled(robot, ".review-line", "Kept their change: AccessGroup = orders-readers")).isPresent();
        assertThat(labeled(robot, ".review-line", "Backup: weekly → hourly")).isPresent();
        assertThat(kmsTags("alias/orders-db")).as("nothing written before the second Apply")
                .containsEntry("Backup", "weekly");
        robot.clickOn(button(robot, ".review-dialog .button", "Apply"));

        waitUntil("the status bar reports the result",
                () -> "1 tag changed on alias/orders-db".equals(text(robot, ".status-result")));
        assertThat(kmsTags("alias/orders-db")).isEqualTo(Map.of("Environment", "production", "Team", "platform",
                "Application", "orders", "Backup", "hourly", "AccessGroup", "orders-readers"));
    }

    /** The Mine or Theirs button of the conflict dialog's row for {@code key}. */
    private static RadioButton sideButton(FxRobot robot, String side, String key) throws Exception {
        waitUntil("the conflict rows show", () -> !robot.lookup(".conflict-" + side).queryAll().isEmpty());
        return robot.lookup(".conflict-" + side).match(NodeQueryUtils.isVisible()).queryAllAs(RadioButton.class)
                .stream().filter(button -> {
                    TableCell<?, ?> cell = (TableCell<?, ?>) button.getParent().getParent();
                    return cell.getTableRow().getItem() instanceof ConflictViewModel.Row row && row.key().equals(key);
                }).findFirst().orElseThrow();
    }

    private String keyIdOf(String alias) {
        return otherUser().describeKey(b -> b.keyId(alias)).keyMetadata().keyId();
    }

    @Test
    void leavingAKeyWithEditsAsksAndCancelKeepsTheKeyAndItsEdits(FxRobot robot) throws Exception {
        openKey(robot, "alias/payments-prod");
        editCell(robot, "PCI-DSS", "PCI-DSS v4", KeyCode.ENTER);

        robot.clickOn(shown(robot, ".key-table .table-cell", "alias/orders-db"));
        waitForDialog(robot, "dialog-pane");
        assertThat(labeled(robot, ".dialog-pane .label",
                "The tags of alias/payments-prod have changes that were not applied.")).isPresent();
        robot.clickOn(button(robot, ".dialog-pane .button", "Cancel"));

        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, ".details-title")).isEqualTo("alias/payments-prod");
        assertThat(WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> context.state()
                .selectedKeyProperty().get().displayName()))).isEqualTo("alias/payments-prod");
        waitUntil("the list selects the edited key again", () -> robot.lookup(".key-table").queryAs(TableView.class)
                .getSelectionModel().getSelectedItem() == context.state().selectedKeyProperty().get());
        assertThat(tagCell(robot, "PCI-DSS v4")).isNotNull();

        // As the window's close button does; not waited for, since the question blocks until answered.
        Platform.runLater(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        waitForDialog(robot, "dialog-pane");
        robot.clickOn(button(robot, ".dialog-pane .button", "Cancel"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).as("Cancel keeps the window open").isTrue();

        robot.clickOn(shown(robot, ".key-table .table-cell", "alias/orders-db"));
        waitForDialog(robot, "dialog-pane");
        robot.clickOn(button(robot, ".dialog-pane .button", "Discard"));

        waitUntil("the other key opens", () -> "alias/orders-db".equals(text(robot, ".details-title")));
        assertThat(kmsTags("alias/payments-prod")).containsEntry("Compliance", "PCI-DSS");
    }

    @Test
    void closingTheWindowWhileTagChangesAreWrittenClosesItOnceTheyAreWritten(FxRobot robot) throws Exception {
        // Each call answered after 400 ms, so the commit (read, TagResource, read) is still running when asked to close.
        waitUntil("the first app's keys are loaded", () -> "12 keys loaded".equals(text(robot, ".status-text")));
        robot.interact(() -> {
            context.close();
            show(400);
        });
        openKey(robot, "alias/orders-db");
        editCell(robot, "daily", "hourly", KeyCode.ENTER);
        robot.push(KeyCode.SHORTCUT, KeyCode.S);
        waitForDialog(robot, "review-view");
        robot.clickOn(button(robot, ".review-dialog .button", "Apply"));

        // As the window's close button does; the window itself closes only when the app closes it.
        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));

        assertThat(stage.isShowing()).isTrue();
        assertThat(text(robot, ".status-result"))
                .isEqualTo("Closing once the tag changes to alias/orders-db are written\u2026");
        waitUntil("the app closes its window", () -> !stage.isShowing());
        assertThat(kmsTags("alias/orders-db")).containsEntry("Backup", "hourly");
    }

    @Test
    void aKeyPendingDeletionShowsItsTagsButCannotBeEdited(FxRobot robot) throws Exception {
        openKey(robot, "alias/tmp-experiment");

        assertThat(text(robot, ".read-only-note")).startsWith("This key is pending deletion");
        assertThat(shownTagKeys(robot)).containsExactlyInAnyOrder("Environment", "Owner");
        assertThat(button(robot, ".tag-editor-toolbar .button", "Add tag").isDisabled()).isTrue();
        robot.doubleClickOn(tagCell(robot, "jdoe"));
        assertThat(robot.lookup(".tag-table .text-field").tryQuery()).as("no cell editor opens").isEmpty();
    }

    @Test
    void onAProductionConnectionTheReviewAsksForTheAliasInTheDarkTheme(FxRobot robot) throws Exception {
        robot.interact(() -> context.state().setTheme(Theme.DARK));
        openKey(robot, "alias/webhook-hmac");
        // As the user does it: Connection > Mark as production, once the connection is open.
        robot.interact(() -> context.connections().markProduction(true));
        assertThat(context.state().productionProperty().get()).isTrue();
        editCell(robot, "integrations", "platform", KeyCode.ENTER);
        Snapshots.save(stage.getScene(), "tag-editor-dark");

        robot.push(KeyCode.SHORTCUT, KeyCode.S);
        Node review = waitForDialog(robot, "review-view");
        Button apply = button(robot, ".review-dialog .button", "Apply");
        assertThat(labeled(robot, ".review-production .label",
                "This connection is marked production. Type alias/webhook-hmac to apply.")).isPresent();
        assertThat(apply.isDisabled()).isTrue();

        robot.clickOn(robot.lookup(".review-confirmation").queryAs(TextField.class)).write("alias/webhook");
        assertThat(apply.isDisabled()).isTrue();
        robot.write("-hmac");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(apply.isDisabled()).isFalse();
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".review-view").tryQuery()).as("Enter does not apply on production").isPresent();
        assertThat(kmsTags("alias/webhook-hmac")).containsEntry("Team", "integrations");
        assertThat(text(robot, ".review-target")).isEqualTo("Writes to " + text(robot, ".connection-label"));
        Snapshots.save(review.getScene(), "review-dialog-dark");
        robot.clickOn(apply);

        waitUntil("the status bar reports the result",
                () -> "1 tag changed on alias/webhook-hmac".equals(text(robot, ".status-result")));
        assertThat(kmsTags("alias/webhook-hmac")).containsEntry("Team", "platform");
    }
}
