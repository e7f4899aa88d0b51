package dev.kmstags.local.iam;

import java.util.List;
import java.util.Objects;

/**
 * A user, group or role of the bundled backend's IAM, with its inline policies, the names of the managed policies
 * attached to it, and for a user the groups it is in.
 *
 * @param trustPolicy a role's trust policy (JSON); empty for users and groups
 */
record IamEntity(Kind kind, String name, String id, List<InlinePolicy> inlinePolicies,
                 List<String> attachedPolicies, List<String> groups, String trustPolicy) {

    /** What sort of identity this is; the ARN segment is the kind in lower case. */
    enum Kind { USER, GROUP, ROLE }

    /** A policy embedded in one identity: its name and its JSON document. */
    record InlinePolicy(String name, String document) {
    }

    IamEntity {
        Objects.requireNonNull(kind, "kind");
        inlinePolicies = List.copyOf(inlinePolicies);
        attachedPolicies = List.copyOf(attachedPolicies);
        groups = List.copyOf(groups);
        trustPolicy = trustPolicy == null ? "" : trustPolicy;
    }
}
