package dev.kmstags.ui.bulk;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

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
public record BulkTagRow(String key, String onText, String valueText, ValuesOnKeys values, Change change,
                         String pendingText) {

    public BulkTagRow {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(values, "values");
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

    /**
     * The values of a tag key with the keys that have each, worked out when first asked for: a tag key such as a cost
     * center may have another value on each of 1,000 keys, and its row is seldom opened. Used on the JavaFX thread.
     */
    public static final class ValuesOnKeys {

        /** A tag key with one value, or none: nothing to list. */
        public static final ValuesOnKeys NONE = new ValuesOnKeys(false, List::of);

        private final boolean any;
        private Supplier<List<ValueOnKeys>> source;
        private List<ValueOnKeys> values;

        private ValuesOnKeys(boolean any, Supplier<List<ValueOnKeys>> source) {
            this.any = any;
            this.source = source;
        }

        /** The values {@code source} lists once asked for; {@code source} must list at least one. */
        public static ValuesOnKeys later(Supplier<List<ValueOnKeys>> source) {
            return new ValuesOnKeys(true, Objects.requireNonNull(source, "source"));
        }

        /** Whether there are values to list, known without listing them. */
        public boolean any() {
            return any;
        }

        public List<ValueOnKeys> list() {
            if (values == null) {
                values = List.copyOf(source.get());
                source = null;
            }
            return values;
        }
    }
}
