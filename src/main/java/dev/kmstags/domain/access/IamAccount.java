package dev.kmstags.domain.access;

import java.util.List;
import java.util.Objects;

/**
 * The identity policies of an account, per principal: inline and attached managed policies of every user, group
 * and role, as {@code GetAccountAuthorizationDetails} reports them. Policies that could not be read are named in
 * {@code unreadable}, so that the check can say what it did not look at.
 */
public record IamAccount(List<Holder> holders, List<String> unreadable) {

    /** One principal and the policies it holds directly. */
    public record Holder(IamPrincipal principal, List<NamedPolicy> policies) {

        public Holder {
            Objects.requireNonNull(principal, "principal");
            policies = List.copyOf(policies);
        }
    }

    public IamAccount {
        holders = List.copyOf(holders);
        unreadable = List.copyOf(unreadable);
    }

    public static IamAccount of(List<Holder> holders) {
        return new IamAccount(holders, List.of());
    }
}
