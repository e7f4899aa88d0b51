package dev.kmstags.ui.tageditor;

import dev.kmstags.ui.common.FxmlViews;
import dev.kmstags.ui.common.TablePlaceholder;
import java.util.ResourceBundle;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The tag editor of the selected key: a table of keys and values edited in place, the toolbar that adds, removes
 * and reverts, what is wrong with the cells, and the button that opens the review. Binds to a
 * {@link TagEditorViewModel}. What is wrong shows in a space of its own below the table, so the table never moves
 * under the cell being typed into; keystrokes that reach the table while a cell edit is under way go to that cell.
 */
public final class TagEditorView extends VBox {

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private static final Set<KeyCode> EDITOR_KEYS = EnumSet.of(KeyCode.TAB, KeyCode.ENTER, KeyCode.ESCAPE,
            KeyCode.BACK_SPACE);
    private static final String RESTYLED = "restyled";

    private final TagEditorViewModel viewModel;
    private TagEditorCommands commands;
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
    private TablePlaceholder placeholder;
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

        placeholder.bind(viewModel.placeholderTextProperty(), viewModel.busyProperty(), viewModel.canRetryProperty());

        stateColumn.setCellValueFactory(cell -> cell.getValue().stateProperty());
        stateColumn.setCellFactory(column -> new TagStateCell(resources));
        keyColumn.setCellValueFactory(cell -> cell.getValue().keyProperty());
        keyColumn.setCellFactory(column -> new TagCell(TagRowViewModel.Field.KEY, viewModel, resources));
        valueColumn.setCellValueFactory(cell -> cell.getValue().valueProperty());
        valueColumn.setCellFactory(column -> new TagCell(TagRowViewModel.Field.VALUE, viewModel, resources));
        table.setRowFactory(view -> new TagTableRow());
        table.setItems(viewModel.rows());
        table.editableProperty().bind(viewModel.editableProperty());
        table.getSelectionModel().setCellSelectionEnabled(true);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getSelectionModel().getSelectedCells().addListener(
                (ListChangeListener<TablePosition>) change -> viewModel.selectedRows().setAll(
                        table.getSelectionModel().getSelectedCells().stream().map(TablePosition::getRow)
                                .filter(index -> index >= 0 && index < table.getItems().size())
                                .distinct().map(table.getItems()::get).toList()));
        table.addEventFilter(KeyEvent.KEY_TYPED, this::typeIntoEditedCell);
        table.addEventFilter(KeyEvent.KEY_PRESSED, this::pressInEditedCell);
        table.focusedProperty().addListener((observable, old, focused) -> {
            if (focused && table.getEditingCell() != null) {
                Platform.runLater(() -> editedCell().ifPresent(cell -> cell.editor().requestFocus()));
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener(
                (observable, old, row) -> viewModel.selectedRowProperty().set(row));
        viewModel.selectedRowProperty().addListener((observable, old, row) -> {
            if (row == null) {
                table.getSelectionModel().clearSelection();
            }
            showRemoveOrRestore();
        });
        viewModel.rows().addListener((ListChangeListener<TagRowViewModel>) change -> {
            showRemoveOrRestore();
            Platform.runLater(this::restyleCells);
        });
        table.editingCellProperty().addListener((observable, old, editing) -> {
            if (editing == null) {
                Platform.runLater(this::restyleCells);
            }
        });

        viewModel.errors().addListener((ListChangeListener<String>) change -> showProblems());
        viewModel.warnings().addListener((ListChangeListener<String>) change -> showProblems());
        showProblems();
    }

    /**
     * Styles the table's cells again once a change of the rows or an edit has settled. When a row is added and edited at once
     * (Add tag lays the table out outside a pulse), cells of the other added rows resolved the theme's colours
     * (-color-*) to black: near-black text on the dark theme. Changing a cell's style classes makes JavaFX style
     * it again, in place.
     */
    private void restyleCells() {
        // Not while a cell is edited: restyling lays the table out again, which would end the edit mid-word.
        if (table.getEditingCell() != null) {
            return;
        }
        for (Node cell : table.lookupAll(".tag-cell")) {
            cell.getStyleClass().add(RESTYLED);
            cell.getStyleClass().remove(RESTYLED);
        }
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
        // Only hidden, never taken out of the layout: its space stays, so the table keeps its height.
        problemsBox.setVisible(!problemsBox.getChildren().isEmpty());
    }

    /** The cell being edited, if the table shows it. */
    private Optional<TagCell> editedCell() {
        return table.lookupAll(".tag-cell").stream().filter(TagCell.class::isInstance).map(TagCell.class::cast)
                .filter(cell -> cell.isEditing() && cell.getTableRow() != null && cell.getTableRow().isVisible())
                .findFirst();
    }

    /**
     * A character typed while a cell edit is under way but its editor lost the keyboard (its row was scrolled out
     * of view, or its cell was being drawn anew): brings the cell into view and types the character there.
     */
    private void typeIntoEditedCell(KeyEvent event) {
        String character = event.getCharacter();
        if (!isMeantForEditedCell(event) || character.isEmpty() || Character.isISOControl(character.charAt(0))) {
            return;
        }
        bringEditedCellBack().ifPresent(cell -> {
            cell.editor().replaceSelection(character);
            event.consume();
        });
    }

    /**
     * Tab, Enter, Escape and Backspace pressed in such a moment go to the cell's editor too: Tab must not move the
     * focus out of the table, nor Enter press a button.
     */
    private void pressInEditedCell(KeyEvent event) {
        if (!isMeantForEditedCell(event) || !EDITOR_KEYS.contains(event.getCode())) {
            return;
        }
        bringEditedCellBack().ifPresent(cell -> {
            event.consume();
            cell.editor().fireEvent(event.copyFor(cell.editor(), cell.editor()));
        });
    }

    private boolean isMeantForEditedCell(KeyEvent event) {
        return table.getEditingCell() != null && !(event.getTarget() instanceof TextField) && !event.isControlDown()
                && !event.isAltDown() && !event.isMetaDown();
    }

    /** Shows the cell being edited, starting its editor again if no cell was drawn for it, and focuses it. */
    private Optional<TagCell> bringEditedCellBack() {
        TablePosition<TagRowViewModel, ?> editing = table.getEditingCell();
        Optional<TagCell> cell = editedCell();
        if (cell.isEmpty()) {
            RowScroller.show(table, editing.getRow());
            cell = editedCell();
        }
        if (cell.isEmpty()) {
            table.edit(-1, null);
            table.edit(editing.getRow(), editing.getTableColumn());
            table.layout();
            cell = editedCell();
        }
        cell.ifPresent(shown -> shown.editor().requestFocus());
        return cell;
    }

    /** Keeps what is typed into a cell and ends its edit, before an action on the whole table. */
    private void endCellEdit() {
        viewModel.commitCellEdit();
        table.edit(-1, null);
    }

    private static Label problem(String line, String icon, String kind) {
        Label label = new Label(line, new FontIcon(icon));
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.getStyleClass().addAll("tag-problem", kind);
        return label;
    }

    /** The Edit menu's commands on this editor. */
    public TagEditorCommands commands() {
        if (commands == null) {
            commands = TagEditorCommands.of(this, viewModel);
        }
        return commands;
    }

    /** Adds a row (Edit → Add tag, Ctrl+N) and starts editing its key. */
    @FXML
    public void addTag() {
        TagRowViewModel row = viewModel.addTag();
        if (row != null) {
            int index = table.getItems().indexOf(row);
            table.requestFocus();
            table.getSelectionModel().clearAndSelect(index, keyColumn);
            RowScroller.show(table, index);
            table.edit(index, keyColumn);
        }
    }

    /** Removes the selected tag, or restores it (Edit → Remove tag, Delete). */
    @FXML
    public void removeOrRestore() {
        endCellEdit();
        viewModel.removeOrRestoreSelected();
        showRemoveOrRestore();
    }

    /** Puts the selected rows back as loaded (Revert, Edit → Revert selected). */
    @FXML
    public void revert() {
        endCellEdit();
        viewModel.revertSelected();
    }

    /** Discards every edit of the key, after asking when several rows are edited (Edit → Revert all). */
    public void revertAll() {
        endCellEdit();
        viewModel.revertAll();
    }

    /** Edit → Undo, Ctrl+Z. */
    public void undo() {
        endCellEdit();
        viewModel.undo();
    }

    /** Edit → Redo, Ctrl+Shift+Z or Ctrl+Y. */
    public void redo() {
        endCellEdit();
        viewModel.redo();
    }

    /** Opens the review of the edits (Edit → Review changes, Ctrl+S). */
    @FXML
    public void review() {
        endCellEdit();
        viewModel.review();
    }

    @FXML
    private void reload() {
        viewModel.reload();
    }
}
