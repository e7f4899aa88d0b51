package dev.kmstags.ui.tageditor;

import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.css.PseudoClass;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;

/**
 * A key or value cell of the tag table. Shows the text, its old value when it changed, and is marked
 * {@code :invalid} or {@code :warning} with the reason on hover. Edited in place: double-click, Enter or F2
 * start; every keystroke reaches the row at once, so the editor checks as the user types; Enter or Tab keep the
 * text (Tab moves on to the next cell), Escape puts back what the cell held before.
 */
final class TagCell extends TableCell<TagRowViewModel, String> {

    /** Which half of the tag the cell edits. */
    enum Field {
        KEY,
        VALUE
    }

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");

    private final Field field;
    private final ResourceBundle resources;
    private final TextField editor = new TextField();
    private final Label previous = new Label();
    private final Tooltip tooltip = new Tooltip();
    private final InvalidationListener problemListener = observable -> showProblem();
    private TagRowViewModel shown;
    private String textBeforeEdit;

    TagCell(Field field, ResourceBundle resources) {
        this.field = field;
        this.resources = resources;
        getStyleClass().add("tag-cell");
        previous.getStyleClass().add("tag-previous");
        setContentDisplay(ContentDisplay.RIGHT);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(420);
        editor.getStyleClass().add("tag-cell-editor");
        editor.textProperty().addListener((observable, old, text) -> {
            if (isEditing() && shown != null) {
                property(shown).set(text);
            }
        });
        editor.addEventFilter(KeyEvent.KEY_PRESSED, this::editorKey);
        editor.focusedProperty().addListener((observable, old, focused) -> {
            if (!focused && isEditing()) {
                commitEdit(editor.getText());
            }
        });
    }

    private StringProperty property(TagRowViewModel row) {
        return field == Field.KEY ? row.keyProperty() : row.valueProperty();
    }

    private ReadOnlyStringProperty error(TagRowViewModel row) {
        return field == Field.KEY ? row.keyErrorProperty() : row.valueErrorProperty();
    }

    private ReadOnlyStringProperty warning(TagRowViewModel row) {
        return field == Field.KEY ? row.keyWarningProperty() : row.valueWarningProperty();
    }

    @Override
    protected void updateItem(String text, boolean empty) {
        super.updateItem(text, empty);
        TagRowViewModel row = empty || getTableRow() == null ? null : getTableRow().getItem();
        if (row != shown) {
            if (shown != null) {
                error(shown).removeListener(problemListener);
                warning(shown).removeListener(problemListener);
                shown.stateProperty().removeListener(problemListener);
            }
            shown = row;
            if (shown != null) {
                error(shown).addListener(problemListener);
                warning(shown).addListener(problemListener);
                shown.stateProperty().addListener(problemListener);
            }
        }
        if (isEditing()) {
            return;
        }
        setText(empty ? null : text);
        showProblem();
    }

    /** Marks the cell and sets its hover text from the row's problems and its old value. */
    private void showProblem() {
        String problem = shown == null ? "" : error(shown).get();
        String caution = shown == null ? "" : warning(shown).get();
        pseudoClassStateChanged(INVALID, !problem.isEmpty());
        pseudoClassStateChanged(WARNING, problem.isEmpty() && !caution.isEmpty());
        String before = previousText();
        previous.setText(before);
        if (!isEditing()) {
            setGraphic(before.isEmpty() ? null : previous);
        }
        String hover = !problem.isEmpty() ? problem : !caution.isEmpty() ? caution : "";
        if (!before.isEmpty()) {
            hover = hover.isEmpty() ? before : hover + "\n" + before;
        }
        tooltip.setText(hover.isEmpty() ? getText() : hover);
        setTooltip(shown == null || tooltip.getText() == null || tooltip.getText().isEmpty() ? null : tooltip);
    }

    /** "was dev" for a changed value, "was Team" for a renamed key; empty otherwise. */
    private String previousText() {
        if (shown == null || shown.removedProperty().get()) {
            return "";
        }
        if (field == Field.KEY && shown.isRenamed()) {
            return MessageFormat.format(resources.getString("editor.was"), shown.originalKey());
        }
        if (field == Field.VALUE && shown.isValueChanged()) {
            return shown.originalValue().isEmpty() ? resources.getString("editor.was.empty")
                    : MessageFormat.format(resources.getString("editor.was"), shown.originalValue());
        }
        return "";
    }

    @Override
    public void startEdit() {
        if (shown == null || shown.removedProperty().get()) {
            return;
        }
        super.startEdit();
        if (!isEditing()) {
            return;
        }
        textBeforeEdit = getItem();
        editor.setText(getItem());
        setText(null);
        setGraphic(editor);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        editor.requestFocus();
        editor.selectAll();
    }

    @Override
    public void cancelEdit() {
        super.cancelEdit();
        showNormally();
    }

    @Override
    public void commitEdit(String text) {
        super.commitEdit(text);
        showNormally();
    }

    private void showNormally() {
        setContentDisplay(ContentDisplay.RIGHT);
        setText(getItem());
        setGraphic(null);
        showProblem();
    }

    private void editorKey(KeyEvent event) {
        switch (event.getCode()) {
            case ENTER -> {
                commitEdit(editor.getText());
                getTableView().requestFocus();
            }
            case ESCAPE -> {
                if (shown != null) {
                    property(shown).set(textBeforeEdit);
                }
                cancelEdit();
                getTableView().requestFocus();
            }
            case TAB -> {
                commitEdit(editor.getText());
                moveToNextCell(event.isShiftDown());
            }
            default -> {
                return;
            }
        }
        event.consume();
    }

    /** Tab goes to the next editable cell (key, value, next row's key...); Shift+Tab goes back. */
    private void moveToNextCell(boolean backwards) {
        TableView<TagRowViewModel> table = getTableView();
        List<TableColumn<TagRowViewModel, ?>> editable = table.getVisibleLeafColumns().stream()
                .filter(TableColumn::isEditable).toList();
        int column = editable.indexOf(getTableColumn()) + (backwards ? -1 : 1);
        int row = getIndex();
        if (column >= editable.size()) {
            column = 0;
            row++;
        } else if (column < 0) {
            column = editable.size() - 1;
            row--;
        }
        table.requestFocus();
        if (row < 0 || row >= table.getItems().size()) {
            return;
        }
        table.getSelectionModel().clearAndSelect(row, editable.get(column));
        table.scrollTo(row);
        table.edit(row, editable.get(column));
    }
}
