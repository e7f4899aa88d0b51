package dev.kmstags.kms;

import java.util.Objects;

/**
 * What Organizations answered when asked for the account's effective tag policy: its text, that the account has
 * none, that the credentials may not read it, or that asking failed. The last two leave the choice of a policy
 * file to the user.
 */
public sealed interface EffectiveTagPolicy {

    /** The account's effective tag policy, in the effective form. */
    record Found(String text) implements EffectiveTagPolicy {
        public Found {
            Objects.requireNonNull(text, "text");
        }
    }

    /** The account has no effective tag policy (or is in no organization). */
    record None() implements EffectiveTagPolicy {
    }

    /** The credentials may not call organizations:DescribeEffectivePolicy. */
    record NotAllowed(String detail) implements EffectiveTagPolicy {
    }

    /** Organizations could not be asked, or answered with an error that says nothing about the policy. */
    record Failed(String detail) implements EffectiveTagPolicy {
    }
}
