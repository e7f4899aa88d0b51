package dev.kmstags.app;

import static dev.kmstags.app.UiSteps.DIALOG_BUTTON;
import static dev.kmstags.app.UiSteps.enabledButton;
import static dev.kmstags.app.UiSteps.keyCell;
import static dev.kmstags.app.UiSteps.selectTwoKeysCheckingAccess;
import static dev.kmstags.app.UiSteps.tagCell;
import static dev.kmstags.app.UiSteps.text;
import static dev.kmstags.app.UiSteps.typeInto;
import static dev.kmstags.app.UiSteps.waitForKeys;
import static dev.kmstags.app.UiSteps.waitUntil;

import dev.kmstags.local.BackendOptions;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The status bar of the real main window says that the access check reads the account's IAM policies before the
 * review of one key, or the bulk review of several, opens. The bundled backend answers slowly here, so that the
 * reading lasts long enough to be seen.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 240, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ReviewReadingUiTest extends AppWindowUiTest {

    @Override
    BackendOptions backendOptions() {
        return super.backendOptions().withLatencyMs(700);
    }

    @Start
    void start(Stage primaryStage) {
        open(primaryStage);
    }

    @Test
    void theStatusBarSaysThatIamIsReadUntilTheReviewOfOneKeyOpens(FxRobot robot) throws Exception {
        waitForKeys(robot);
        robot.clickOn("Connection");
        robot.clickOn("Check access changes (IAM)");
        robot.clickOn(keyCell(robot, "alias/payments-prod"));
        waitUntil("the key is open", () -> "alias/payments-prod".equals(text(robot, ".details-title")));
        TagEditorUiTest.startEditing(robot, () -> tagCell(robot, "payments"));
        robot.write("data").type(KeyCode.ENTER);
        waitUntil("the edit ends", () -> robot.lookup(".tag-table").queryAs(TableView.class).getEditingCell() == null);

        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);

        waitUntil("the status bar says that IAM is read", () -> text(robot, ".status-result")
                .equals("Reading the account's IAM policies for the review of alias/payments-prod\u2026"));
        waitUntil("the review opens", () -> robot.lookup(".review-view").tryQuery().isPresent());
        waitUntil("the status bar no longer says so", () -> text(robot, ".status-result").isEmpty());
        robot.clickOn(enabledButton(robot, ".review-dialog .button", "Cancel"));
        // A review left open would hold the keyboard and mouse from the next test's window.
        waitUntil("the review is closed", () -> robot.lookup(".review-view").tryQuery().isEmpty());
    }

    @Test
    void theStatusBarSaysThatIamIsReadUntilTheBulkReviewOpens(FxRobot robot) throws Exception {
        waitForKeys(robot);
        selectTwoKeysCheckingAccess(robot, "alias/payments-prod", "alias/orders-db");
        typeInto(robot, ".bulk-key-field", "Team");
        typeInto(robot, ".bulk-value-field", "data");
        robot.clickOn(".bulk-set");
        waitUntil("the step is pending", () -> text(robot, ".bulk-summary").startsWith("1 pending change"));

        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);

        waitUntil("the status bar says that IAM is read", () -> text(robot, ".status-result")
                .equals("Reading the account's IAM policies for the review of 2 keys\u2026"));
        robot.clickOn(enabledButton(robot, DIALOG_BUTTON, "Cancel"));
        waitUntil("the status bar no longer says so", () -> text(robot, ".status-result").isEmpty());
    }
}
