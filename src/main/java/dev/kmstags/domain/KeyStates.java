package dev.kmstags.domain;

import java.util.Optional;
import java.util.Set;

/**
 * What each KMS key state allows. States are kept as KMS's raw strings, because the list grows; a state this
 * class does not know is treated as editable, as KMS decides in the end.
 */
public final class KeyStates {

    public static final String ENABLED = "Enabled";
    public static final String DISABLED = "Disabled";
    public static final String PENDING_DELETION = "PendingDeletion";
    public static final String PENDING_IMPORT = "PendingImport";
    public static final String PENDING_REPLICA_DELETION = "PendingReplicaDeletion";
    public static final String UNAVAILABLE = "Unavailable";
    public static final String CREATING = "Creating";
    public static final String UPDATING = "Updating";

    private static final Set<String> PENDING_DELETION_STATES = Set.of(PENDING_DELETION, PENDING_REPLICA_DELETION);
    private static final Set<String> TRANSITIONAL_STATES = Set.of(CREATING, UPDATING);

    private KeyStates() {
    }

    /** Whether the key is waiting to be deleted, which forbids tagging and most other changes. */
    public static boolean isPendingDeletion(String state) {
        return PENDING_DELETION_STATES.contains(state);
    }

    /**
     * Why the tags of a key with this manager and state cannot be changed, or empty when they can: AWS managed
     * keys and keys pending deletion are read-only; keys being created or updated are read-only until they settle.
     */
    public static Optional<ReadOnlyReason> tagEditingBlockedBy(KeyManager manager, String state) {
        if (manager == KeyManager.AWS) {
            return Optional.of(ReadOnlyReason.AWS_MANAGED);
        }
        if (isPendingDeletion(state)) {
            return Optional.of(ReadOnlyReason.PENDING_DELETION);
        }
        if (TRANSITIONAL_STATES.contains(state)) {
            return Optional.of(ReadOnlyReason.IN_TRANSITION);
        }
        return Optional.empty();
    }

    /** Why a key's tags are read-only. */
    public enum ReadOnlyReason {
        AWS_MANAGED,
        PENDING_DELETION,
        IN_TRANSITION,
        /** KMS would not describe the key to these credentials (kms:DescribeKey denied). */
        DESCRIBE_DENIED,
        /** KMS would not list the key's tags to these credentials (kms:ListResourceTags denied). */
        TAGS_DENIED
    }
}
