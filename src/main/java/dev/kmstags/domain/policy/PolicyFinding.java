package dev.kmstags.domain.policy;

import java.util.Objects;

/**
 * Where a key's tags (or the tags a plan would leave) stray from the tag policy: a key written with other letter
 * case, a value the policy does not allow, or a required tag that is missing. {@link PolicyWords} says it in words.
 *
 * @param kind    what is wrong
 * @param key     the tag key as the tags have it; for a missing tag, the key as the policy writes it
 * @param value   the tag's value; empty for a missing tag
 * @param rule    the policy tag that is not followed
 * @param written whether the change under review writes this tag (TagResource), so that AWS judges it now
 */
public record PolicyFinding(Kind kind, String key, String value, PolicyTag rule, boolean written) {

    /** What is wrong with a tag, measured against the tag policy. */
    public enum Kind {
        /** The key matches a policy key ignoring case, but not in the capitalization the policy asks for. */
        KEY_CASE,
        /** The value is not one the policy allows for the key. */
        VALUE_NOT_ALLOWED,
        /** The policy requires KMS keys to carry the tag, and this key does not. */
        REQUIRED_MISSING
    }

    public PolicyFinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(rule, "rule");
    }

    /**
     * Whether AWS would refuse the change: the tag is written by it and the policy is enforced for KMS keys. A
     * required tag is only reported by AWS, never enforced, and a tag the change leaves alone is not judged.
     */
    public boolean blocks() {
        return written && kind != Kind.REQUIRED_MISSING && rule.enforcedForKmsKeys();
    }
}
