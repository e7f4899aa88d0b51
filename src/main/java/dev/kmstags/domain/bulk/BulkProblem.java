package dev.kmstags.domain.bulk;

import dev.kmstags.domain.TagViolation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Something in a bulk edit that needs the user: on one key, or (an invalid pattern) in an operation itself. */
public sealed interface BulkProblem {

    /**
     * A rename onto a key the key already carries with another value: neither value is dropped silently, so the
     * rename is not made on this key.
     */
    record RenameTargetTaken(String oldKey, String newKey, String oldValue, String existingValue)
            implements BulkProblem {
    }

    /**
     * Spelling variants of one tag key on this key with different values ({@code env=dev}, {@code Env=prod}):
     * the user chooses the value, until then the variants stay as they are.
     *
     * @param target   the key the variants become
     * @param variants each variant found on the key and its value, in the key's order
     */
    record VariantClash(String target, Map<String, String> variants) implements BulkProblem {
        public VariantClash {
            variants = Collections.unmodifiableMap(new LinkedHashMap<>(variants));
        }
    }

    /** The key's target tags break a rule of {@link dev.kmstags.domain.TagRules} (the 50-tag limit included). */
    record RuleBroken(TagViolation violation) implements BulkProblem {
    }

    /** A find-and-replace whose regular expression does not compile: it changes nothing. */
    record InvalidPattern(String pattern, String reason) implements BulkProblem {
    }
}
