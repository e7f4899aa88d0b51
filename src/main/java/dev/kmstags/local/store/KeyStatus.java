package dev.kmstags.local.store;

/**
 * What KMS's rules ask of a key before it is changed: who manages it and its state. Read alone, it costs a third
 * of the whole key's columns, inside the write transaction that every other write waits for.
 *
 * @param keyId      the key ID
 * @param region     the region the key lives in
 * @param keyState   such as {@code Enabled}
 * @param keyManager {@code CUSTOMER} or {@code AWS}
 */
public record KeyStatus(String keyId, String region, String keyState, String keyManager) implements Regional {
}
