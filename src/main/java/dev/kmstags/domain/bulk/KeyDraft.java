package dev.kmstags.domain.bulk;

import dev.kmstags.domain.EditedTag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One key's tags while a bulk edit's operations are applied to them in turn: editor rows that remember the key
 * each tag was loaded under (so a rename stays a rename), and the problems the operations found on this key.
 */
public final class KeyDraft {

    private final String keyId;
    private final List<EditedTag> rows = new ArrayList<>();
    private final List<BulkProblem> problems = new ArrayList<>();

    KeyDraft(String keyId, Map<String, String> original) {
        this.keyId = keyId;
        original.forEach((key, value) -> rows.add(EditedTag.loaded(key, key, value)));
    }

    String keyId() {
        return keyId;
    }

    List<EditedTag> rows() {
        return List.copyOf(rows);
    }

    List<BulkProblem> problems() {
        return List.copyOf(problems);
    }

    void report(BulkProblem problem) {
        problems.add(problem);
    }

    Optional<String> value(String key) {
        return row(key).map(EditedTag::value);
    }

    boolean has(String key) {
        return row(key).isPresent();
    }

    /** Gives {@code key} the value {@code value}, adding a row when the key has none. */
    void set(String key, String value) {
        int index = indexOf(key);
        if (index < 0) {
            rows.add(EditedTag.added(key, value));
        } else {
            EditedTag row = rows.get(index);
            rows.set(index, new EditedTag(row.originalKey(), key, value));
        }
    }

    void remove(String key) {
        int index = indexOf(key);
        if (index >= 0) {
            rows.remove(index);
        }
    }

    /** Renames the row of {@code oldKey} to {@code newKey}, keeping where it came from and giving it {@code value}. */
    void rename(String oldKey, String newKey, String value) {
        int index = indexOf(oldKey);
        EditedTag row = rows.get(index);
        rows.set(index, new EditedTag(row.originalKey(), newKey, value));
    }

    /** Replaces every row's value with what {@code change} makes of it. */
    void mapValues(UnaryOperator<String> change) {
        rows.replaceAll(row -> new EditedTag(row.originalKey(), row.key(), change.apply(row.value())));
    }

    /** The keys of the rows, in order. */
    List<String> keys() {
        return rows.stream().map(EditedTag::key).toList();
    }

    private Optional<EditedTag> row(String key) {
        int index = indexOf(key);
        return index < 0 ? Optional.empty() : Optional.of(rows.get(index));
    }

    private int indexOf(String key) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }
}
