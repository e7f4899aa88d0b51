package dev.kmstags.ui.conflict;

import dev.kmstags.ui.FxmlViews;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;

/** The content of the conflict dialog: per tag, its value when editing started, in KMS now, and yours. */
public final class ConflictView extends VBox {

    private final ConflictViewModel viewModel;

    @FXML
    private Label headerLabel;
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

    public ConflictView(ConflictViewModel viewModel, ResourceBundle resources) {
        this.viewModel = viewModel;
        FxmlViews.load(this, resources);
    }

    @FXML
    private void initialize() {
        headerLabel.setText(viewModel.header());
        show(keyColumn, ConflictViewModel.Row::key);
        show(originalColumn, ConflictViewModel.Row::original);
        show(theirsColumn, ConflictViewModel.Row::theirs);
        show(yoursColumn, ConflictViewModel.Row::yours);
        table.setItems(FXCollections.observableArrayList(viewModel.rows()));
    }

    private static void show(TableColumn<ConflictViewModel.Row, String> column,
                             Function<ConflictViewModel.Row, String> text) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
    }
}
