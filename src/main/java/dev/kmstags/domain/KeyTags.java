package dev.kmstags.domain;

import java.util.List;
import java.util.Objects;

/**
 * The tags of one key as KMS listed them, or the fact that it would not list them to these credentials.
 *
 * @param keyId  the key, as {@link KeySummary#id()} names it: its key ID, or the ARN of a Multi-Region key
 * @param tags   every tag of the key, in KMS's order; empty when denied
 * @param denied whether KMS refused to list the tags (kms:ListResourceTags denied)
 */
public record KeyTags(String keyId, List<Tag> tags, boolean denied) {

    public KeyTags {
        Objects.requireNonNull(keyId, "keyId");
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** The tags KMS listed for {@code keyId}. */
    public static KeyTags read(String keyId, List<Tag> tags) {
        return new KeyTags(keyId, tags, false);
    }

    /** KMS would not list the tags of {@code keyId}. */
    public static KeyTags denied(String keyId) {
        return new KeyTags(keyId, List.of(), true);
    }
}
