package dev.kmstags.ui.conflict;

import dev.kmstags.domain.TagMerge;
import dev.kmstags.ui.common.FxmlViews;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The content of the conflict dialog: per tag, its value when editing started, in KMS now, and yours, and a choice
 * of whose version to keep.
 */
public final class ConflictView extends VBox {

    private final ConflictViewModel viewModel;
    private final ResourceBundle resources;

    @FXML
    private Label headerLabel;
    @FXML
    private Label hintLabel;
    @FXML
    private TableView<ConflictViewModel.Row> table;
    @FXML
    private TableColumn<ConflictViewModel.Row, String> keyColumn;
    @FXML
    private TableColumn<ConflictViewModel.Row, String> originalColumn;
    @FXML
    private TableColumn<ConflictViewModel.Row, String> theirsColumn;
    @FXML
    private TableColumn<ConflictViewModel.Row, String> yoursColumn;
    @FXML
    private TableColumn<ConflictViewModel.Row, ConflictViewModel.Row> keepColumn;

    public ConflictView(ConflictViewModel viewModel, ResourceBundle resources) {
        this.viewModel = viewModel;
        this.resources = resources;
        FxmlViews.load(this, resources);
    }

    @FXML
    private void initialize() {
        headerLabel.setText(viewModel.header());
        hintLabel.setText(viewModel.hint());
        show(keyColumn, ConflictViewModel.Row::key);
        show(originalColumn, ConflictViewModel.Row::original);
        show(theirsColumn, ConflictViewModel.Row::theirs);
        show(yoursColumn, ConflictViewModel.Row::yours);
        keepColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        keepColumn.setCellFactory(column -> new SideCell(resources));
        table.setItems(FXCollections.observableArrayList(viewModel.rows()));
    }

    private static void show(TableColumn<ConflictViewModel.Row, String> column,
                             Function<ConflictViewModel.Row, String> text) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null ? null : new Tooltip(item));
            }
        });
    }

    /** Two radio buttons, Mine and Theirs, bound to the row's side. */
    private static final class SideCell extends TableCell<ConflictViewModel.Row, ConflictViewModel.Row> {

        private final RadioButton mine;
        private final RadioButton theirs;
        private final HBox box;
        private ConflictViewModel.Row bound;

        SideCell(ResourceBundle resources) {
            mine = new RadioButton(resources.getString("conflict.side.MINE"));
            theirs = new RadioButton(resources.getString("conflict.side.THEIRS"));
            mine.getStyleClass().add("conflict-mine");
            theirs.getStyleClass().add("conflict-theirs");
            ToggleGroup group = new ToggleGroup();
            mine.setToggleGroup(group);
            theirs.setToggleGroup(group);
            mine.setOnAction(event -> choose(TagMerge.Side.MINE));
            theirs.setOnAction(event -> choose(TagMerge.Side.THEIRS));
            box = new HBox(mine, theirs);
            box.getStyleClass().add("conflict-sides");
        }

        private void choose(TagMerge.Side side) {
            if (bound != null) {
                bound.sideProperty().set(side);
            }
        }

        @Override
        protected void updateItem(ConflictViewModel.Row row, boolean empty) {
            super.updateItem(row, empty);
            bound = empty ? null : row;
            if (bound == null) {
                setGraphic(null);
                return;
            }
            mine.setSelected(row.sideProperty().get() == TagMerge.Side.MINE);
            theirs.setSelected(row.sideProperty().get() == TagMerge.Side.THEIRS);
            setGraphic(box);
        }
    }
}
