package dev.kmstags.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.ui.common.KeyEntry;
import dev.kmstags.ui.keylist.KeyRowViewModel;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
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
 * The key list as an inventory in the real main window, on the bundled backend's demo account: tag columns and a
 * tag search, and every region at once with a key of another region edited there.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class InventoryUiTest extends AppWindowUiTest {

    @Start
    void start(Stage primaryStage) {
        open(primaryStage);
    }

    private static void waitUntil(String what, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting until " + what, e);
        }
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).match(NodeQueryUtils.isVisible()).tryQueryAs(Labeled.class)
                .map(Labeled::getText).orElse("");
    }

    private TableView<KeyRowViewModel> table(FxRobot robot) {
        @SuppressWarnings("unchecked")
        TableView<KeyRowViewModel> table = robot.lookup(".key-table").queryAs(TableView.class);
        return table;
    }

    private static Menu menu(FxRobot robot, String text) {
        return robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().stream()
                .filter(menu -> menu.getText().replace("_", "").equals(text)).findFirst().orElseThrow();
    }

    @Test
    void tagColumnsAndATagSearchShowTheKeysThatLackATag(FxRobot robot) throws Exception {
        waitUntil("the keys are loaded", () -> "12 keys loaded".equals(text(robot, ".status-text")));

        robot.clickOn(".tag-columns-button");
        robot.clickOn(robot.lookup(".context-menu .label").match(NodeQueryUtils.isVisible())
                .match((Labeled label) -> "Owner".equals(label.getText())).queryAs(Node.class));
        robot.clickOn(".search-field").write("Environment=production !Owner");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, ".panel-count")).isEqualTo("4 of 12 keys");
        assertThat(table(robot).getItems()).extracting(KeyRowViewModel::aliasesText).containsExactly(
                "alias/legacy-vault", "alias/orders-db", "alias/reporting-old", "alias/webhook-hmac");
        assertThat(table(robot).getColumns()).extracting(TableColumn::getText).startsWith("Aliases", "Owner");
        List<Node> ownerCells = List.copyOf(robot.lookup(".key-table .tag-value-cell")
                .match(NodeQueryUtils.isVisible()).match((TableCell<?, ?> cell) -> !cell.isEmpty()).queryAll());
        assertThat(ownerCells).hasSize(4).allSatisfy(cell -> assertThat(cell.getPseudoClassStates())
                .contains(PseudoClass.getPseudoClass("absent")));
        Snapshots.save(stage.getScene(), "key-list-tag-columns");
    }

    @Test
    void allRegionsListsTheKeysOfEveryRegionAndAKeyOfAnotherRegionIsEditedThere(FxRobot robot) throws Exception {
        waitUntil("the keys are loaded", () -> "12 keys loaded".equals(text(robot, ".status-text")));

        robot.interact(() -> menu(robot, "Region").getItems().stream()
                .filter(item -> "All regions".equals(item.getText().replace("_", ""))).findFirst()
                .orElseThrow().fire());
        waitUntil("every region is read", () -> "17 keys loaded".equals(text(robot, ".status-text")));

        assertThat(text(robot, ".region-summary")).endsWith(" read. Hover for each region.");
        assertThat(table(robot).getColumns()).extracting(TableColumn::getText).contains("Region");
        assertThat(text(robot, ".connection-label")).startsWith("Bundled backend · 111122223333 · all ");
        KeyRowViewModel exports = table(robot).getItems().stream()
                .filter(row -> row.aliasesText().equals("alias/customer-exports")).findFirst().orElseThrow();
        assertThat(exports.regionText()).isEqualTo("eu-west-1");

        robot.interact(() -> context.state().setSelectedKeys(List.<KeyEntry>of(exports)));
        waitUntil("the tags of the key in eu-west-1 are shown", () -> robot.from(robot.lookup(".tag-table")
                .queryAll()).lookup((Labeled labeled) -> "support".equals(labeled.getText())).tryQuery().isPresent());
    }
}
