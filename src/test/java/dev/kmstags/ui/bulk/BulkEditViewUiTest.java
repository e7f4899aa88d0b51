package dev.kmstags.ui.bulk;

import static dev.kmstags.ui.common.TestKeys.MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.domain.KeyManager;
import dev.kmstags.profiles.MemoryPreferences;
import dev.kmstags.profiles.TagCallQuotaPreferences;
import dev.kmstags.ui.common.AppState;
import dev.kmstags.ui.common.ScriptedDialogs;
import dev.kmstags.ui.common.TestKeys;
import dev.kmstags.ui.common.TestTaskExecutor;
import java.util.List;
import java.util.Objects;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** "Tags of N keys" in a real, headless JavaFX scene as narrow as the main window gives it. */
@ExtendWith(ApplicationExtension.class)
class BulkEditViewUiTest {

    private final AppState state = new AppState();
    private BulkEditViewModel viewModel;

    @Start
    void start(Stage stage) {
        viewModel = new BulkEditViewModel(MESSAGES, new ScriptedDialogs(), state, new TestTaskExecutor(),
                new TagCallQuotaPreferences(MemoryPreferences.newRoot()), plan -> { });
        Scene scene = new Scene(new BulkEditView(viewModel, MESSAGES.bundle()), 420, 700);
        scene.getStylesheets().add(Objects.requireNonNull(getClass().getResource("/dev/kmstags/ui/app.css"))
                .toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private static FakeKeyEntry key(String id, String alias) {
        return new FakeKeyEntry(TestKeys.key(id, List.of("alias/" + alias), "", "Enabled", KeyManager.CUSTOMER));
    }

    @Test
    void aClashOfVariantsIsReadInFullWithoutScrollingSideways(FxRobot robot) {
        robot.interact(() -> {
            state.setSelectedKeys(List.of(
                    key("k1", "staging-database-of-the-orders-team").tagged("Environment", "staging", "env", "stg"),
                    key("k2", "orders").tagged("Environment", "production")));
            viewModel.mergeTargetProperty().set("Environment");
            viewModel.mergeVariantsProperty().set("env");
            viewModel.mergeVariants();
        });
        WaitForAsyncUtils.waitForFxEvents();

        ListView<?> list = robot.lookup(".bulk-problems-list").queryAs(ListView.class);
        Label problem = robot.lookup(".bulk-problems-list .bulk-problem").queryAs(Label.class);
        Bounds listBounds = list.localToScene(list.getLayoutBounds());
        Bounds problemBounds = problem.localToScene(problem.getLayoutBounds());
        assertThat(problemBounds.getMaxX()).as("the sentence ends inside the list").isLessThanOrEqualTo(
                listBounds.getMaxX());
        assertThat(problem.getHeight()).as("the sentence wraps onto more lines")
                .isGreaterThan(1.5 * problem.getFont().getSize() * 1.2);
        assertThat(robot.lookup(".bulk-problems-list .scroll-bar").queryAllAs(ScrollBar.class))
                .filteredOn(bar -> bar.getOrientation() == Orientation.HORIZONTAL)
                .allSatisfy(bar -> assertThat(bar.isVisible()).as("no sideways scroll bar").isFalse());
    }

    @Test
    void aTagKeyWithSeveralValuesOpensToListEachValueWithTheKeysThatHaveIt(FxRobot robot) {
        robot.interact(() -> state.setSelectedKeys(List.of(
                key("k1", "payments").tagged("Environment", "production", "Team", "payments"),
                key("k2", "orders").tagged("Environment", "production", "Team", "payments"),
                key("k3", "staging").tagged("Environment", "staging", "Team", "payments"))));
        WaitForAsyncUtils.waitForFxEvents();
        TreeTableView<?> table = robot.lookup(".bulk-tag-table").queryAs(TreeTableView.class);
        assertThat(texts(robot)).doesNotContain("production: on 2 keys");

        TreeTableRow<?> environment = robot.lookup(".bulk-tag-table .tree-table-row-cell")
                .match((TreeTableRow<?> row) -> row.getTreeItem() != null && row.getTreeItem().getParent()
                        == table.getRoot() && texts(row).contains("Environment")).query();
        TreeTableRow<?> team = robot.lookup(".bulk-tag-table .tree-table-row-cell")
                .match((TreeTableRow<?> row) -> row.getTreeItem() != null && texts(row).contains("Team")).query();
        assertThat(team.getTreeItem().isLeaf()).as("one value: nothing to open").isTrue();
        robot.clickOn(environment.lookup(".arrow"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(texts(robot)).contains("production: on 2 keys", "alias/payments, alias/orders",
                "staging: on 1 key", "alias/staging");
    }

    @Test
    void aStepThatMovesTheRowsKeepsTheTagKeyTheUserChoseInTheFields(FxRobot robot) {
        robot.interact(() -> state.setSelectedKeys(List.of(
                key("k1", "payments").tagged("Application", "pay", "Environment", "production", "Team", "a"),
                key("k2", "orders").tagged("Application", "ord", "Environment", "staging", "Team", "b"))));
        WaitForAsyncUtils.waitForFxEvents();
        TreeTableView<?> table = robot.lookup(".bulk-tag-table").queryAs(TreeTableView.class);
        TreeTableRow<?> environment = robot.lookup(".bulk-tag-table .tree-table-row-cell")
                .match((TreeTableRow<?> row) -> row.getTreeItem() != null && texts(row).contains("Environment"))
                .query();
        robot.clickOn(environment);
        assertThat(viewModel.tagKeyProperty().get()).isEqualTo("Environment");

        // The changed tag key moves to the top; the row the user chose goes with it, not another into its place.
        robot.interact(() -> {
            viewModel.tagValueProperty().set("shared");
            viewModel.setTag();
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(viewModel.tagKeyProperty().get()).isEqualTo("Environment");
        assertThat(table.getSelectionModel().getSelectedItem()).isNotNull();
        assertThat(table.getSelectionModel().getSelectedIndex()).as("changed keys come first").isZero();
        assertThat(texts((TreeTableRow<?>) robot.lookup(".bulk-tag-table .tree-table-row-cell")
                .match((TreeTableRow<?> row) -> row.getTreeItem() != null
                        && row.getTreeItem() == table.getSelectionModel().getSelectedItem()).query()))
                .contains("Environment");
    }

    private static List<String> texts(FxRobot robot) {
        return robot.lookup(".bulk-tag-table .tree-table-cell").queryAllAs(Labeled.class).stream()
                .filter(Node::isVisible).map(Labeled::getText).filter(Objects::nonNull).toList();
    }

    private static List<String> texts(TreeTableRow<?> row) {
        return row.lookupAll(".tree-table-cell").stream().map(cell -> ((Labeled) cell).getText())
                .filter(Objects::nonNull).toList();
    }
}
