package dev.kmstags.ui.keylist;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The key list's search: the rows that match the search text (alias, key ID, ARN, description, tag key or value,
 * ignoring case), in the order they arrived. Kept by hand rather than by a FilteredList: rows that start to match
 * when their aliases or tags arrive are added in one change, where a FilteredList would refilter every row.
 */
final class KeySearch {

    private final ObservableList<KeyRowViewModel> visible = FXCollections.observableArrayList();
    private final ObservableList<KeyRowViewModel> readOnlyVisible = FXCollections.unmodifiableObservableList(visible);
    private final StringProperty text = new SimpleStringProperty(this, "searchText", "");

    /**
     * @param rows     every loaded row, whatever the search text
     * @param filtered told after the search text changed which rows are visible
     */
    KeySearch(ObservableList<KeyRowViewModel> rows, Runnable filtered) {
        Objects.requireNonNull(rows, "rows");
        text.addListener((observable, old, now) -> {
            String query = query();
            List<KeyRowViewModel> matching = query.isBlank() ? rows
                    : rows.stream().filter(row -> row.matches(query)).toList();
            if (!matching.equals(visible)) {
                visible.setAll(matching);
            }
            filtered.run();
        });
    }

    /** Shows those of {@code newRows}, just added to the rows, that match. */
    void added(List<KeyRowViewModel> newRows) {
        String query = query();
        visible.addAll(query.isBlank() ? newRows : newRows.stream().filter(row -> row.matches(query)).toList());
    }

    /** Forgets every row shown, as the rows were cleared. */
    void cleared() {
        visible.clear();
    }

    /**
     * Completes {@code changed} rows with what arrived for them, and shows those that match the search text only
     * now, in one change; answers whether any did. Arrivals only add searchable text, so no shown row stops
     * matching.
     */
    boolean complete(List<KeyRowViewModel> changed, Consumer<KeyRowViewModel> completion) {
        String query = query();
        if (query.isBlank()) {
            changed.forEach(completion);
            return false;
        }
        List<KeyRowViewModel> nowMatching = new ArrayList<>();
        for (KeyRowViewModel row : changed) {
            boolean matched = row.matches(query);
            completion.accept(row);
            if (!matched && row.matches(query)) {
                nowMatching.add(row);
            }
        }
        visible.addAll(nowMatching);
        return !nowMatching.isEmpty();
    }

    /** The search text, never null. */
    String query() {
        String query = text.get();
        return query == null ? "" : query;
    }

    /** Whether a search text is set, so that some rows may be hidden. */
    boolean filtering() {
        return !query().isBlank();
    }

    /** The rows that match, read-only. */
    ObservableList<KeyRowViewModel> visibleRows() {
        return readOnlyVisible;
    }

    StringProperty textProperty() {
        return text;
    }
}
