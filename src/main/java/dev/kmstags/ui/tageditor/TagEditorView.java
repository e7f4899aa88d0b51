package dev.kmstags.ui.tageditor;

import dev.kmstags.ui.FxmlViews;
import java.util.ResourceBundle;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The tag editor of the selected key: a table of keys and values edited in place, the toolbar that adds, removes
 * and reverts, what is wrong with the cells, and the button that opens the review. Binds to a
 * {@link TagEditorViewModel}.
 */
public final class TagEditorView extends VBox {

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final TagEditorViewModel viewModel;
    private final ResourceBundle resources;

    @FXML
    private Button addButton;
    @FXML
    private Button removeButton;
    @FXML
    private FontIcon removeIcon;
    @FXML
    private Button revertButton;
    @FXML
    private Label countLabel;
    @FXML
    private TableView<TagRowViewModel> table;
    @FXML
    private TableColumn<TagRowViewModel, TagRowViewModel.State> stateColumn;
    @FXML
    private TableColumn<TagRowViewModel, String> keyColumn;
    @FXML
    private TableColumn<TagRowViewModel, String> valueColumn;
    @FXML
    private ProgressIndicator placeholderProgress;
    @FXML
    private Label placeholderLabel;
    @FXML
    private Button retryButton;
    @FXML
    private VBox problemsBox;
    @FXML
    private Button reviewButton;

    public TagEditorView(TagEditorViewModel viewModel, ResourceBundle resources) {
        this.viewModel = viewModel;
        this.resources = resources;
        FxmlViews.load(this, resources);
    }

    @FXML
    private void initialize() {
        addButton.disableProperty().bind(viewModel.canAddProperty().not());
        removeButton.disableProperty().bind(viewModel.canRemoveProperty().not());
        revertButton.disableProperty().bind(viewModel.canRevertProperty().not());
        reviewButton.disableProperty().bind(viewModel.canReviewProperty().not());
        countLabel.textProperty().bind(viewModel.countTextProperty());
        countLabel.pseudoClassStateChanged(INVALID, viewModel.overLimitProperty().get());
        viewModel.overLimitProperty().addListener((observable, old, over) -> countLabel.pseudoClassStateChanged(
                INVALID, over));

        placeholderLabel.textProperty().bind(viewModel.placeholderTextProperty());
        placeholderProgress.visibleProperty().bind(viewModel.busyProperty());
        placeholderProgress.managedProperty().bind(viewModel.busyProperty());
        retryButton.visibleProperty().bind(viewModel.canRetryProperty());
        retryButton.managedProperty().bind(viewModel.canRetryProperty());

        stateColumn.setCellValueFactory(cell -> cell.getValue().stateProperty());
        stateColumn.setCellFactory(column -> new TagStateCell(resources));
        keyColumn.setCellValueFactory(cell -> cell.getValue().keyProperty());
        keyColumn.setCellFactory(column -> new TagCell(TagCell.Field.KEY, resources));
        valueColumn.setCellValueFactory(cell -> cell.getValue().valueProperty());
        valueColumn.setCellFactory(column -> new TagCell(TagCell.Field.VALUE, resources));
        table.setRowFactory(view -> new TagTableRow());
        table.setItems(viewModel.rows());
        table.editableProperty().bind(viewModel.editableProperty());
        table.getSelectionModel().setCellSelectionEnabled(true);
        table.getSelectionModel().selectedItemProperty().addListener(
                (observable, old, row) -> viewModel.selectedRowProperty().set(row));
        viewModel.selectedRowProperty().addListener((observable, old, row) -> {
            if (row == null) {
                table.getSelectionModel().clearSelection();
            }
            showRemoveOrRestore();
        });
        viewModel.rows().addListener((ListChangeListener<TagRowViewModel>) change -> showRemoveOrRestore());

        viewModel.errors().addListener((ListChangeListener<String>) change -> showProblems());
        viewModel.warnings().addListener((ListChangeListener<String>) change -> showProblems());
        showProblems();
    }

    /** The Remove button says Restore while the selected row is struck out. */
    private void showRemoveOrRestore() {
        TagRowViewModel row = viewModel.selectedRowProperty().get();
        boolean restore = row != null && row.removedProperty().get();
        removeButton.setText(resources.getString(restore ? "editor.restore" : "editor.remove"));
        removeIcon.setIconLiteral(restore ? "fth-corner-up-left" : "fth-trash-2");
    }

    private void showProblems() {
        problemsBox.getChildren().clear();
        viewModel.errors().forEach(line -> problemsBox.getChildren().add(problem(line, "fth-alert-circle", "error")));
        viewModel.warnings().forEach(line ->
                problemsBox.getChildren().add(problem(line, "fth-alert-triangle", "warning")));
        problemsBox.setVisible(!problemsBox.getChildren().isEmpty());
        problemsBox.setManaged(problemsBox.isVisible());
    }

    private static Label problem(String line, String icon, String kind) {
        Label label = new Label(line, new FontIcon(icon));
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.getStyleClass().addAll("tag-problem", kind);
        return label;
    }

    /** Adds a row (Edit → Add tag, Ctrl+N) and starts editing its key. */
    @FXML
    public void addTag() {
        TagRowViewModel row = viewModel.addTag();
        if (row != null) {
            int index = table.getItems().indexOf(row);
            table.requestFocus();
            table.scrollTo(index);
            table.getSelectionModel().clearAndSelect(index, keyColumn);
            table.layout();
            table.edit(index, keyColumn);
        }
    }

    /** Removes the selected tag, or restores it (Edit → Remove tag, Delete). */
    @FXML
    public void removeOrRestore() {
        viewModel.removeOrRestoreSelected();
        showRemoveOrRestore();
    }

    /** Discards every edit (Edit → Revert). */
    @FXML
    public void revert() {
        viewModel.revert();
    }

    /** Opens the review of the edits (Edit → Review changes, Ctrl+S). */
    @FXML
    public void review() {
        table.edit(-1, null);
        viewModel.review();
    }

    @FXML
    private void reload() {
        viewModel.reload();
    }
}
