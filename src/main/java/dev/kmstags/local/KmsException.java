package dev.kmstags.local;

/**
 * An error the bundled backend answers with, exactly as KMS reports it: an error code (the {@code __type}), a
 * message, and the HTTP status. KMS answers every client error with 400 and internal errors with 500.
 */
public final class KmsException extends RuntimeException {

    private final String code;
    private final int status;

    public KmsException(String code, String message) {
        this(code, message, 400);
    }

    public KmsException(String code, String message, int status) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
    }

    /** The KMS error code, such as {@code NotFoundException}. */
    public String code() {
        return code;
    }

    /** The HTTP status: 400 for client errors, 500 for {@code KMSInternalException}. */
    public int status() {
        return status;
    }
}
