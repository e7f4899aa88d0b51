package dev.kmstags.kms;

import java.util.Objects;

/**
 * A KMS call that failed, with what went wrong ({@link #problem()}) and a sentence for the user that says what
 * happened and what to do ({@link #getMessage()}). The SDK exception is kept as the cause, for the log.
 */
public final class KmsAccessException extends RuntimeException {

    private final KmsProblem problem;
    private final String detail;

    public KmsAccessException(KmsProblem problem, String sentence, String detail, Throwable cause) {
        super(sentence, cause);
        this.problem = Objects.requireNonNull(problem, "problem");
        this.detail = Objects.requireNonNull(detail, "detail");
    }

    /** What KMS or the network said, such as {@code TagException: Too many tags}, for the end of a sentence. */
    public String detail() {
        return detail;
    }

    /** What went wrong. */
    public KmsProblem problem() {
        return problem;
    }
}
