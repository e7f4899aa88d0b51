package dev.kmstags.domain.access;

import java.util.List;
import java.util.Objects;

/**
 * One statement of an IAM policy. Lists are empty where the element is absent; {@code sid} is empty without one.
 *
 * @param index the statement's position in its policy, from 1, to name a statement without a Sid
 */
public record PolicyStatement(int index, String sid, Effect effect, List<String> actions, List<String> notActions,
                              List<String> resources, List<String> notResources, List<PolicyCondition> conditions) {

    /** What a statement does to the requests it matches. */
    public enum Effect { ALLOW, DENY }

    public PolicyStatement {
        sid = sid == null ? "" : sid;
        Objects.requireNonNull(effect, "effect");
        actions = List.copyOf(actions);
        notActions = List.copyOf(notActions);
        resources = List.copyOf(resources);
        notResources = List.copyOf(notResources);
        conditions = List.copyOf(conditions);
    }

    /** The Sid, or "#2" for the second statement of a policy without one. */
    public String name() {
        return sid.isEmpty() ? "#" + index : sid;
    }
}
