package dev.kmstags.domain.policy;

/** A tag policy that cannot be read: not JSON, or not in AWS Organizations' tag policy syntax. */
public final class TagPolicyException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public TagPolicyException(String sentence) {
        super(sentence);
    }

    public TagPolicyException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
