package dev.kmstags.app;

import static dev.kmstags.app.UiSteps.tagCell;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.ui.common.Theme;
import dev.kmstags.ui.keylist.KeyRowViewModel;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
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
 * The review's "Access that changes" in the real main window, on the bundled backend's demo account: its keys
 * and the IAM policies of its roles, read through the real SDK clients.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AccessChangeUiTest extends AppWindowUiTest {

    private static final long WAIT = 30;
    private static final String LOSS = "role/payments-app: kms:Decrypt allowed before, not after (policy"
            + " PaymentsKeyAccess, statement AllowByTeam: aws:ResourceTag/Team = payments)";

    @Start
    void start(Stage primaryStage) {
        open(primaryStage);
    }

    @Test
    void changingTeamOnPaymentsProdShowsTheRoleLosingDecryptAndAsksOnceMoreBeforeApplying(FxRobot robot)
            throws Exception {
        waitUntil("the keys are loaded", () -> "12 keys loaded".equals(text(robot, ".status-text")));
        robot.clickOn("Connection");
        robot.clickOn("Check access changes (IAM)");
        assertThat(context.state().accessCheckProperty().get()).isTrue();
        openKey(robot, "alias/payments-prod");
        TagEditorUiTest.startEditing(robot, () -> tagCell(robot, "payments"));
        robot.write("data").type(KeyCode.ENTER);
        waitUntil("the edit ends", () -> robot.lookup(".tag-table").queryAs(TableView.class).getEditingCell() == null);

        robot.push(KeyCode.SHORTCUT, KeyCode.S);
        Labeled loss = shown(robot, ".review-access-line", LOSS);
        assertThat(loss.getStyleClass()).contains("loss");
        // Lines further down may lie below the review's scrolled viewport: looked up whether on screen or not.
        assertThat(robot.lookup(".review-access-line").queryAllAs(Labeled.class).stream()
                .filter(line -> line.getText().equals("role/data-pipeline: kms:Decrypt allowed after, not before"
                        + " (policy DataKeyAccess, statement DataTeamKeys: aws:ResourceTag/Team = [data, analytics])"))
                .findFirst()).hasValueSatisfying(line -> assertThat(line.getStyleClass()).contains("gain"));
        assertThat(robot.lookup(".review-access-scope").queryLabeled().getText())
                .startsWith("Only the tag conditions of identity policies");
        Node review = robot.lookup(".review-view").query();
        Snapshots.save(review.getScene(), "review-access-change");
        robot.interact(() -> context.state().setTheme(Theme.DARK));
        Snapshots.save(review.getScene(), "review-access-change-dark");
        robot.interact(() -> context.state().setTheme(Theme.LIGHT));

        robot.clickOn(button(robot, ".review-dialog .button", "Apply"));
        Button removeAccess = button(robot, ".dialog-pane .button", "Remove access and apply");
        assertThat(robot.lookup(".dialog-pane .content").queryLabeled().getText()).contains(LOSS);
        robot.clickOn(removeAccess);

        waitUntil("the status bar reports the result", () -> ("1 tag changed on alias/payments-prod. Authorization"
                + " may take up to five minutes to follow the new tags.").equals(text(robot, ".status-result")));
    }

    private static Optional<Labeled> labeled(FxRobot robot, String query, String text) {
        return robot.lookup(query).match(NodeQueryUtils.isVisible())
                .match((Labeled node) -> text.equals(node.getText())).tryQuery();
    }

    private static Labeled shown(FxRobot robot, String query, String text) throws Exception {
        waitUntil(query + " shows " + text, () -> labeled(robot, query, text).isPresent());
        return labeled(robot, query, text).orElseThrow();
    }

    private static Button button(FxRobot robot, String query, String text) throws Exception {
        return (Button) shown(robot, query, text);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryLabeled().getText();
    }

    private static void waitUntil(String what, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting until " + what, e);
        }
    }

    private static void openKey(FxRobot robot, String alias) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(alias + " is shown in its row", () -> keyCell(robot, alias).isPresent());
        robot.clickOn(keyCell(robot, alias).orElseThrow());
        waitUntil(alias + " is open", () -> alias.equals(text(robot, ".details-title")));
        waitUntil("its tags are loaded", () -> !text(robot, ".tag-count").isEmpty());
    }

    private static Optional<Labeled> keyCell(FxRobot robot, String alias) {
        return robot.lookup(".key-table .table-cell").match(NodeQueryUtils.isVisible())
                .match((TableCell<KeyRowViewModel, ?> cell) -> alias.equals(cell.getText())
                        && cell.getIndex() >= 0 && cell.getIndex() < cell.getTableView().getItems().size()
                        && cell.getTableView().getItems().get(cell.getIndex()).aliasesText().equals(alias))
                .tryQueryAs(Labeled.class);
    }
}
