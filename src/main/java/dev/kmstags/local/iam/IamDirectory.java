package dev.kmstags.local.iam;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The identities and customer managed policies the bundled backend's IAM answers with, for one account. They are
 * fixed: the backend serves them for the app to read, and offers no action that changes them.
 */
record IamDirectory(String accountId, Instant created, List<IamEntity> entities, List<ManagedPolicy> policies) {

    IamDirectory {
        entities = List.copyOf(entities);
        policies = List.copyOf(policies);
    }

    List<IamEntity> ofKind(IamEntity.Kind kind) {
        return entities.stream().filter(e -> e.kind() == kind).toList();
    }

    String arn(IamEntity entity) {
        return "arn:aws:iam::" + accountId + ":" + entity.kind().name().toLowerCase(Locale.ROOT) + "/"
                + entity.name();
    }

    String arn(ManagedPolicy policy) {
        return "arn:aws:iam::" + accountId + ":policy/" + policy.name();
    }

    /** How many identities the policy is attached to. */
    long attachmentCount(ManagedPolicy policy) {
        return entities.stream().filter(e -> e.attachedPolicies().contains(policy.name())).count();
    }
}
