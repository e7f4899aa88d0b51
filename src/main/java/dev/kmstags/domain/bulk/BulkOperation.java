package dev.kmstags.domain.bulk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One step of a bulk edit, applied to each selected key's tags in turn. Operations are values: the UI shows them
 * as pending steps and undoes one by dropping it from the {@link BulkEdit}.
 */
public sealed interface BulkOperation {

    /** Changes one key's draft; what cannot be done on that key is reported on the draft, not thrown. */
    void applyTo(KeyDraft draft);

    /** Sets {@code key} to {@code value} on every key: added where missing, overwritten where different. */
    record SetTag(String key, String value) implements BulkOperation {
        public SetTag {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public void applyTo(KeyDraft draft) {
            draft.set(key, value);
        }
    }

    /** Gives {@code key} the value {@code value} on the keys that have it; the others are left alone. */
    record ChangeValue(String key, String value) implements BulkOperation {
        public ChangeValue {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public void applyTo(KeyDraft draft) {
            if (draft.has(key)) {
                draft.set(key, value);
            }
        }
    }

    /** Removes {@code key} from every key that has it. */
    record RemoveTag(String key) implements BulkOperation {
        public RemoveTag {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public void applyTo(KeyDraft draft) {
            draft.remove(key);
        }
    }

    /**
     * Renames {@code oldKey} to {@code newKey} on every key that has it, value kept. A key that already carries
     * {@code newKey} with the same value just loses {@code oldKey}; with another value it is a
     * {@link BulkProblem.RenameTargetTaken} and keeps both.
     */
    record RenameKey(String oldKey, String newKey) implements BulkOperation {
        public RenameKey {
            Objects.requireNonNull(oldKey, "oldKey");
            Objects.requireNonNull(newKey, "newKey");
        }

        @Override
        public void applyTo(KeyDraft draft) {
            Optional<String> value = draft.value(oldKey);
            if (value.isEmpty() || oldKey.equals(newKey)) {
                return;
            }
            Optional<String> existing = draft.value(newKey);
            if (existing.isEmpty()) {
                draft.rename(oldKey, newKey, value.get());
            } else if (existing.get().equals(value.get())) {
                draft.remove(oldKey);
            } else {
                draft.report(new BulkProblem.RenameTargetTaken(oldKey, newKey, value.get(), existing.get()));
            }
        }
    }

    /**
     * Replaces every occurrence of {@code find} in every tag value with {@code replacement}: plain text, or with
     * {@code regex} a Java regular expression whose replacement may name its groups ({@code $1}, {@code ${name}}).
     * An expression that does not compile changes nothing; {@link #patternProblem()} says why.
     */
    record ReplaceInValues(String find, String replacement, boolean regex) implements BulkOperation {
        public ReplaceInValues {
            Objects.requireNonNull(find, "find");
            Objects.requireNonNull(replacement, "replacement");
        }

        /** Why the expression cannot be used, or empty when it can. Plain text and empty text never fail. */
        public Optional<BulkProblem.InvalidPattern> patternProblem() {
            try {
                pattern();
                return Optional.empty();
            } catch (PatternSyntaxException e) {
                return Optional.of(new BulkProblem.InvalidPattern(find, e.getDescription()));
            }
        }

        /** How many times {@code find} occurs in {@code value}; 0 when the expression is invalid or empty. */
        public int countIn(String value) {
            if (find.isEmpty() || patternProblem().isPresent()) {
                return 0;
            }
            Matcher matcher = pattern().matcher(value);
            int count = 0;
            while (matcher.find()) {
                count++;
            }
            return count;
        }

        @Override
        public void applyTo(KeyDraft draft) {
            if (find.isEmpty() || patternProblem().isPresent()) {
                return;
            }
            Pattern pattern = pattern();
            String literal = regex ? replacement : Matcher.quoteReplacement(replacement);
            draft.mapValues(value -> pattern.matcher(value).replaceAll(literal));
        }

        /** The matches on one key's draft as it stands. */
        int countIn(KeyDraft draft) {
            return draft.rows().stream().mapToInt(row -> countIn(row.value())).sum();
        }

        private Pattern pattern() {
            return regex ? Pattern.compile(find) : Pattern.compile(Pattern.quote(find));
        }
    }

    /**
     * Merges spelling variants of a tag key into {@code target}: the keys in {@code variants}, and with
     * {@code anyCase} every key that differs from {@code target} only in letter case. On a key where the variants
     * found share one value they become one tag; where their values differ the key keeps them and reports a
     * {@link BulkProblem.VariantClash}, unless {@code choices} holds the value the user chose for that key.
     *
     * @param choices key ID to the value chosen for it
     */
    record MergeVariants(String target, Set<String> variants, boolean anyCase, Map<String, String> choices)
            implements BulkOperation {
        public MergeVariants {
            Objects.requireNonNull(target, "target");
            variants = Collections.unmodifiableSet(new LinkedHashSet<>(variants));
            choices = Collections.unmodifiableMap(new LinkedHashMap<>(choices));
        }

        /** The keys that differ from {@code target} only in letter case become {@code target}. */
        public static MergeVariants ofCase(String target) {
            return new MergeVariants(target, Set.of(), true, Map.of());
        }

        /** The keys the user confirmed ({@code env}, {@code Env}, {@code environment}) become {@code target}. */
        public static MergeVariants of(String target, List<String> variants) {
            return new MergeVariants(target, new LinkedHashSet<>(variants), false, Map.of());
        }

        /** This merge with {@code value} chosen for the key {@code keyId}, whose variants clash. */
        public MergeVariants withChoice(String keyId, String value) {
            Map<String, String> chosen = new LinkedHashMap<>(choices);
            chosen.put(keyId, value);
            return new MergeVariants(target, variants, anyCase, chosen);
        }

        @Override
        public void applyTo(KeyDraft draft) {
            Map<String, String> found = new LinkedHashMap<>();
            for (String key : draft.keys()) {
                if (isVariant(key)) {
                    found.put(key, draft.value(key).orElseThrow());
                }
            }
            if (found.isEmpty() || found.size() == 1 && found.containsKey(target)) {
                return;
            }
            Set<String> values = new LinkedHashSet<>(found.values());
            String value = choices.get(draft.keyId());
            if (value == null && values.size() > 1) {
                draft.report(new BulkProblem.VariantClash(target, found));
                return;
            }
            String merged = value != null ? value : values.iterator().next();
            List<String> others = new ArrayList<>(found.keySet());
            if (found.containsKey(target)) {
                draft.set(target, merged);
            } else {
                draft.rename(others.get(0), target, merged);
            }
            others.remove(target);
            others.stream().filter(key -> !key.equals(target)).forEach(draft::remove);
        }

        private boolean isVariant(String key) {
            return key.equals(target) || variants.contains(key)
                    || anyCase && key.toLowerCase(Locale.ROOT).equals(target.toLowerCase(Locale.ROOT));
        }
    }
}
