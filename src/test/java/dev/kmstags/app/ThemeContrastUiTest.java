package dev.kmstags.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.ui.common.Theme;
import dev.kmstags.ui.keylist.KeyRowViewModel;
import dev.kmstags.ui.tageditor.TagRowViewModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
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
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every state a row of the tag table and the key list can be in, in the light and the dark theme, rendered in the
 * real main window: each text must stand out from the background painted behind it (WCAG contrast, measured on the
 * snapshot's pixels). Its snapshots {@code target/screenshots/contrast-<theme>-changed-selected.png} are the
 * figures {@code docs/theme-light.png} and {@code docs/theme-dark.png}.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ThemeContrastUiTest extends AppWindowUiTest {

    private static final String KEY = "alias/payments-prod";

    /** The row and cell states measured: each a set of words the path from a row to its text contains. */
    private static final List<List<String>> STATES = List.of(
            List.of("tag-cell", "added"), List.of("tag-cell", "changed"), List.of("tag-cell", "removed"),
            List.of("tag-cell", "invalid"), List.of("tag-cell", "warning"), List.of("tag-previous"),
            List.of("tag-cell", "selected"), List.of("tag-cell", "focused"), List.of("tag-cell", "hover"),
            List.of("key-id-column", "selected"), List.of("key-id-column", "focused"),
            List.of("key-id-column", "hover"), List.of("key-id-column", "read-only"), List.of("state-badge"));

    @Start
    void start(Stage primaryStage) {
        open(primaryStage);
    }

    @Test
    void everyRowStateIsReadableInTheLightTheme(FxRobot robot) throws Exception {
        assertEveryRowStateReadable(robot, Theme.LIGHT);
    }

    @Test
    void everyRowStateIsReadableInTheDarkTheme(FxRobot robot) throws Exception {
        assertEveryRowStateReadable(robot, Theme.DARK);
    }

    private void assertEveryRowStateReadable(FxRobot robot, Theme theme) throws Exception {
        String name = theme.name().toLowerCase(Locale.ROOT);
        robot.interact(() -> context.state().setTheme(theme));
        openKey(robot);
        makeEveryRowState(robot);
        List<TextContrast.Sample> samples = new ArrayList<>();

        // The tag table focused, an unchanged cell selected, the mouse over another row.
        selectTagCell(robot, "CostCenter", 1);
        robot.moveTo(tagCell(robot, "production"));
        samples.addAll(measure(robot, name + "-tags-focused"));

        // A changed cell selected, the mouse over the removed row.
        selectTagCell(robot, "Owner", 1);
        robot.moveTo(tagCell(robot, "Team"));
        samples.addAll(measure(robot, name + "-changed-selected"));

        // The cell with a warning selected, the mouse over the invalid one.
        selectTagCell(robot, "Contact", 1);
        robot.moveTo(tagCell(robot, "aws:reserved"));
        samples.addAll(measure(robot, name + "-warning-selected"));

        // The key list focused (its selected row clicked again), the tag table's selection kept without focus.
        robot.clickOn(keyCell(robot, KEY));
        robot.moveTo(keyCell(robot, "alias/orders-db"));
        samples.addAll(measure(robot, name + "-keys-focused"));

        assertThat(samples).as("measured texts").hasSizeGreaterThan(40);
        List<String> shownStates = samples.stream().map(TextContrast.Sample::where).toList();
        assertThat(STATES.stream().filter(state -> shownStates.stream().noneMatch(where -> state.stream()
                .allMatch(where::contains))).toList())
                .as("states not shown")
                .isEmpty();
        assertThat(samples.stream().filter(sample -> !sample.readable()).map(Object::toString).toList())
                .as("texts too faint in the " + name + " theme")
                .isEmpty();
    }

    /** Unchanged rows stay; Owner's value changes, Team is removed, one valid and one reserved key are added. */
    private void makeEveryRowState(FxRobot robot) throws Exception {
        robot.interact(() -> row("Owner").valueProperty().set("security-oncall@example.com"));
        selectTagCell(robot, "Team", 0);
        robot.interact(() -> view.tagEditorView().removeOrRestore());
        robot.interact(() -> view.tagEditorView().addTag());
        robot.write("Project").type(KeyCode.TAB).write("atlas").type(KeyCode.ENTER);
        // Rows added one after another: the earlier ones' cells once lost the theme's colours.
        robot.interact(() -> view.tagEditorView().addTag());
        robot.write("aws:reserved").type(KeyCode.TAB).write("x").type(KeyCode.ENTER);
        robot.interact(() -> view.tagEditorView().addTag());
        robot.write("Contact").type(KeyCode.TAB).write("ops#1").type(KeyCode.ENTER);
        waitUntil("the reserved key is marked", () -> tagCell(robot, "aws:reserved").getPseudoClassStates()
                .toString().contains("invalid"));
        waitUntil("the unusual value is marked", () -> tagCell(robot, "ops#1").getPseudoClassStates()
                .toString().contains("warning"));
    }

    private List<TextContrast.Sample> measure(FxRobot robot, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Snapshots.save(stage.getScene(), "contrast-" + name);
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> {
            WritableImage image = stage.getScene().snapshot(null);
            List<TextContrast.Sample> samples = new ArrayList<>();
            for (String table : List.of(".tag-table", ".key-table")) {
                Node node = robot.lookup(table).query();
                Parent rows = (Parent) node.lookup(".clipped-container");
                Bounds clip = rows.localToScene(rows.getLayoutBounds());
                samples.addAll(TextContrast.measure(image, rows, clip));
            }
            return samples;
        }));
    }

    // --- the window ---------------------------------------------------------------------------------------------

    private TagRowViewModel row(String key) {
        return tagTable().getItems().stream().filter(row -> row.keyProperty().get().equals(key)).findFirst()
                .orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private TableView<TagRowViewModel> tagTable() {
        return (TableView<TagRowViewModel>) view.tagEditorView().lookup(".tag-table");
    }

    /** Focuses the tag table and selects the cell of {@code column} (0 key, 1 value) in the row of {@code key}. */
    private void selectTagCell(FxRobot robot, String key, int column) {
        robot.interact(() -> {
            TableView<TagRowViewModel> table = tagTable();
            int index = table.getItems().indexOf(row(key));
            table.requestFocus();
            table.scrollTo(index);
            table.getSelectionModel().clearAndSelect(index, table.getVisibleLeafColumn(column + 1));
            table.getFocusModel().focus(index, table.getVisibleLeafColumn(column + 1));
        });
    }

    private void openKey(FxRobot robot) throws Exception {
        waitUntil("the keys are loaded", () -> "12 keys loaded".equals(
                robot.lookup(".status-text").queryLabeled().getText()));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(keyCell(robot, KEY));
        waitUntil(KEY + " is open", () -> KEY.equals(robot.lookup(".details-title").queryLabeled().getText()));
        waitUntil("its tags are loaded", () -> tagTable().getItems().size() == 6);
        tagCell(robot, "CostCenter");
    }

    private static Labeled keyCell(FxRobot robot, String alias) throws Exception {
        waitUntil(alias + " is shown", () -> robot.lookup(".key-table .table-cell").match(NodeQueryUtils.isVisible())
                .match((TableCell<KeyRowViewModel, ?> cell) -> alias.equals(cell.getText())).tryQuery().isPresent());
        return robot.lookup(".key-table .table-cell").match(NodeQueryUtils.isVisible())
                .match((TableCell<KeyRowViewModel, ?> cell) -> alias.equals(cell.getText())).queryAs(Labeled.class);
    }

    private static Labeled tagCell(FxRobot robot, String text) throws Exception {
        waitUntil(text + " is shown", () -> robot.lookup(".tag-table .tag-cell").match(NodeQueryUtils.isVisible())
                .match((Labeled cell) -> text.equals(cell.getText())).tryQuery().isPresent());
        return robot.lookup(".tag-table .tag-cell").match(NodeQueryUtils.isVisible())
                .match((Labeled cell) -> text.equals(cell.getText())).queryAs(Labeled.class);
    }

    private static void waitUntil(String what, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting until " + what, e);
        }
    }
}
