package dev.kmstags.ui.common;

import dev.kmstags.domain.policy.TagPolicy;
import java.util.Objects;

/**
 * The tag policy the open connection's tags are checked against, and where it came from in words, for the review
 * to name: "the organization's effective tag policy" or "the tag policy in /path/policy.json".
 */
public record PolicyInForce(TagPolicy policy, String source) {

    public PolicyInForce {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(source, "source");
    }

    /** No tag policy: nothing is checked. */
    public static PolicyInForce none() {
        return new PolicyInForce(TagPolicy.none(), "");
    }

    /** Whether there is a policy with rules to check against. */
    public boolean isPresent() {
        return !policy.isEmpty();
    }
}
