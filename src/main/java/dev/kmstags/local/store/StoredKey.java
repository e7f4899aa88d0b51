package dev.kmstags.local.store;

/**
 * A KMS key as the bundled backend keeps it. Enumerations stay KMS's raw strings.
 *
 * @param keyId               the key ID (a UUID)
 * @param region              the region the key lives in
 * @param accountId           the owning account
 * @param creationDate        creation time, epoch seconds
 * @param description         the description, perhaps empty
 * @param keyUsage            such as {@code ENCRYPT_DECRYPT}
 * @param keySpec             such as {@code SYMMETRIC_DEFAULT}
 * @param keyState            such as {@code Enabled}
 * @param keyManager          {@code CUSTOMER} or {@code AWS}
 * @param origin              such as {@code AWS_KMS}
 * @param deletionDate        when a key pending deletion goes, epoch seconds; null otherwise
 * @param pendingWindowInDays the waiting period of a key pending deletion; null otherwise
 */
public record StoredKey(String keyId, String region, String accountId, long creationDate, String description,
                        String keyUsage, String keySpec, String keyState, String keyManager, String origin,
                        Long deletionDate, Integer pendingWindowInDays) implements Regional {

    /** Who manages the key and its state, as KMS's rules ask. */
    public KeyStatus status() {
        return new KeyStatus(keyId, region, keyState, keyManager);
    }

    /** The key in another state, leaving any deletion schedule unchanged. */
    public StoredKey withState(String newState) {
        return new StoredKey(keyId, region, accountId, creationDate, description, keyUsage, keySpec, newState,
                keyManager, origin, deletionDate, pendingWindowInDays);
    }

    /** The key in another state with the given deletion schedule (both null to clear it). */
    public StoredKey withDeletion(String newState, Long newDeletionDate, Integer newPendingWindowInDays) {
        return new StoredKey(keyId, region, accountId, creationDate, description, keyUsage, keySpec, newState,
                keyManager, origin, newDeletionDate, newPendingWindowInDays);
    }

    public StoredKey withDescription(String newDescription) {
        return new StoredKey(keyId, region, accountId, creationDate, newDescription, keyUsage, keySpec, keyState,
                keyManager, origin, deletionDate, pendingWindowInDays);
    }
}
