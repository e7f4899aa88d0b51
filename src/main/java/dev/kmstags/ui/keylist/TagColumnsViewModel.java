package dev.kmstags.ui.keylist;

import dev.kmstags.domain.Tag;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The tag keys the key list shows as columns, one column each, with the value of that tag per key: which keys the
 * user chose (kept per connection by whoever listens to {@link #shownKeys()}), which keys the chooser offers, what
 * a cell shows, and how a column sorts.
 */
public final class TagColumnsViewModel {

    /** What a key has for a tag column's tag key. */
    public enum CellKind {
        /** The key has the tag, with a value. */
        VALUE,
        /** The key has the tag, with an empty value. */
        EMPTY_VALUE,
        /** The key does not have the tag. */
        ABSENT,
        /** The key's tags are not read (yet, or KMS would not list them). */
        NOT_READ
    }

    /**
     * What one cell of a tag column shows.
     *
     * @param value the tag's value; empty unless {@code kind} is {@link CellKind#VALUE}
     */
    public record Cell(CellKind kind, String value) {

        public Cell {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(value, "value");
        }
    }

    /** Values in text order ignoring case (then exactly), keys without the tag after them, unread keys last. */
    private static final Comparator<Cell> CELL_ORDER = Comparator.comparing(Cell::kind,
                    Comparator.comparing(kind -> kind == CellKind.EMPTY_VALUE ? CellKind.VALUE : kind))
            .thenComparing(Cell::value, String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder()));

    private final ObservableList<KeyRowViewModel> rows;
    private final ObservableList<String> shown = FXCollections.observableArrayList();
    private final ObservableList<String> shownView = FXCollections.unmodifiableObservableList(shown);
    private final BooleanProperty sortedByTag = new SimpleBooleanProperty(this, "sortedByTag");

    /** @param rows the key list's rows, whose tag keys the chooser offers */
    TagColumnsViewModel(ObservableList<KeyRowViewModel> rows) {
        this.rows = Objects.requireNonNull(rows, "rows");
    }

    /** What a key with {@code tags} ({@code null}: not read) shows in the column of {@code tagKey}. */
    public static Cell cell(List<Tag> tags, String tagKey) {
        if (tags == null) {
            return new Cell(CellKind.NOT_READ, "");
        }
        for (Tag tag : tags) {
            if (tag.key().equals(tagKey)) {
                return tag.value().isEmpty() ? new Cell(CellKind.EMPTY_VALUE, "") : new Cell(CellKind.VALUE,
                        tag.value());
            }
        }
        return new Cell(CellKind.ABSENT, "");
    }

    /** The order of the column of {@code tagKey}, over the keys' tags ({@code null}: not read). */
    public static Comparator<List<Tag>> order(String tagKey) {
        return Comparator.comparing(tags -> cell(tags, tagKey), CELL_ORDER);
    }

    /** The tag keys shown as columns, in column order. */
    public ObservableList<String> shownKeys() {
        return shownView;
    }

    /**
     * What the chooser offers: every tag key of the loaded keys, and those shown; the tag keys most keys have first
     * (a long tail of rare keys would otherwise bury them), then alphabetically ignoring case.
     */
    public List<String> offeredKeys() {
        Map<String, Integer> keysWith = new HashMap<>();
        for (KeyRowViewModel row : rows) {
            List<Tag> tags = row.tagsProperty().get();
            if (tags != null) {
                tags.forEach(tag -> keysWith.merge(tag.key(), 1, Integer::sum));
            }
        }
        shown.forEach(tagKey -> keysWith.putIfAbsent(tagKey, 0));
        return keysWith.keySet().stream()
                .sorted(Comparator.comparing((String tagKey) -> -keysWith.get(tagKey))
                        .thenComparing(String.CASE_INSENSITIVE_ORDER).thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    /** Shows a column for {@code tagKey}, after those shown; nothing when it is shown already. */
    public void show(String tagKey) {
        setShown(tagKey, true);
    }

    /** Shows or hides the column of {@code tagKey}. */
    public void setShown(String tagKey, boolean visible) {
        Objects.requireNonNull(tagKey, "tagKey");
        if (visible && !shown.contains(tagKey)) {
            shown.add(tagKey);
        } else if (!visible) {
            shown.remove(tagKey);
        }
    }

    /**
     * Shows a column for a tag key the user typed (one no loaded key has, say, to see which keys lack it), without
     * the spaces around it; answers whether there was a key to show.
     */
    public boolean showTyped(String typed) {
        String tagKey = typed == null ? "" : typed.strip();
        if (tagKey.isEmpty()) {
            return false;
        }
        show(tagKey);
        return true;
    }

    /** Shows exactly the columns of {@code tagKeys}, in that order, such as those remembered for a connection. */
    public void showOnly(Collection<String> tagKeys) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(tagKeys));
        if (!distinct.equals(shown)) {
            shown.setAll(distinct);
        }
    }

    /**
     * Whether the key list is sorted by a tag column, so its rows move as their tags arrive; the view sets it from
     * the table's sort order.
     */
    public BooleanProperty sortedByTagProperty() {
        return sortedByTag;
    }
}
