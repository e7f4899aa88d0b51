package dev.kmstags.kms;

import java.util.Objects;

/**
 * A KMS call that failed, with what went wrong ({@link #problem()}) and a sentence for the user that says what
 * happened and what to do ({@link #getMessage()}). The SDK exception is kept as the cause, for the log.
 */
public final class KmsAccessException extends RuntimeException {

    private final KmsProblem problem;

    public KmsAccessException(KmsProblem problem, String sentence, Throwable cause) {
        super(sentence, cause);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** What went wrong. */
    public KmsProblem problem() {
        return problem;
    }
}
