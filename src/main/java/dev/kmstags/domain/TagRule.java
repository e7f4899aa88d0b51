package dev.kmstags.domain;

/**
 * The rules KMS enforces on tags. {@link TagRules} decides which one a tag breaks; the editor and the bundled
 * backend each turn a broken rule into their own words.
 */
public enum TagRule {
    /** The tag key is empty. */
    KEY_EMPTY,
    /** The tag key is longer than {@link TagRules#MAX_KEY_LENGTH} code points. */
    KEY_TOO_LONG,
    /** The tag key is not valid Unicode: it holds half of a UTF-16 surrogate pair. */
    KEY_NOT_UNICODE,
    /** The tag key starts with {@code aws:} in any case. */
    KEY_RESERVED,
    /** The same tag key appears more than once. */
    KEY_DUPLICATE,
    /** The tag value is missing (it may be empty, but not absent). */
    VALUE_MISSING,
    /** The tag value is not valid Unicode: it holds half of a UTF-16 surrogate pair. */
    VALUE_NOT_UNICODE,
    /** The tag value is longer than {@link TagRules#MAX_VALUE_LENGTH} code points. */
    VALUE_TOO_LONG,
    /** The key would carry more than {@link TagRules#MAX_TAGS_PER_KEY} tags. */
    TOO_MANY_TAGS
}
