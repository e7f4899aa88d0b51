package dev.kmstags.domain.access;

/**
 * Whether a condition holds, in three values: the tool evaluates some conditions (those on the key's tags) and
 * not others (the caller's tags, policy variables, operators it does not know), and an unknown part must stay
 * visible rather than be taken as true or false.
 */
public enum Truth {
    TRUE, FALSE, UNKNOWN;

    static Truth of(boolean value) {
        return value ? TRUE : FALSE;
    }

    /** Logical AND: false wins over unknown, unknown over true. */
    Truth and(Truth other) {
        if (this == FALSE || other == FALSE) {
            return FALSE;
        }
        return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : TRUE;
    }

    public boolean isKnown() {
        return this != UNKNOWN;
    }
}
