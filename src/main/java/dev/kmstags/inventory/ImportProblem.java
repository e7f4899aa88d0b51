package dev.kmstags.inventory;

/**
 * A row that cannot be applied, and why; the rest of the file still is.
 *
 * @param line   the line the row starts on
 * @param reason why
 * @param detail what the row named or broke, in plain English
 */
public record ImportProblem(long line, Reason reason, String detail) {

    /** Why a row cannot be applied. */
    public enum Reason {
        /** The row names no key of this connection. */
        UNKNOWN_KEY,
        /** The row names another account than the connection's. */
        OTHER_ACCOUNT,
        /** The row names another region than the connection's. */
        OTHER_REGION,
        /** The row names a key another row of a one-row-per-key file named already. */
        KEY_REPEATED,
        /** The key's tags would break a tag rule (domain.TagRules). */
        TAG_RULE,
        /** The key's tags cannot be changed (AWS managed, pending deletion, denied...). */
        KEY_READ_ONLY
    }

    /** "line 4: no key of this connection has the key ID 1234..." as the command line prints it. */
    public String describe() {
        return "line " + line + ": " + detail;
    }
}
