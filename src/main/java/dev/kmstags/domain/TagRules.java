package dev.kmstags.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every rule KMS applies to tags, in one place. The tag editor checks cells with it as they are typed, the plan
 * checks with it before any call, and the bundled backend rejects requests with it, so they cannot disagree.
 *
 * <p>Lengths count Unicode code points, as KMS does, not UTF-16 units: an emoji is one character.
 */
public final class TagRules {

    /** Longest tag key, in code points. */
    public static final int MAX_KEY_LENGTH = 128;
    /** Longest tag value, in code points. */
    public static final int MAX_VALUE_LENGTH = 256;
    /** Most user tags one KMS key may carry. */
    public static final int MAX_TAGS_PER_KEY = 50;
    /** Prefix reserved for AWS, in any letter case. */
    public static final String RESERVED_PREFIX = "aws:";

    /** What AWS's general tagging advice allows: letters, digits, spaces and {@code _ . : / = + - @}. */
    private static final Pattern USUAL_CHARACTERS = Pattern.compile("[\\p{L}\\p{N}\\p{Zs}_.:/=+\\-@]*");

    private TagRules() {
    }

    /** The length of {@code text} as KMS counts it: in code points. */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /**
     * Whether {@code text} is valid Unicode: no half of a UTF-16 surrogate pair stands alone. Such text cannot be
     * written as UTF-8, so KMS cannot store it; the JSON escape for U+D800 is the usual way it arrives.
     */
    public static boolean isValidUnicode(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** The first rule a tag key breaks on its own, if any (empty, not Unicode, too long, reserved prefix). */
    public static Optional<TagRule> checkKey(String key) {
        if (key == null || key.isEmpty()) {
            return Optional.of(TagRule.KEY_EMPTY);
        }
        if (!isValidUnicode(key)) {
            return Optional.of(TagRule.KEY_NOT_UNICODE);
        }
        if (length(key) > MAX_KEY_LENGTH) {
            return Optional.of(TagRule.KEY_TOO_LONG);
        }
        if (isReserved(key)) {
            return Optional.of(TagRule.KEY_RESERVED);
        }
        return Optional.empty();
    }

    /** The rule a tag value breaks, if any (missing, not Unicode or too long; empty is allowed). */
    public static Optional<TagRule> checkValue(String value) {
        if (value == null) {
            return Optional.of(TagRule.VALUE_MISSING);
        }
        if (!isValidUnicode(value)) {
            return Optional.of(TagRule.VALUE_NOT_UNICODE);
        }
        if (length(value) > MAX_VALUE_LENGTH) {
            return Optional.of(TagRule.VALUE_TOO_LONG);
        }
        return Optional.empty();
    }

    /** Whether the key starts with the reserved {@code aws:} prefix, in any case ({@code AWS:}, {@code Aws:}...). */
    public static boolean isReserved(String key) {
        return key.regionMatches(true, 0, RESERVED_PREFIX, 0, RESERVED_PREFIX.length());
    }

    /** Whether a key carrying {@code count} tags is within the limit. */
    public static boolean withinTagLimit(int count) {
        return count <= MAX_TAGS_PER_KEY;
    }

    /** The keys that appear more than once in {@code keys}, each named once, in the order they first repeat. */
    public static Set<String> duplicateKeys(Collection<String> keys) {
        Set<String> seen = new HashSet<>();
        Set<String> duplicates = new LinkedHashSet<>();
        for (String key : keys) {
            if (!seen.add(key)) {
                duplicates.add(key);
            }
        }
        return duplicates;
    }

    /**
     * Keys that differ from another key only in letter case ({@code Env} and {@code env}): allowed by KMS, since
     * keys are case-sensitive, but usually a mistake.
     */
    public static Set<String> keysDifferingOnlyInCase(Collection<String> keys) {
        Set<String> distinct = new LinkedHashSet<>(keys);
        Set<String> folded = new HashSet<>();
        Set<String> clashingFolds = new HashSet<>();
        for (String key : distinct) {
            if (!folded.add(fold(key))) {
                clashingFolds.add(fold(key));
            }
        }
        Set<String> result = new LinkedHashSet<>();
        for (String key : distinct) {
            if (clashingFolds.contains(fold(key))) {
                result.add(key);
            }
        }
        return result;
    }

    /**
     * The other keys among {@code keys} that differ from {@code key} only in letter case: what the editor names in
     * its warning ("Env" is also there as "env").
     */
    public static Set<String> caseTwinsOf(String key, Collection<String> keys) {
        Set<String> twins = new LinkedHashSet<>();
        for (String other : keys) {
            if (!other.equals(key) && fold(other).equals(fold(key))) {
                twins.add(other);
            }
        }
        return twins;
    }

    /**
     * Whether {@code text} has characters outside what AWS tags allow elsewhere. KMS itself accepts them, so this
     * is a warning, never an error.
     */
    public static boolean hasUnusualCharacters(String text) {
        return !USUAL_CHARACTERS.matcher(text).matches();
    }

    /**
     * Every rule a complete set of tags breaks, in order: each tag's key and value, then duplicate keys, then the
     * count. Used where a whole set is judged at once (a request, a plan).
     */
    public static List<TagViolation> check(List<Tag> tags) {
        List<TagViolation> violations = new ArrayList<>();
        for (int i = 0; i < tags.size(); i++) {
            Tag tag = tags.get(i);
            int index = i;
            checkKey(tag.key()).ifPresent(rule -> violations.add(new TagViolation(rule, index, tag.key())));
            checkValue(tag.value()).ifPresent(rule -> violations.add(new TagViolation(rule, index, tag.value())));
        }
        List<String> keys = tags.stream().map(Tag::key).toList();
        for (String duplicate : duplicateKeys(keys)) {
            violations.add(new TagViolation(TagRule.KEY_DUPLICATE, keys.lastIndexOf(duplicate), duplicate));
        }
        if (!withinTagLimit(tags.size())) {
            violations.add(new TagViolation(TagRule.TOO_MANY_TAGS, -1, String.valueOf(tags.size())));
        }
        return violations;
    }

    private static String fold(String key) {
        return key.toLowerCase(Locale.ROOT);
    }
}
