package dev.kmstags.domain.access;

import java.util.Locale;
import java.util.Objects;

/** A user, group or role of the account, named as IAM's ARNs name it: {@code role/payments-app}. */
public record IamPrincipal(Kind kind, String name) {

    /** What sort of identity holds the policies. */
    public enum Kind { USER, GROUP, ROLE }

    public IamPrincipal {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    /** "role/payments-app", "user/alice", "group/auditors". */
    public String label() {
        return kind.name().toLowerCase(Locale.ROOT) + "/" + name;
    }
}
