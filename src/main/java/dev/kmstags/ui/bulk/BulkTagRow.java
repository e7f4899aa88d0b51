package dev.kmstags.ui.bulk;

import java.util.List;
import java.util.Objects;

/**
 * One row of "Tags of N keys": a tag key over the selected keys, on how many it is and its value (or how many
 * values it has, each listed with the keys that have it), and the change the pending steps make to it.
 *
 * @param key         the tag key
 * @param onText      "on 37 of 40"; empty for a key only the pending steps add
 * @param valueText   its value, or "3 different values"
 * @param values      each value with the keys that have it, shown when the row is expanded
 * @param change      what the pending steps do to the tag key
 * @param pendingText the change in words, such as "→ on 40 of 40 · CC-1042"; empty when it does not change
 */
public record BulkTagRow(String key, String onText, String valueText, List<ValueOnKeys> values, Change change,
                         String pendingText) {

    public BulkTagRow {
        Objects.requireNonNull(key, "key");
        values = List.copyOf(values);
    }

    /** What the pending steps do to a tag key. */
    public enum Change {
        NONE,
        ADDED,
        CHANGED,
        REMOVED
    }

    /** One value of the tag key, and which keys have it: "production: on 12 keys" and their names. */
    public record ValueOnKeys(String valueText, String keyNames) {
    }
}
