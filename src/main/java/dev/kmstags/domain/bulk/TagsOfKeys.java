package dev.kmstags.domain.bulk;

import dev.kmstags.domain.TagRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The tags of several keys at a glance ("Tags of N keys"): one row per tag key found on any of them, in the order of
 * the tag keys ignoring letter case (so a row stays where it was when a commit changes the order a key holds its
 * tags in), with on how many keys it is and its value, or its different values and which key has which.
 */
public final class TagsOfKeys {

    private static final Comparator<String> TAG_KEY_ORDER = String.CASE_INSENSITIVE_ORDER
            .thenComparing(Comparator.naturalOrder());

    private final int keyCount;
    private final List<Row> rows;

    private TagsOfKeys(int keyCount, List<Row> rows) {
        this.keyCount = keyCount;
        this.rows = List.copyOf(rows);
    }

    /** The summary of {@code tagsByKey}: key ID to that key's tags. */
    public static TagsOfKeys of(Map<String, Map<String, String>> tagsByKey) {
        Map<String, Map<String, List<String>>> byTagKey = new TreeMap<>(TAG_KEY_ORDER);
        tagsByKey.forEach((keyId, tags) -> tags.forEach((key, value) -> byTagKey
                .computeIfAbsent(key, k -> new LinkedHashMap<>())
                .computeIfAbsent(value, v -> new ArrayList<>())
                .add(keyId)));
        List<Row> rows = new ArrayList<>();
        byTagKey.forEach((key, values) -> rows.add(new Row(key, tagsByKey.size(), values)));
        return new TagsOfKeys(tagsByKey.size(), rows);
    }

    /** How many keys the summary covers. */
    public int keyCount() {
        return keyCount;
    }

    /** One row per tag key found on any key. */
    public List<Row> rows() {
        return rows;
    }

    /** The tag keys that differ from another only in letter case: candidates for a variant merge. */
    public Set<String> caseVariants() {
        return TagRules.keysDifferingOnlyInCase(rows.stream().map(Row::key).toList());
    }

    /**
     * One tag key over the keys.
     *
     * @param key      the tag key
     * @param of       how many keys the summary covers
     * @param values   each value the tag key has, in the order first met, with the key IDs that have it
     */
    public record Row(String key, int of, Map<String, List<String>> values) {
        public Row {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            values.forEach((value, keyIds) -> copy.put(value, List.copyOf(keyIds)));
            values = Collections.unmodifiableMap(copy);
        }

        /** On how many keys the tag key is ("on 37 of 40"). */
        public int on() {
            return values.values().stream().mapToInt(List::size).sum();
        }

        /** Whether every key carries the tag key. */
        public boolean onAll() {
            return on() == of;
        }

        /** The value, when every key that has the tag key has the same one. */
        public Optional<String> singleValue() {
            return values.size() == 1 ? Optional.of(values.keySet().iterator().next()) : Optional.empty();
        }

        /** How many different values the tag key has ("3 different values"). */
        public int distinctValues() {
            return values.size();
        }
    }
}
