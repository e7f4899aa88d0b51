package dev.kmstags.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.ui.keylist.KeyRowViewModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.text.Text;
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
 * The main window at 900x600 and at its minimum size, with a key open: every button is inside the window and not
 * cut off by a scroll pane or table around it, and the panel titles are not shortened.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SmallWindowUiTest extends AppWindowUiTest {

    private static final String KEY = "alias/payments-prod";

    @Start
    void start(Stage primaryStage) {
        open(primaryStage);
    }

    @Test
    void at900By600EveryActionIsReachable(FxRobot robot) throws Exception {
        assertEveryActionReachableAt(robot, 900, 600, "small-window-900x600");
    }

    @Test
    void atTheMinimumSizeEveryActionIsReachable(FxRobot robot) throws Exception {
        assertThat(stage.getMinWidth()).as("minimum width").isGreaterThanOrEqualTo(800);
        assertThat(stage.getMinHeight()).as("minimum height").isGreaterThanOrEqualTo(500);
        assertEveryActionReachableAt(robot, stage.getMinWidth(), stage.getMinHeight(), "small-window-minimum");
    }

    private void assertEveryActionReachableAt(FxRobot robot, double width, double height, String name)
            throws Exception {
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        openKey(robot);
        WaitForAsyncUtils.waitForFxEvents();
        Snapshots.save(stage.getScene(), name);

        List<String> problems = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(this::unreachableActions));
        assertThat(problems).as("cut-off actions at %.0fx%.0f", width, height).isEmpty();
        for (String title : List.of(".panel-title", ".panel-count", ".details-title", ".connection-label")) {
            Labeled label = robot.lookup(title).queryAs(Labeled.class);
            assertThat(shownText(label)).as(title + " at %.0fx%.0f", width, height).isEqualTo(label.getText());
        }
    }

    /** Each shown button whose box leaves the window or a clipping parent (a scroll pane's viewport, a table). */
    private List<String> unreachableActions() {
        Bounds window = new BoundingBox(0, 0, stage.getScene().getWidth(), stage.getScene().getHeight());
        List<String> problems = new ArrayList<>();
        List<Button> buttons = stage.getScene().getRoot().lookupAll(".button").stream()
                .filter(Button.class::isInstance).map(Button.class::cast).filter(SmallWindowUiTest::shown).toList();
        assertThat(buttons).as("shown buttons").extracting(Button::getText)
                .contains("Add tag", "Remove", "Revert", "Review changes…");
        for (Button button : buttons) {
            Bounds box = button.localToScene(button.getLayoutBounds());
            if (!contains(window, box)) {
                problems.add(describe(button) + " leaves the window: " + box);
            }
            for (Parent parent = button.getParent(); parent != null; parent = parent.getParent()) {
                Node clip = parent.getClip();
                // A clip sits in its parent's coordinates.
                if (clip != null && !contains(parent.localToScene(clip.getBoundsInParent()), box)) {
                    problems.add(describe(button) + " is cut off by " + parent.getStyleClass() + ": " + box);
                }
            }
        }
        return problems;
    }

    private static boolean shown(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(Bounds outer, Bounds inner) {
        double slack = 0.5;
        return inner.getMinX() >= outer.getMinX() - slack && inner.getMinY() >= outer.getMinY() - slack
                && inner.getMaxX() <= outer.getMaxX() + slack && inner.getMaxY() <= outer.getMaxY() + slack;
    }

    private static String describe(Button button) {
        String text = button.getText();
        return "button " + (text == null || text.isEmpty() ? button.getStyleClass().toString() : "\"" + text + "\"");
    }

    /** The text a label draws, shortened with an ellipsis when it does not fit. */
    private static String shownText(Labeled label) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> label.getChildrenUnmodifiable().stream()
                .filter(node -> node instanceof Text && node.getStyleClass().contains("text"))
                .map(node -> ((Text) node).getText()).findFirst().orElse("")));
    }

    private void openKey(FxRobot robot) throws Exception {
        waitUntil("the keys are loaded", () -> "12 keys loaded".equals(
                robot.lookup(".status-text").queryLabeled().getText()));
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(KEY + " is shown", () -> keyCell(robot).isPresent());
        robot.clickOn(keyCell(robot).orElseThrow());
        waitUntil(KEY + " is open", () -> KEY.equals(robot.lookup(".details-title").queryLabeled().getText()));
        waitUntil("its tags are loaded", () -> !robot.lookup(".tag-count").queryLabeled().getText().isEmpty());
    }

    private static java.util.Optional<Labeled> keyCell(FxRobot robot) {
        return robot.lookup(".key-table .table-cell").match(NodeQueryUtils.isVisible())
                .match((TableCell<KeyRowViewModel, ?> cell) -> KEY.equals(cell.getText())).tryQueryAs(Labeled.class);
    }

    private static void waitUntil(String what, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting until " + what, e);
        }
    }
}
