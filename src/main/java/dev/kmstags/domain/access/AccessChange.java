package dev.kmstags.domain.access;

import java.util.List;
import java.util.Objects;

/**
 * What one statement decides for one principal and action, before and after a tag change: an Allow that starts or
 * stops applying, a Deny that starts or stops applying, or one whose outcome the tool cannot tell.
 *
 * @param action         the statement's action as written ({@code kms:Decrypt}, {@code kms:*}), or
 *                       "kms:* except ..." for a NotAction
 * @param before         whether the statement applied to the key with the tags it has
 * @param after          whether it applies with the tags planned
 * @param conditionText  the statement's conditions, as read: "aws:ResourceTag/Team = payments"
 * @param unknownReasons why the outcome is unknown, when it is: "aws:PrincipalTag/Team is not a tag of the key"
 */
public record AccessChange(IamPrincipal principal, String action, PolicyStatement.Effect effect, Truth before,
                           Truth after, String policyName, String statementName, String conditionText,
                           List<String> unknownReasons) {

    public AccessChange {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(effect, "effect");
        unknownReasons = List.copyOf(unknownReasons);
    }

    /** Whether the tool cannot tell if the statement applies before or after. */
    public boolean isUnknown() {
        return !before.isKnown() || !after.isKnown();
    }

    /** An Allow that stops applying, or a Deny that starts: the principal may lose the action on the key. */
    public boolean removesAccess() {
        return !isUnknown() && (effect == PolicyStatement.Effect.ALLOW ? before == Truth.TRUE : after == Truth.TRUE);
    }

    /** An Allow that starts applying, or a Deny that stops: the principal may gain the action on the key. */
    public boolean grantsAccess() {
        return !isUnknown() && !removesAccess();
    }
}
