package dev.kmstags.local.store;

/**
 * An alias as the bundled backend keeps it.
 *
 * @param region          the region the alias lives in
 * @param aliasName       such as {@code alias/payments}
 * @param targetKeyId     the key it points to; null for a predefined AWS alias not yet in use
 * @param creationDate    epoch seconds
 * @param lastUpdatedDate epoch seconds
 */
public record StoredAlias(String region, String aliasName, String targetKeyId, long creationDate,
                          long lastUpdatedDate) {
}
