package dev.kmstags.domain.access;

import java.util.List;

/**
 * What a tag change does to access to one key, as far as the account's identity policies decide it by the key's
 * tags. It is a warning list, not a verdict: service control policies, permission boundaries, grants, the key policy
 * and statements without tag conditions are not looked at.
 *
 * @param changes    the statements whose outcome changes or cannot be told, per principal and action
 * @param unreadable policies that could not be read, by name
 */
public record AccessReport(List<AccessChange> changes, List<String> unreadable) {

    public AccessReport {
        changes = List.copyOf(changes);
        unreadable = List.copyOf(unreadable);
    }

    /** Whether no identity policy decides access to the key by the tags that change. */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** Whether some principal may lose an action on the key. */
    public boolean removesAccess() {
        return changes.stream().anyMatch(AccessChange::removesAccess);
    }
}
