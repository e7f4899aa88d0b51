package dev.kmstags.app;

import static dev.kmstags.app.UiSteps.DIALOG_BUTTON;
import static dev.kmstags.app.UiSteps.enabledButton;
import static dev.kmstags.app.UiSteps.onFx;
import static dev.kmstags.app.UiSteps.text;
import static dev.kmstags.app.UiSteps.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.domain.KeySummary;
import dev.kmstags.domain.KeyTags;
import dev.kmstags.domain.Tag;
import dev.kmstags.domain.bulk.BulkEdit;
import dev.kmstags.domain.bulk.BulkOperation;
import dev.kmstags.domain.bulk.BulkPlan;
import dev.kmstags.domain.bulk.BulkSelection;
import dev.kmstags.local.BackendOptions;
import dev.kmstags.ui.bulkcommit.KeyOutcome;
import dev.kmstags.ui.common.Theme;
import dev.kmstags.ui.keylist.KeyRowViewModel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.control.Button;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A bulk commit in the real main window, on the bundled backend with its demo keys through the real SDK: the
 * progress under the key list, Cancel, and the result, with a second SDK client (another user) that checks what KMS
 * holds or changes it meanwhile. The backend answers slowly, so the commit lasts long enough to watch and cancel.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BulkCommitUiTest extends AppWindowUiTest {

    private static final int LATENCY_MS = 400;

    @Start
    void start(Stage primaryStage) {
        open(primaryStage);
    }

    @Override
    BackendOptions backendOptions() {
        return super.backendOptions().withLatencyMs(LATENCY_MS);
    }

    /**
     * Waits for the demo keys and their tags, selects those whose tags can be changed, as the bulk editor does, and
     * answers the plan of setting CostCenter=CC-7 on all of them.
     */
    private BulkPlan setCostCenterOnTheTaggableKeys() throws Exception {
        List<KeyRowViewModel> rows = waitForEveryKeysTags(robot());
        return onFx(() -> {
            List<KeyRowViewModel> taggable = rows.stream().filter(row -> row.readOnlyReasonText().isEmpty()).toList();
            context.state().setSelectedKeys(taggable);
            Map<String, KeyTags> tags = new HashMap<>();
            taggable.forEach(row -> tags.put(row.keyId(), KeyTags.read(row.keyId(), row.tagsProperty().get())));
            List<KeySummary> keys = taggable.stream().map(KeyRowViewModel::key).toList();
            return BulkEdit.EMPTY.then(new BulkOperation.SetTag("CostCenter", "CC-7"))
                    .plan(BulkSelection.of(keys, tags));
        });
    }

    private FxRobot robot() {
        return new FxRobot();
    }

    private void startCommit(BulkPlan plan) {
        WaitForAsyncUtils.asyncFx(() -> context.bulkCommit().start(plan));
    }

    private static List<KeyOutcome> outcomesShown(FxRobot robot) {
        return onFx(() -> List.copyOf(robot.lookup(".bulk-commit-outcomes").<KeyOutcome>queryTableView().getItems()));
    }

    @Test
    void theProgressCountsTheKeysAndTheResultListsThemAllWhileTheKeyListShowsTheNewTagsWithoutALoad(FxRobot robot)
            throws Exception {
        BulkPlan plan = setCostCenterOnTheTaggableKeys();
        int keys = plan.ready().size();
        List<KeyRowViewModel> rowsBefore = onFx(() -> List.copyOf(context.mainWindow().keyList().rows()));

        startCommit(plan);

        waitUntil("the progress shows", () -> text(robot, ".bulk-commit-headline")
                .equals("Writing the tags of " + keys + " keys…"));
        assertThat(text(robot, ".bulk-commit-done")).matches("\\d+ of " + keys + " keys done");
        assertThat(robot.lookup(".bulk-commit-progress .progress-bar").match(NodeQueryUtils.isVisible())
                .queryAs(ProgressBar.class)).isNotNull();
        Snapshots.save(stage.getScene(), "bulk-progress");
        waitUntil("the commit ended", () -> text(robot, ".bulk-commit-headline")
                .equals("Done: " + keys + " of " + keys + " keys written"));

        assertThat(robot.lookup(".bulk-commit-progress").query().isVisible()).isFalse();
        assertThat(text(robot, ".bulk-commit-summary")).isEqualTo(keys + " written");
        assertThat(outcomesShown(robot)).hasSize(keys)
                .allSatisfy(outcome -> assertThat(outcome.kind()).isEqualTo(KeyOutcome.Kind.APPLIED));
        plan.ready().keySet().forEach(keyId -> assertThat(kmsTags(keyId)).containsEntry("CostCenter", "CC-7"));
        List<KeyRowViewModel> rowsAfter = onFx(() -> List.copyOf(context.mainWindow().keyList().rows()));
        assertThat(rowsAfter).as("the same rows: no load").containsExactlyElementsOf(rowsBefore);
        onFx(() -> {
            rowsAfter.stream().filter(row -> plan.ready().containsKey(row.keyId())).forEach(row ->
                    assertThat(row.tagsProperty().get()).contains(new Tag("CostCenter", "CC-7")));
            return null;
        });
        Snapshots.save(stage.getScene(), "bulk-result");

        robot.clickOn(enabledButton(robot, ".bulk-commit .button", "Close"));
        waitUntil("the panel is gone", () -> !robot.lookup(".bulk-commit").query().isVisible());
    }

    @Test
    void cancelStopsStartingKeysAndTheResultSaysExactlyWhichWereWritten(FxRobot robot) throws Exception {
        BulkPlan plan = setCostCenterOnTheTaggableKeys();
        int keys = plan.ready().size();
        startCommit(plan);

        // Each key takes three calls of 0.4 s at least, four keys at a time: the keys after the first few are not
        // started yet.
        robot.clickOn(enabledButton(robot, ".bulk-commit .button", "Cancel"));

        waitUntil("the commit ended", () -> text(robot, ".bulk-commit-headline").startsWith("Cancelled: "));
        List<KeyOutcome> outcomes = outcomesShown(robot);
        List<String> written = outcomes.stream().filter(o -> o.kind() == KeyOutcome.Kind.APPLIED)
                .map(KeyOutcome::keyId).toList();
        assertThat(outcomes).hasSize(keys).allSatisfy(outcome -> assertThat(outcome.kind())
                .isIn(KeyOutcome.Kind.APPLIED, KeyOutcome.Kind.NOT_STARTED));
        assertThat(written.size()).isLessThan(keys);
        assertThat(text(robot, ".bulk-commit-headline"))
                .isEqualTo("Cancelled: " + written.size() + " of " + keys + " keys written");
        for (String keyId : plan.ready().keySet()) {
            // A demo key may carry a CostCenter of its own: only the value set here says whether it was written.
            assertThat("CC-7".equals(kmsTags(keyId).get("CostCenter"))).as(keyId).isEqualTo(written.contains(keyId));
        }
    }

    @Test
    void aConflictingKeyIsListedFirstAndOpensInTheConflictView(FxRobot robot) throws Exception {
        BulkPlan plan = setCostCenterOnTheTaggableKeys();
        String clashing = plan.ready().keySet().iterator().next();
        otherUser().tagResource(b -> b.keyId(clashing).tags(software.amazon.awssdk.services.kms.model.Tag.builder()
                .tagKey("CostCenter").tagValue("CC-9").build()));
        startCommit(plan);
        waitUntil("the commit ended", () -> text(robot, ".bulk-commit-headline").startsWith("Done: "));

        KeyOutcome first = outcomesShown(robot).get(0);
        assertThat(first.keyId()).isEqualTo(clashing);
        assertThat(first.kind()).isEqualTo(KeyOutcome.Kind.CONFLICT);
        assertThat(kmsTags(clashing)).containsEntry("CostCenter", "CC-9");
        TableRow<?> row = robot.lookup(".bulk-commit-outcomes .table-row-cell").match(NodeQueryUtils.isVisible())
                .match((TableRow<?> r) -> r.getItem() == first).query();
        robot.clickOn(row);
        robot.clickOn(enabledButton(robot, ".bulk-commit .button", "Open the conflict…"));

        waitUntil("the conflict view shows", () -> robot.lookup(".conflict-dialog").tryQuery().isPresent());
        Snapshots.save(robot.lookup(".conflict-dialog").query().getScene(), "bulk-conflict");
        robot.clickOn(enabledButton(robot, DIALOG_BUTTON, "Keep editing"));
        waitUntil("the conflict view closed", () -> robot.lookup(".conflict-dialog").tryQuery().isEmpty());
        assertThat(kmsTags(clashing)).containsEntry("CostCenter", "CC-9");
        assertThat(onFx(() -> robot.lookup(".bulk-commit-outcomes").queryAs(TableView.class).getItems().size()))
                .isEqualTo(plan.ready().size());
    }

    @Test
    void inASmallWindowAndTheDarkThemeTheResultKeepsEveryActionInView(FxRobot robot) throws Exception {
        robot.interact(() -> {
            stage.setWidth(900);
            stage.setHeight(600);
            context.state().setTheme(Theme.DARK);
        });
        BulkPlan plan = setCostCenterOnTheTaggableKeys();
        List<String> keyIds = List.copyOf(plan.ready().keySet());
        otherUser().tagResource(b -> b.keyId(keyIds.get(0)).tags(software.amazon.awssdk.services.kms.model.Tag
                .builder().tagKey("CostCenter").tagValue("CC-9").build()));
        otherUser().scheduleKeyDeletion(b -> b.keyId(keyIds.get(1)).pendingWindowInDays(7));
        startCommit(plan);
        waitUntil("the commit ended", () -> text(robot, ".bulk-commit-headline").startsWith("Done: "));
        WaitForAsyncUtils.waitForFxEvents();
        Snapshots.save(stage.getScene(), "bulk-result-small-dark");

        assertThat(text(robot, ".bulk-commit-summary"))
                .isEqualTo("1 conflict\u2002\u00b7\u20021 failed\u2002\u00b7\u2002" + (keyIds.size() - 2) + " written");
        Bounds window = new BoundingBox(0, 0, stage.getScene().getWidth(), stage.getScene().getHeight());
        List<Button> buttons = onFx(() -> robot.lookup(".bulk-commit .button").match(NodeQueryUtils.isVisible())
                .queryAllAs(Button.class).stream().toList());
        assertThat(buttons).extracting(Button::getText)
                .containsExactlyInAnyOrder("Open the conflict…", "Retry the failed keys (1)", "Close");
        for (Button button : buttons) {
            Bounds box = onFx(() -> button.localToScene(button.getLayoutBounds()));
            assertThat(window.contains(box)).as(button.getText() + " at " + box + " in the window").isTrue();
        }
        Bounds table = onFx(() -> robot.lookup(".bulk-commit-outcomes").query().localToScene(
                robot.lookup(".bulk-commit-outcomes").query().getLayoutBounds()));
        assertThat(table.getHeight()).as("the result table shows some rows").isGreaterThan(80);
    }
}
