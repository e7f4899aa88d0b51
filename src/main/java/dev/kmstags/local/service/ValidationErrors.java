package dev.kmstags.local.service;

import dev.kmstags.domain.TagRules;
import dev.kmstags.local.KmsException;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the constraint failures of one request and reports them as KMS does: one {@code ValidationException}
 * naming them all, such as {@code 1 validation error detected: Value 'x' at 'tags.1.member.tagKey' failed to
 * satisfy constraint: Member must have length less than or equal to 128}.
 */
final class ValidationErrors {

    private final List<String> failures = new ArrayList<>();

    void add(String value, String path, String constraint) {
        String shown = value == null ? "null" : "'" + shown(value) + "'";
        failures.add("Value " + shown + " at '" + path + "' failed to satisfy constraint: " + constraint);
    }

    /**
     * Text that is not valid Unicode, which KMS cannot store. The constraint's wording is this backend's own, in
     * KMS's form, as no answer of real KMS to such text was found recorded.
     */
    void unicode(String value, String path) {
        if (value != null && !TagRules.isValidUnicode(value)) {
            add(value, path, "Member must be valid Unicode text, without unpaired surrogates");
        }
    }

    /**
     * {@code value} as a message can carry it: a lone surrogate is spelt as its JSON escape, a backslash, u and four
     * hex digits (U+D800 as the six characters backslash-uD800).
     */
    static String shown(String value) {
        if (TagRules.isValidUnicode(value)) {
            return value;
        }
        StringBuilder shown = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                shown.append(c).append(value.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                shown.append(String.format("\\u%04X", (int) c));
            } else {
                shown.append(c);
            }
        }
        return shown.toString();
    }

    void notNull(Object value, String path) {
        if (value == null) {
            add(null, path, "Member must not be null");
        }
    }

    /** Checks a length in code points, as KMS counts; a null value is left to {@link #notNull}. */
    void length(String value, String path, int min, int max) {
        if (value == null) {
            return;
        }
        int length = TagRules.length(value);
        if (length < min) {
            add(value, path, "Member must have length greater than or equal to " + min);
        } else if (length > max) {
            add(value, path, "Member must have length less than or equal to " + max);
        }
    }

    void range(Integer value, String path, int min, int max) {
        if (value == null) {
            return;
        }
        if (value < min) {
            add(String.valueOf(value), path, "Member must have value greater than or equal to " + min);
        } else if (value > max) {
            add(String.valueOf(value), path, "Member must have value less than or equal to " + max);
        }
    }

    void pattern(String value, String path, String regex) {
        if (value != null && !value.matches(regex)) {
            add(value, path, "Member must satisfy regular expression pattern: " + regex);
        }
    }

    void oneOf(String value, String path, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            add(value, path, "Member must satisfy enum value set: " + allowed);
        }
    }

    /** Throws the {@code ValidationException} naming every failure, if there is any. */
    void throwIfAny() {
        if (failures.isEmpty()) {
            return;
        }
        String count = failures.size() == 1 ? "1 validation error" : failures.size() + " validation errors";
        throw new KmsException("ValidationException", count + " detected: " + String.join("; ", failures));
    }
}
