package dev.kmstags.kms;

/**
 * What a failed call was for. The sentence for most failures is the same for every call, but a refused call
 * names the permissions it needs, and those differ.
 */
public enum KmsCall {
    /** Listing the keys with their aliases, descriptions and tags (the key list, an export). */
    LIST_KEYS,
    /** Reading one key's tags (ListResourceTags). */
    READ_TAGS,
    /** Changing one key's tags (TagResource, UntagResource). */
    CHANGE_TAGS
}
