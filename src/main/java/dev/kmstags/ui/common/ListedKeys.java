package dev.kmstags.ui.common;

import java.util.Map;
import java.util.Optional;

/**
 * The key list as a commit of many keys sees it: where the tags it wrote show at once, and the keys it lists, by
 * the ID a plan names them with, for their names in the result.
 */
@FunctionalInterface
public interface ListedKeys {

    /** Shows the tags KMS holds now for keys a commit read or wrote (key ID to tags), without loading the list. */
    void showTagsNow(Map<String, Map<String, String>> tagsById);

    /** The listed key {@code keyId}; empty when it is not listed. */
    default Optional<KeyEntry> entry(String keyId) {
        return Optional.empty();
    }
}
