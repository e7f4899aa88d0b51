package dev.kmstags.domain.access;

import dev.kmstags.domain.Tag;
import dev.kmstags.domain.TagPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Finds who gains or loses access to a key through a tag change: every statement of the account's identity policies
 * that allows or denies KMS actions on resources that can match the key and has a condition on a tag that changes
 * ({@code aws:ResourceTag/<key>}, the key matched ignoring case). Each is evaluated with the tags before and after;
 * the ones whose outcome changes, or cannot be told, are reported per principal and action.
 */
public final class AccessCheck {

    private final IamAccount account;

    public AccessCheck(IamAccount account) {
        this.account = Objects.requireNonNull(account, "account");
    }

    /** What {@code plan} does to access to the key {@code keyArn}: its tags as they are against those it leaves. */
    public AccessReport check(String keyArn, TagPlan plan) {
        Map<String, String> after = new LinkedHashMap<>();
        for (Tag tag : plan.target()) {
            after.put(tag.key(), tag.value());
        }
        return check(keyArn, plan.original(), after);
    }

    /**
     * @param keyArn the key's ARN, matched against the statements' resources
     * @param before the key's tags now
     * @param after  the key's tags once the change is applied
     */
    public AccessReport check(String keyArn, Map<String, String> before, Map<String, String> after) {
        Set<String> changedKeys = changedKeys(before, after);
        List<AccessChange> changes = new ArrayList<>();
        if (!changedKeys.isEmpty()) {
            for (IamAccount.Holder holder : account.holders()) {
                for (NamedPolicy policy : holder.policies()) {
                    for (PolicyStatement statement : policy.document().statements()) {
                        check(holder.principal(), policy, statement, keyArn, changedKeys, before, after, changes);
                    }
                }
            }
        }
        return new AccessReport(changes, account.unreadable());
    }

    private static void check(IamPrincipal principal, NamedPolicy policy, PolicyStatement statement, String keyArn,
                              Set<String> changedKeys, Map<String, String> before, Map<String, String> after,
                              List<AccessChange> changes) {
        List<PolicyCondition> onChangedTags = statement.conditions().stream()
                .filter(c -> ResourceTagCondition.tagKey(c)
                        .map(k -> changedKeys.contains(k.toLowerCase(Locale.ROOT))).orElse(false))
                .toList();
        if (onChangedTags.isEmpty() || !StatementScope.canMatch(statement, keyArn)) {
            return;
        }
        List<String> actions = StatementScope.kmsActions(statement);
        if (actions.isEmpty()) {
            return;
        }
        Set<String> reasons = new LinkedHashSet<>();
        Truth changedBefore = all(onChangedTags, before, reasons);
        Truth changedAfter = all(onChangedTags, after, reasons);
        if (changedBefore.isKnown() && changedBefore == changedAfter) {
            return;
        }
        List<PolicyCondition> others = statement.conditions().stream().filter(c -> !onChangedTags.contains(c))
                .toList();
        // The other conditions are the same before and after: the tags they test do not change.
        Truth rest = all(others, before, reasons);
        Truth truthBefore = changedBefore.and(rest);
        Truth truthAfter = changedAfter.and(rest);
        if (truthBefore.isKnown() && truthBefore == truthAfter) {
            return;
        }
        String conditionText = String.join(" and ",
                statement.conditions().stream().map(PolicyCondition::text).toList());
        List<String> unknownReasons = truthBefore.isKnown() && truthAfter.isKnown() ? List.of() : List.copyOf(reasons);
        for (String action : actions) {
            changes.add(new AccessChange(principal, action, statement.effect(), truthBefore, truthAfter,
                    policy.name(), statement.name(), conditionText, unknownReasons));
        }
    }

    private static Truth all(List<PolicyCondition> conditions, Map<String, String> tags, Set<String> reasons) {
        Truth result = Truth.TRUE;
        for (PolicyCondition condition : conditions) {
            ResourceTagCondition.Outcome outcome = ResourceTagCondition.evaluate(condition, tags);
            if (!outcome.truth().isKnown()) {
                reasons.add(outcome.unknownReason());
            }
            result = result.and(outcome.truth());
        }
        return result;
    }

    /** The keys, in lower case, of the tags added, removed or given another value. */
    private static Set<String> changedKeys(Map<String, String> before, Map<String, String> after) {
        Set<String> changed = new HashSet<>();
        before.forEach((key, value) -> {
            if (!value.equals(after.get(key))) {
                changed.add(key.toLowerCase(Locale.ROOT));
            }
        });
        after.forEach((key, value) -> {
            if (!value.equals(before.get(key))) {
                changed.add(key.toLowerCase(Locale.ROOT));
            }
        });
        return changed;
    }
}
