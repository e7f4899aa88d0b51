package dev.kmstags.app;

import static dev.kmstags.app.UiSteps.DIALOG_BUTTON;
import static dev.kmstags.app.UiSteps.keyCell;
import static dev.kmstags.app.UiSteps.keyCellNow;
import static dev.kmstags.app.UiSteps.onFx;
import static dev.kmstags.app.UiSteps.shownButton;
import static dev.kmstags.app.UiSteps.text;
import static dev.kmstags.app.UiSteps.typeInto;
import static dev.kmstags.app.UiSteps.waitForKeys;
import static dev.kmstags.app.UiSteps.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.domain.Tag;
import dev.kmstags.domain.bulk.BulkPlan;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Editing the tags of many keys in the real main window, on the bundled backend with its demo account (12 keys in
 * us-east-1: two AWS managed, one pending deletion): selecting with Ctrl+A, Shift+click and "Select all matching",
 * steps that show as pending changes, undo and redo from the keyboard, and the review, on production with the
 * number of keys typed, that hands the exact plan to the commit.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BulkEditUiTest extends AppWindowUiTest {

    private final List<BulkPlan> started = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage primaryStage) {
        open(primaryStage);
        context.bulkEdit().setCommitStarter(started::add);
    }

    private static void tab(FxRobot robot, String title) {
        robot.clickOn(robot.lookup(".bulk-operations .tab-label").match((Labeled label) -> title.equals(
                label.getText())).queryAs(Node.class));
    }

    private List<String> steps() {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> List.copyOf(context.bulkEdit().steps())));
    }

    @Test
    void ctrlAThenStepsWithUndoThenAReviewOnProductionHandsTheExactPlanToTheCommit(FxRobot robot) throws Exception {
        waitForKeys(robot);
        robot.clickOn(keyCell(robot, "alias/orders-db"));
        waitUntil("orders-db is open", () -> "alias/orders-db".equals(text(robot, ".details-title")));

        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);

        waitUntil("the tags of the 9 keys that can be tagged show", () -> "Tags of 9 keys".equals(text(robot,
                ".bulk-title")));
        assertThat(selectedAliases()).hasSize(12);
        assertThat(robot.lookup(".bulk-skipped").queryAs(TitledPane.class).getText())
                .isEqualTo("3 keys left out: never written");

        typeInto(robot, ".bulk-key-field", "CostCenter");
        typeInto(robot, ".bulk-value-field", "CC-2001");
        robot.clickOn(".bulk-set");
        waitUntil("the step is pending", () -> steps().size() == 1);
        assertThat(text(robot, ".bulk-summary")).isEqualTo("1 pending change: 9 keys change");

        tab(robot, "Rename");
        typeInto(robot, ".bulk-rename-from", "Team");
        typeInto(robot, ".bulk-new-key", "Squad");
        robot.clickOn(".bulk-rename");
        waitUntil("both steps are pending", () -> steps().size() == 2);

        robot.clickOn(".bulk-tag-table");
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        waitUntil("the rename is undone", () -> steps().equals(List.of("Set CostCenter = CC-2001 on all keys")));
        robot.press(KeyCode.CONTROL).type(KeyCode.Y).release(KeyCode.CONTROL);
        waitUntil("the rename is redone", () -> steps().size() == 2);
        assertThat(steps()).containsExactly("Set CostCenter = CC-2001 on all keys", "Rename Team to Squad");

        robot.interact(() -> context.state().setProduction(true));
        BulkPlan reviewed = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> context.bulkEdit().plan()));
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);

        Button apply = shownButton(robot, DIALOG_BUTTON, "Apply");
        assertThat(text(robot, ".bulk-review-totals"))
                .isEqualTo("9 keys change: 8 tags added, 1 overwritten, 0 removed, 8 renamed.");
        assertThat(apply.isDisabled()).as("production wants the number of keys first").isTrue();
        // A key opens to its changes and calls.
        TreeCell<?> firstKey = robot.lookup(".bulk-review-keys .tree-cell").match((TreeCell<?> cell) ->
                cell.getTreeItem() != null && cell.getTreeItem().getParent() != null
                        && cell.getTreeItem().getParent().getParent() == null).query();
        TreeItem<?> key = firstKey.getTreeItem();
        robot.clickOn(firstKey.lookup(".arrow"));
        waitUntil("the key's changes show", () -> onFx(() -> robot.lookup(".bulk-review-keys .tree-cell")
                .queryAllAs(TreeCell.class).stream().anyMatch(cell -> cell.getTreeItem() != null
                        && cell.getTreeItem().getParent() == key && !cell.getText().isEmpty())));
        assertThat(onFx(() -> key.getChildren().stream().map(line -> (String) line.getValue()).toList()))
                .anyMatch(line -> line.startsWith("TagResource"));
        robot.clickOn(".review-confirmation").write("8");
        assertThat(apply.isDisabled()).isTrue();
        robot.interact(() -> robot.lookup(".review-confirmation").queryAs(TextField.class).clear());
        robot.clickOn(".review-confirmation").write("9");
        waitUntil("Apply is enabled", () -> !apply.isDisabled());
        robot.clickOn(apply);

        waitUntil("the plan is handed to the commit", () -> started.size() == 1);
        assertThat(started.get(0)).isSameAs(reviewed);
        assertThat(started.get(0).ready()).hasSize(9);
        assertThat(started.get(0).ready().values()).allSatisfy(plan -> assertThat(plan.tagsToSet())
                .contains(new Tag("CostCenter", "CC-2001")));
        assertThat(started.get(0).skipped()).hasSize(3);
        waitUntil("the steps went with it", () -> steps().isEmpty());
    }

    @Test
    void shiftClickAndSelectAllMatchingSelectWhatTheyShow(FxRobot robot) throws Exception {
        waitForKeys(robot);
        robot.clickOn(keyCell(robot, "alias/analytics-staging"));
        robot.press(KeyCode.SHIFT).clickOn(keyCell(robot, "alias/legacy-vault")).release(KeyCode.SHIFT);

        waitUntil("the range is selected", () -> selectedAliases().size() == 5);
        assertThat(selectedAliases()).containsExactly("alias/analytics-staging", "alias/aws/ebs", "alias/aws/s3",
                "alias/build-cache", "alias/legacy-vault");
        waitUntil("the three that can be tagged show", () -> "Tags of 3 keys".equals(text(robot, ".bulk-title")));

        robot.clickOn(".search-field").write("production");
        waitUntil("the search shows only production keys", () -> !keyCellNow(robot, "alias/aws/s3").isPresent());
        robot.clickOn(".select-all-matching");

        waitUntil("the keys the search shows are selected", () -> selectedAliases().size() == 5);
        assertThat(selectedAliases()).containsExactly("alias/legacy-vault", "alias/orders-db",
                "alias/payments-prod", "alias/reporting-old", "alias/webhook-hmac");
        waitUntil("their tags show", () -> "Tags of 5 keys".equals(text(robot, ".bulk-title")));
    }
}
