package dev.kmstags.ui.keylist;

import dev.kmstags.domain.TagQuery;
import dev.kmstags.domain.TagQueryException;
import dev.kmstags.ui.common.Messages;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The key list's search: the rows that match the search text, read as a {@link TagQuery} (tags with a value, a
 * wildcard, present or missing, and free text over alias, key ID, ARN, description, tag key and value), in the order
 * they arrived. A text that cannot be read keeps the rows of the last one that could, and says why. Kept by hand
 * rather than by a FilteredList: rows that start to match when their aliases or tags arrive are added in one change,
 * where a FilteredList would refilter every row.
 */
final class KeySearch {

    private final Messages messages;
    private final ObservableList<KeyRowViewModel> visible = FXCollections.observableArrayList();
    private final ObservableList<KeyRowViewModel> readOnlyVisible = FXCollections.unmodifiableObservableList(visible);
    private final StringProperty text = new SimpleStringProperty(this, "searchText", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "searchProblem", "");
    private final ObservableList<KeyRowViewModel> rows;
    private final Runnable filtered;
    private TagQuery query = TagQuery.everything();

    /**
     * @param rows     every loaded row, whatever the search text
     * @param filtered told after the search text changed which rows are visible
     */
    KeySearch(ObservableList<KeyRowViewModel> rows, Runnable filtered, Messages messages) {
        this.rows = Objects.requireNonNull(rows, "rows");
        this.filtered = Objects.requireNonNull(filtered, "filtered");
        this.messages = Objects.requireNonNull(messages, "messages");
        text.addListener((observable, old, now) -> {
            try {
                query = TagQuery.parse(now);
                problem.set("");
            } catch (TagQueryException e) {
                problem.set(describe(e));
                filtered.run();
                return;
            }
            refilter();
        });
    }

    /** Shows the rows that match the search now; for a change the rows were not told of, such as the tag policy. */
    void refilter() {
        List<KeyRowViewModel> matching = query.isEmpty() ? rows
                : rows.stream().filter(row -> row.matches(query)).toList();
        if (!matching.equals(visible)) {
            visible.setAll(matching);
        }
        filtered.run();
    }

    private String describe(TagQueryException problemFound) {
        return messages.format("keyList.search.problem." + problemFound.problem().name(),
                problemFound.position() + 1);
    }

    /** Shows those of {@code newRows}, just added to the rows, that match. */
    void added(List<KeyRowViewModel> newRows) {
        visible.addAll(query.isEmpty() ? newRows : newRows.stream().filter(row -> row.matches(query)).toList());
    }

    /** Forgets every row shown, as the rows were cleared. */
    void cleared() {
        visible.clear();
    }

    /**
     * Completes {@code changed} rows with what arrived for them, and shows those that match the search only now and
     * hides those that no longer do, in one change each; answers whether any row came or went.
     */
    boolean complete(List<KeyRowViewModel> changed, Consumer<KeyRowViewModel> completion) {
        if (query.isEmpty()) {
            changed.forEach(completion);
            return false;
        }
        List<KeyRowViewModel> nowMatching = new ArrayList<>();
        Set<KeyRowViewModel> noLongerMatching = new HashSet<>();
        for (KeyRowViewModel row : changed) {
            boolean matched = row.matches(query);
            completion.accept(row);
            boolean matches = row.matches(query);
            if (!matched && matches) {
                nowMatching.add(row);
            } else if (matched && !matches) {
                noLongerMatching.add(row);
            }
        }
        if (!noLongerMatching.isEmpty()) {
            visible.removeAll(noLongerMatching);
        }
        visible.addAll(nowMatching);
        return !nowMatching.isEmpty() || !noLongerMatching.isEmpty();
    }

    /** The search text, never null. */
    String text() {
        String typed = text.get();
        return typed == null ? "" : typed;
    }

    /** Whether a search is in force, so that some rows may be hidden. */
    boolean filtering() {
        return !query.isEmpty();
    }

    /** Empties the search text: every row shows. */
    void clear() {
        text.set("");
    }

    /** The rows that match, read-only. */
    ObservableList<KeyRowViewModel> visibleRows() {
        return readOnlyVisible;
    }

    StringProperty textProperty() {
        return text;
    }

    /** Why the search text cannot be read, as a sentence; empty when it can. */
    ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
