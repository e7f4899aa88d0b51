package dev.kmstags.ui.tageditor;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.css.PseudoClass;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.layout.Region;

/**
 * A key or value cell of the tag table. Shows the text and, when it changed, the old one after it, dimmed and cut
 * first when space runs short; is marked {@code :invalid} or {@code :warning} with the reason on hover. Edited in
 * place: double-click, Enter or F2 start; every keystroke reaches the row at once, so the editor checks as the
 * user types; Enter or Tab keep the text (Tab moves on to the next cell), Escape puts back what the cell held
 * before. Scrolling or a new layout that redraws the cell does not end its edit: the next cell drawn for it goes
 * on with it.
 */
final class TagCell extends TableCell<TagRowViewModel, String> {

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");

    private final TagRowViewModel.Field field;
    private final TagEditorViewModel viewModel;
    private final ResourceBundle resources;
    private final TextField editor = new TextField();
    private final Label current = new Label();
    private final Label previous = new Label();
    private final ChangedTexts changed = new ChangedTexts(current, previous);
    private final Tooltip tooltip = new Tooltip();
    private final InvalidationListener problemListener = observable -> refresh();
    private TagRowViewModel shown;
    /** True while the table cell starts its edit: it updates the item then, which must not start another. */
    private boolean starting;

    TagCell(TagRowViewModel.Field field, TagEditorViewModel viewModel, ResourceBundle resources) {
        this.field = field;
        this.viewModel = viewModel;
        this.resources = resources;
        getStyleClass().add("tag-cell");
        current.getStyleClass().add("tag-current");
        previous.getStyleClass().add("tag-previous");
        changed.getStyleClass().add("tag-changed-texts");
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(420);
        editor.getStyleClass().add("tag-cell-editor");
        editor.textProperty().addListener((observable, old, text) -> {
            if (isEditing() && shown != null) {
                shown.property(field).set(text);
            }
        });
        editor.addEventFilter(KeyEvent.KEY_PRESSED, this::editorKey);
        editor.focusedProperty().addListener((observable, old, focused) -> {
            if (!focused && isEditing() && isShownWhereEdited()) {
                keep();
            }
        });
    }

    /**
     * Whether this cell still stands where the table edits. A cell scrolled out of view, or laid out anew for
     * another row, loses focus too: that ends nothing, the user did not move on.
     */
    private boolean isShownWhereEdited() {
        return getTableRow() != null && getTableRow().isVisible() && isWhereTheTableEdits();
    }

    private boolean isWhereTheTableEdits() {
        TablePosition<TagRowViewModel, ?> editing = getTableView() == null ? null : getTableView().getEditingCell();
        return editing != null && editing.getRow() == getIndex() && editing.getTableColumn() == getTableColumn();
    }

    private ReadOnlyStringProperty error(TagRowViewModel row) {
        return field == TagRowViewModel.Field.KEY ? row.keyErrorProperty() : row.valueErrorProperty();
    }

    private ReadOnlyStringProperty warning(TagRowViewModel row) {
        return field == TagRowViewModel.Field.KEY ? row.keyWarningProperty() : row.valueWarningProperty();
    }

    @Override
    protected void updateItem(String text, boolean empty) {
        super.updateItem(text, empty);
        follow(empty ? null : rowAtIndex());
        if (isEditing()) {
            return;
        }
        showNormally();
        // The table may have asked this cell to edit before the cell knew its row; it does so now.
        if (!starting && shown != null && isWhereTheTableEdits()) {
            startEdit();
        }
    }

    /** The row at the cell's index, read from the table: a cell drawn anew may learn its index before its row does. */
    private TagRowViewModel rowAtIndex() {
        TableView<TagRowViewModel> table = getTableView();
        int index = getIndex();
        return table == null || index < 0 || index >= table.getItems().size() ? null : table.getItems().get(index);
    }

