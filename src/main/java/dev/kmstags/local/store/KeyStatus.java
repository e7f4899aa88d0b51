package dev.kmstags.local.store;

/**
 * What KMS's rules ask of a key before its tags change: who manages it and its state, four of its twelve columns.
 * Tag changes read only these, inside the write transaction that every other write waits for.
 *
 * @param keyId      the key ID
 * @param region     the region the key lives in
 * @param keyState   such as {@code Enabled}
 * @param keyManager {@code CUSTOMER} or {@code AWS}
 */
public record KeyStatus(String keyId, String region, String keyState, String keyManager) implements Regional {
}
