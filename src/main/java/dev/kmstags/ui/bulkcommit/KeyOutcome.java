package dev.kmstags.ui.bulkcommit;

import dev.kmstags.ui.common.Tone;
import java.util.Objects;

/**
 * How one key of a bulk commit ended, in words, for the result table: its name, what happened and the detail
 * (the KMS sentence of a failure, the tags on a key where only the untag went through...).
 */
public record KeyOutcome(String keyId, String name, Kind kind, String kindText, String detail) {

    /** What happened to a key, in the order the result lists them: what needs the user first. */
    public enum Kind {
        /** Someone else changed the same tags meanwhile; nothing was written. */
        CONFLICT,
        /** A call failed before anything was written. */
        FAILED,
        /** Only the UntagResource went through. */
        PARTIAL,
        /** The key's plan was written. */
        APPLIED,
        /** KMS already held what the plan leads to. */
        UNCHANGED,
        /** Merged with another's change, the key would break a tag rule; nothing was written. */
        BREAKS_RULES,
        /** The commit was cancelled before the key was started. */
        NOT_STARTED;

        /** Whether something was written to the key. */
        public boolean written() {
            return this == APPLIED || this == PARTIAL;
        }

        /** How the outcome reads at a glance. */
        public Tone tone() {
            return switch (this) {
                case APPLIED -> Tone.POSITIVE;
                case FAILED -> Tone.NEGATIVE;
                case CONFLICT, PARTIAL, BREAKS_RULES -> Tone.WARNING;
                case UNCHANGED, NOT_STARTED -> Tone.NEUTRAL;
            };
        }

        /** Whether "Retry the failed keys" writes the key again. */
        public boolean retried() {
            return this == FAILED || this == PARTIAL;
        }
    }

    public KeyOutcome {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(kindText, "kindText");
        Objects.requireNonNull(detail, "detail");
    }
}
