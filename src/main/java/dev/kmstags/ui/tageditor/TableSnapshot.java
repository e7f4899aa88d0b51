package dev.kmstags.ui.tageditor;

import java.util.List;
import java.util.Objects;
import javafx.collections.ObservableList;

/**
 * The tag table at one moment: which rows it held, in which order, and what each row's key, value and removal
 * mark were. Rows are kept by identity, so putting a snapshot back restores the very rows the table showed.
 */
record TableSnapshot(List<RowState> rows) {

    /** One row as it was. */
    record RowState(TagRowViewModel row, String key, String value, boolean removed) {
    }

    static TableSnapshot of(List<TagRowViewModel> rows) {
        return new TableSnapshot(rows.stream().map(row -> new RowState(row, row.keyProperty().get(),
                row.valueProperty().get(), row.removedProperty().get())).toList());
    }

    /** Makes {@code table} hold this snapshot's rows with their texts and marks; leaves the list as is if it may. */
    void restoreInto(ObservableList<TagRowViewModel> table) {
        List<TagRowViewModel> shown = rows.stream().map(RowState::row).toList();
        for (RowState state : rows) {
            state.row().keyProperty().set(state.key());
            state.row().valueProperty().set(state.value());
            state.row().setRemoved(state.removed());
        }
        // Replacing the list would end the table's cell edit and selection; only when rows come or go.
        if (!Objects.equals(shown, List.copyOf(table))) {
            table.setAll(shown);
        }
    }
}
