package dev.kmstags.domain.access;

/** A policy document that is not the IAM policy grammar: not JSON, or a statement without a valid Effect. */
public final class PolicyDocumentException extends IllegalArgumentException {

    public PolicyDocumentException(String message) {
        super(message);
    }
}
