package dev.kmstags.domain.access;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a statement is about KMS actions on a given key: its Action (or NotAction) and Resource (or NotResource)
 * with IAM's wildcards. A policy variable in a resource is taken as a wildcard, so that a statement that might
 * match the key is looked at rather than left out.
 */
final class StatementScope {

    private static final String SERVICE = "kms";

    private StatementScope() {
    }

    static boolean canMatch(PolicyStatement statement, String keyArn) {
        if (!statement.notResources().isEmpty()) {
            return statement.notResources().stream().noneMatch(pattern -> resourceMatches(pattern, keyArn));
        }
        return statement.resources().isEmpty()
                || statement.resources().stream().anyMatch(pattern -> resourceMatches(pattern, keyArn));
    }

    private static boolean resourceMatches(String pattern, String arn) {
        return IamWildcards.matches(pattern.replaceAll("\\$\\{[^}]*}", "*"), arn);
    }

    /**
     * The KMS actions the statement names, as written ({@code *} shown as {@code kms:*}); for a NotAction, one entry
     * "kms:* except ..." unless it leaves out every KMS action.
     */
    static List<String> kmsActions(PolicyStatement statement) {
        List<String> actions = new ArrayList<>();
        if (!statement.notActions().isEmpty()) {
            List<String> excluded = statement.notActions().stream().filter(StatementScope::isKms).toList();
            if (excluded.stream().anyMatch(StatementScope::coversAllKms)) {
                return actions;
            }
            actions.add(excluded.isEmpty() ? "kms:*" : "kms:* except " + String.join(", ", excluded));
            return actions;
        }
        for (String action : statement.actions()) {
            if (action.equals("*")) {
                actions.add("kms:*");
            } else if (isKms(action)) {
                actions.add(action);
            }
        }
        return actions;
    }

    /** Whether an action pattern can match a KMS action: its service part matches "kms". */
    private static boolean isKms(String action) {
        if (action.equals("*")) {
            return true;
        }
        int colon = action.indexOf(':');
        return colon > 0 && IamWildcards.matchesIgnoringCase(action.substring(0, colon), SERVICE);
    }

    private static boolean coversAllKms(String action) {
        int colon = action.indexOf(':');
        return action.equals("*") || colon > 0 && IamWildcards.matchesIgnoringCase(action.substring(0, colon), SERVICE)
                && action.substring(colon + 1).chars().allMatch(c -> c == '*');
    }
}
