package dev.kmstags.local.service;

import dev.kmstags.domain.KeyManager;
import dev.kmstags.domain.KeyStates;
import dev.kmstags.local.store.KeyStatus;
import dev.kmstags.local.store.StoredKey;
import java.util.Map;
import java.util.Set;

/**
 * What a key's manager and state allow, with the error KMS answers otherwise: AWS managed keys refuse every change
 * by customers, and each operation works only in some key states (the table in the KMS developer guide).
 */
final class KeyGuards {

    private static final Map<String, String> STATE_WORDS = Map.of(
            KeyStates.ENABLED, "enabled",
            KeyStates.DISABLED, "disabled",
            KeyStates.PENDING_DELETION, "pending deletion",
            KeyStates.PENDING_IMPORT, "pending import",
            KeyStates.PENDING_REPLICA_DELETION, "pending replica deletion",
            KeyStates.UNAVAILABLE, "unavailable",
            KeyStates.CREATING, "creating",
            KeyStates.UPDATING, "updating");

    private static final Set<String> NOT_PENDING_DELETION = Set.of(KeyStates.ENABLED, KeyStates.DISABLED,
            KeyStates.PENDING_IMPORT, KeyStates.UNAVAILABLE);
    private static final Set<String> ENABLE_DISABLE_STATES = Set.of(KeyStates.ENABLED, KeyStates.DISABLED,
            KeyStates.UNAVAILABLE);

    private KeyGuards() {
    }

    /** Refuses changes by customers to AWS managed keys. */
    static void customerManaged(KeyStatus key, String operation) {
        if (KeyManager.fromKms(key.keyManager()) == KeyManager.AWS) {
            throw OperationErrors.accessDenied(operation, arn(key));
        }
    }

    /** For TagResource, UntagResource, ScheduleKeyDeletion, UpdateKeyDescription, CreateAlias and UpdateAlias. */
    static void notPendingDeletion(KeyStatus key) {
        requireState(key, NOT_PENDING_DELETION);
    }

    /** For EnableKey and DisableKey, which pending deletion and pending import both forbid. */
    static void canEnableOrDisable(KeyStatus key) {
        requireState(key, ENABLE_DISABLE_STATES);
    }

    /** For CancelKeyDeletion, which needs a key pending deletion. */
    static void pendingDeletion(KeyStatus key) {
        if (!KeyStates.isPendingDeletion(key.keyState())) {
            throw OperationErrors.stateNotSupported(arn(key), describe(key.keyState()));
        }
    }

    private static void requireState(KeyStatus key, Set<String> allowed) {
        if (!allowed.contains(key.keyState())) {
            throw OperationErrors.invalidState(arn(key), describe(key.keyState()));
        }
    }

    private static String describe(String state) {
        return STATE_WORDS.getOrDefault(state, state);
    }

    static String arn(KeyStatus key) {
        return KmsAccount.keyArn(key.region(), key.keyId());
    }

    static String arn(StoredKey key) {
        return arn(key.status());
    }
}
