package dev.kmstags.ui.keylist;

import static dev.kmstags.ui.common.TestKeys.DATES;
import static dev.kmstags.ui.common.TestKeys.MESSAGES;
import static dev.kmstags.ui.common.TestKeys.NO_ALIAS;
import static dev.kmstags.ui.common.TestKeys.PAYMENTS;
import static dev.kmstags.ui.common.TestKeys.REPORTING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.domain.KeySummary;
import dev.kmstags.domain.KeyTags;
import dev.kmstags.domain.Tag;
import dev.kmstags.ui.common.AppState;
import dev.kmstags.ui.common.TestTaskExecutor;
import java.util.List;
import java.util.Objects;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/** Tag columns in the key list, in a real, headless JavaFX scene: chosen in the header's menu, dimmed, sortable. */
@ExtendWith(ApplicationExtension.class)
class TagColumnsUiTest {

    private static final PseudoClass ABSENT = PseudoClass.getPseudoClass("absent");

    private KeyListViewModel viewModel;
    private TableView<?> table;

    @Start
    void start(Stage primaryStage) {
        Stage stage = new Stage();
        viewModel = new KeyListViewModel(new TestTaskExecutor(), MESSAGES, DATES, new AppState());
        KeyListView view = new KeyListView(viewModel, MESSAGES.bundle());
        Scene scene = new Scene(view, 1100, 400);
        scene.getStylesheets().add(Objects.requireNonNull(
                getClass().getResource("/dev/kmstags/ui/app.css")).toExternalForm());
        stage.setScene(scene);
        stage.show();
        table = (TableView<?>) view.lookup(".key-table");
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    private void loadTaggedKeys(FxRobot robot) {
        robot.interact(() -> viewModel.load(listener -> {
            listener.accept(List.of(PAYMENTS, REPORTING, NO_ALIAS));
            listener.tagsArrived(List.of(
                    KeyTags.read(PAYMENTS.keyId(), List.of(new Tag("Team", "payments"), new Tag("Owner", "zoe"))),
                    KeyTags.read(REPORTING.keyId(), List.of(new Tag("Team", "data"))),
                    KeyTags.read(NO_ALIAS.keyId(), List.of(new Tag("Owner", "ann"), new Tag("Team", "")))));
            return 3;
        }));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void chooseInMenu(FxRobot robot, String tagKey) {
        robot.clickOn(".tag-columns-button");
        robot.clickOn(robot.lookup(".context-menu .label").match(NodeQueryUtils.isVisible())
                .match((Labeled label) -> tagKey.equals(label.getText())).queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The cell of the column headed {@code header} in the row of {@code key}. */
    private TableCell<?, ?> cell(FxRobot robot, KeySummary key, String header) {
        return robot.lookup(".key-table .table-cell").match(NodeQueryUtils.isVisible())
                .match((TableCell<?, ?> cell) -> cell.getTableColumn() != null
                        && header.equals(cell.getTableColumn().getText())
                        && cell.getTableRow() != null && cell.getTableRow().getItem() instanceof KeyRowViewModel row
                        && row.keyId().equals(key.keyId()))
                .queryAs(TableCell.class);
    }

    private List<String> shownKeyIds() {
        return table.getItems().stream().map(row -> ((KeyRowViewModel) row).keyId()).toList();
    }

    @Test
    void aTagChosenInTheMenuBecomesAColumnWithDimmedEmptyCellsForKeysWithoutIt(FxRobot robot) {
        loadTaggedKeys(robot);

        chooseInMenu(robot, "Owner");

        assertThat(table.getColumns()).extracting(TableColumn::getText).startsWith("Aliases", "Owner");
        assertThat(viewModel.tagColumns().shownKeys()).containsExactly("Owner");
        assertThat(cell(robot, PAYMENTS, "Owner").getText()).isEqualTo("zoe");
        TableCell<?, ?> without = cell(robot, REPORTING, "Owner");
        assertThat(without.getText()).isEmpty();
        assertThat(without.getPseudoClassStates()).contains(ABSENT);
        assertThat(cell(robot, PAYMENTS, "Owner").getPseudoClassStates()).doesNotContain(ABSENT);

        chooseInMenu(robot, "Team");
        assertThat(cell(robot, NO_ALIAS, "Team").getText()).isEqualTo("(empty)");
        assertThat(cell(robot, NO_ALIAS, "Team").getPseudoClassStates()).doesNotContain(ABSENT);

        // Chosen again, it goes.
        chooseInMenu(robot, "Owner");
        assertThat(table.getColumns()).extracting(TableColumn::getText).doesNotContain("Owner")
                .startsWith("Aliases", "Team");
    }

    @Test
    void aTagKeyNoKeyHasCanBeTypedAndShowsEveryKeyWithoutIt(FxRobot robot) {
        loadTaggedKeys(robot);

        robot.clickOn(".tag-columns-button");
        robot.clickOn(".tag-column-field").write("Cost Center").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(table.getColumns()).extracting(TableColumn::getText).startsWith("Aliases", "Cost Center");
        for (KeySummary key : List.of(PAYMENTS, REPORTING, NO_ALIAS)) {
            assertThat(cell(robot, key, "Cost Center").getPseudoClassStates()).contains(ABSENT);
        }
    }

    @Test
    void clickingATagColumnsHeaderSortsByItsValuesKeysWithoutTheTagLast(FxRobot robot) {
        robot.interact(() -> viewModel.tagColumns().show("Owner"));
        loadTaggedKeys(robot);

        robot.clickOn(robot.lookup(".key-table .column-header .label")
                .match((Labeled label) -> "Owner".equals(label.getText())).queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(shownKeyIds()).containsExactly(NO_ALIAS.keyId(), PAYMENTS.keyId(), REPORTING.keyId());
        assertThat(viewModel.tagColumns().sortedByTagProperty().get()).isTrue();
    }
}