    /** Watches {@code row}'s problems and state instead of the row shown before. */
    private void follow(TagRowViewModel row) {
        if (row == shown) {
            return;
        }
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

    /** The text alone, or the new text with the old one after it. */
    private void showNormally() {
        String text = isEmpty() ? null : getItem();
        String before = previousText();
        if (before.isEmpty()) {
            setText(text);
            setGraphic(null);
            setContentDisplay(ContentDisplay.TEXT_ONLY);
        } else {
            current.setText(text);
            previous.setText(before);
            setText(null);
            setGraphic(changed);
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }
        showProblem();
    }

    private void refresh() {
        if (isEditing()) {
            showProblem();
        } else {
            showNormally();
        }
    }

    /** Marks the cell and sets its hover text from the row's problems and, when it changed, its old and new text. */
    private void showProblem() {
        String problem = shown == null ? "" : error(shown).get();
        String caution = shown == null ? "" : warning(shown).get();
        pseudoClassStateChanged(INVALID, !problem.isEmpty());
        pseudoClassStateChanged(WARNING, problem.isEmpty() && !caution.isEmpty());
        List<String> lines = new ArrayList<>();
        if (!problem.isEmpty()) {
            lines.add(problem);
        } else if (!caution.isEmpty()) {
            lines.add(caution);
        }
        String old = oldText();
        if (old != null) {
            lines.add(MessageFormat.format(resources.getString("editor.tooltip.was"), orEmpty(old)));
            lines.add(MessageFormat.format(resources.getString("editor.tooltip.now"), orEmpty(getItem())));
        } else if (lines.isEmpty() && getItem() != null && !getItem().isEmpty()) {
            lines.add(getItem());
        }
        tooltip.setText(String.join("\n", lines));
        setTooltip(shown == null || lines.isEmpty() ? null : tooltip);
    }

    private String orEmpty(String text) {
        return text == null || text.isEmpty() ? resources.getString("editor.tooltip.empty") : text;
    }

    /** The loaded text of a renamed key or a changed value; null when the cell shows no change. */
    private String oldText() {
        if (shown == null || shown.removedProperty().get()) {
            return null;
        }
        if (field == TagRowViewModel.Field.KEY && shown.isRenamed()) {
            return shown.originalKey();
        }
        if (field == TagRowViewModel.Field.VALUE && shown.isValueChanged()) {
            return shown.originalValue();
        }
        return null;
    }

    /** "was dev" for a changed value, "was Team" for a renamed key; empty otherwise. */
    private String previousText() {
        String old = oldText();
        if (old == null) {
            return "";
        }
        return old.isEmpty() ? resources.getString("editor.was.empty")
                : MessageFormat.format(resources.getString("editor.was"), old);
    }

    @Override
    public void startEdit() {
        follow(isEmpty() ? null : rowAtIndex());
        if (shown == null || shown.removedProperty().get()) {
            return;
        }
        starting = true;
        try {
            super.startEdit();
        } finally {
            starting = false;
        }
        if (!isEditing()) {
            return;
        }
        boolean resumed = viewModel.startCellEdit(shown, field);
        editor.setText(getItem());
        setText(null);
        setGraphic(editor);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        if (resumed) {
            editor.positionCaret(editor.getLength());
        } else {
            editor.selectAll();
        }
        focusEditor();
    }

    /** Gives the editor the keyboard; a cell made during a layout joins the scene only afterwards. */
    private void focusEditor() {
        editor.requestFocus();
        if (!editor.isFocused()) {
            Platform.runLater(() -> {
                if (isEditing() && isShownWhereEdited()) {
                    editor.requestFocus();
                }
            });
        }
    }

    /** The editor's text, for the view to type into when keystrokes reached the table instead. */
    TextField editor() {
        return editor;
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

    /** Keeps the typed text as one undo step and ends the edit. */
    private void keep() {
        viewModel.commitCellEdit();
        commitEdit(editor.getText());
    }

    private void editorKey(KeyEvent event) {
        switch (event.getCode()) {
            case ENTER -> {
                keep();
                getTableView().requestFocus();
            }
            case ESCAPE -> {
                viewModel.cancelCellEdit();
                cancelEdit();
                getTableView().requestFocus();
            }
            case TAB -> {
                keep();
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
        RowScroller.show(table, row);
        table.edit(row, editable.get(column));
    }

    /** The new text and the old one after it; when space runs short the old one is cut first, the new one last. */
    private static final class ChangedTexts extends Region {

        private static final double GAP = 8;
        private final Label current;
        private final Label previous;

        ChangedTexts(Label current, Label previous) {
            this.current = current;
            this.previous = previous;
            getChildren().addAll(current, previous);
            setMinWidth(0);
        }

        @Override
        protected double computePrefWidth(double height) {
            return snappedLeftInset() + current.prefWidth(-1) + GAP + previous.prefWidth(-1) + snappedRightInset();
        }

        @Override
        protected double computePrefHeight(double width) {
            return snappedTopInset() + Math.max(current.prefHeight(-1), previous.prefHeight(-1))
                    + snappedBottomInset();
        }

        @Override
        protected void layoutChildren() {
            double left = snappedLeftInset();
            double width = getWidth() - left - snappedRightInset();
            double height = getHeight() - snappedTopInset() - snappedBottomInset();
            double currentWidth = Math.min(current.prefWidth(-1), width);
            double previousWidth = Math.max(0, width - currentWidth - GAP);
            layoutInArea(current, left, snappedTopInset(), currentWidth, height, 0, null, true, true,
                    HPos.LEFT, VPos.CENTER);
            previous.setVisible(previousWidth >= previous.minWidth(-1));
            layoutInArea(previous, left + currentWidth + GAP, snappedTopInset(), previousWidth, height, 0, null,
                    true, true, HPos.LEFT, VPos.CENTER);
        }
    }
}
