package dev.kmstags.ui.keylist;

/** Whether a key's tags comply with the tag policy in force, as the key list's Compliance column shows it. */
public enum Compliance {
    /** The tags follow the policy. */
    COMPLIANT,
    /** Some tag strays from the policy, or a required one is missing. */
    NON_COMPLIANT,
    /** The key's tags are not known (not read yet, or not listed): they cannot be judged. */
    UNKNOWN,
    /** The connection has no tag policy. */
    NO_POLICY
}
