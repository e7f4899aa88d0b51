package dev.kmstags.app;

import static dev.kmstags.app.UiSteps.DIALOG_BUTTON;
import static dev.kmstags.app.UiSteps.enabledButton;
import static dev.kmstags.app.UiSteps.keyCell;
import static dev.kmstags.app.UiSteps.tagCell;
import static dev.kmstags.app.UiSteps.text;
import static dev.kmstags.app.UiSteps.waitForKeys;
import static dev.kmstags.app.UiSteps.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.ui.common.Theme;
import dev.kmstags.ui.keylist.KeyRowViewModel;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
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
 * Selecting several keys in the real main window, on the bundled backend with its demo account: with Ctrl and Shift
 * clicks, the panel on the right shows the tags of the keys selected (readable in both themes), and leaving a key
 * with unapplied tag edits for a selection of several asks first, as selecting another key does.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MultiSelectionUiTest extends AppWindowUiTest {

    @Start
    void start(Stage primaryStage) {
        open(primaryStage);
    }

    private static void clickWith(FxRobot robot, KeyCode modifier, Node node) {
        robot.press(modifier).clickOn(node).release(modifier);
    }

    private List<String> tableSelectionAliases(FxRobot robot) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> robot.lookup(".key-table")
                .queryAs(TableView.class).getSelectionModel().getSelectedItems().stream()
                .map(row -> ((KeyRowViewModel) row).displayName()).sorted().toList()));
    }

    private void openKey(FxRobot robot, String alias) throws Exception {
        robot.clickOn(keyCell(robot, alias));
        waitUntil(alias + " is open", () -> alias.equals(text(robot, ".details-title")));
        waitUntil("its tags are loaded", () -> !text(robot, ".tag-count").isEmpty());
    }

    @Test
    void ctrlClickingThreeKeysSaysSoOnTheRightInBothThemes(FxRobot robot) throws Exception {
        waitForKeys(robot);
        openKey(robot, "alias/payments-prod");

        clickWith(robot, KeyCode.CONTROL, keyCell(robot, "alias/orders-db"));
        waitUntil("the panel shows the tags of two keys", () -> "Tags of 2 keys".equals(text(robot,
                ".bulk-title")));
        clickWith(robot, KeyCode.CONTROL, keyCell(robot, "alias/reporting-old"));

        waitUntil("the panel shows the tags of three keys", () -> "Tags of 3 keys".equals(text(robot,
                ".bulk-title")));
        assertThat(selectedAliases()).containsExactly("alias/orders-db", "alias/payments-prod",
                "alias/reporting-old");
        assertThat(tableSelectionAliases(robot)).isEqualTo(selectedAliases());
        assertThat(robot.lookup(".details-scroll").query().isVisible()).as("no key's details nor tags show")
                .isFalse();
        assertThat(robot.lookup(".empty-state").query().isVisible()).isFalse();
        assertThat(robot.lookup(".bulk-edit").query().isVisible()).isTrue();
        assertReadable(robot, "multi-selection-light");

        robot.interact(() -> context.state().setTheme(Theme.DARK));
        assertReadable(robot, "multi-selection-dark");

        // A plain click selects one key again, and the panel shows it.
        robot.clickOn(keyCell(robot, "alias/orders-db"));
        waitUntil("orders-db is open alone", () -> "alias/orders-db".equals(text(robot, ".details-title")));
        assertThat(selectedAliases()).containsExactly("alias/orders-db");
    }

    private void assertReadable(FxRobot robot, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Snapshots.save(stage.getScene(), name);
        List<TextContrast.Sample> samples = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> {
            WritableImage image = stage.getScene().snapshot(null);
            // The title and the table; the forms' buttons are disabled until something is typed, dimmed on purpose.
            List<TextContrast.Sample> measured = new ArrayList<>();
            for (String part : List.of(".bulk-title", ".bulk-tag-table", ".bulk-summary")) {
                Parent node = (Parent) robot.lookup(part).query();
                measured.addAll(TextContrast.measure(image, node, node.localToScene(node.getLayoutBounds())));
            }
            return measured;
        }));
        assertThat(samples).extracting(TextContrast.Sample::text).contains("Tags of 3 keys",
                "on 3 of 3", "No pending change");
        assertThat(samples).allMatch(TextContrast.Sample::readable);
    }

    @Test
    void extendingTheSelectionAwayFromUnappliedEditsAsksFirst(FxRobot robot) throws Exception {
        waitForKeys(robot);
        openKey(robot, "alias/payments-prod");
        TagEditorUiTest.startEditing(robot, () -> tagCell(robot, "PCI-DSS"));
        robot.write("PCI-DSS v4").type(KeyCode.ENTER);
        waitUntil("the edit is in the table", () -> robot.lookup(".tag-table .tag-cell")
                .match((TableCell<?, ?> c) -> "PCI-DSS v4".equals(c.getItem())).tryQuery().isPresent());

        // Ctrl+click: the question comes, and Cancel keeps the one key with its edit.
        clickWith(robot, KeyCode.CONTROL, keyCell(robot, "alias/orders-db"));
        robot.clickOn(enabledButton(robot, DIALOG_BUTTON, "Cancel"));
        waitUntil("the list selects the edited key alone again",
                () -> tableSelectionAliases(robot).equals(List.of("alias/payments-prod")));
        assertThat(selectedAliases()).containsExactly("alias/payments-prod");
        assertThat(text(robot, ".details-title")).isEqualTo("alias/payments-prod");
        assertThat(robot.lookup(".tag-table .tag-cell")
                .match((TableCell<?, ?> c) -> "PCI-DSS v4".equals(c.getItem())).tryQuery()).isPresent();

        // Shift+click: asked again; Discard lets the selection grow.
        clickWith(robot, KeyCode.SHIFT, keyCell(robot, "alias/orders-db"));
        robot.clickOn(enabledButton(robot, DIALOG_BUTTON, "Discard"));
        waitUntil("the panel shows the tags of the keys selected",
                () -> text(robot, ".bulk-title").endsWith(" keys"));
        assertThat(selectedAliases()).contains("alias/orders-db", "alias/payments-prod").hasSizeGreaterThan(1);
        assertThat(tableSelectionAliases(robot)).isEqualTo(selectedAliases());
    }
}
