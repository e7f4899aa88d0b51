package dev.kmstags.domain;

/**
 * A row of the tag editor as it will be written: its key and value now, and the key it had when the tags were
 * loaded ({@code null} for a row the user added). A row whose key differs from its original key was renamed.
 */
public record EditedTag(String originalKey, String key, String value) {

    /** A row the user added. */
    public static EditedTag added(String key, String value) {
        return new EditedTag(null, key, value);
    }

    /** A row loaded from KMS, perhaps changed since. */
    public static EditedTag loaded(String originalKey, String key, String value) {
        return new EditedTag(originalKey, key, value);
    }

    public Tag toTag() {
        return new Tag(key, value);
    }
}
