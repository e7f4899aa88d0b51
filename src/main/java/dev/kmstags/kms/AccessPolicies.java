package dev.kmstags.kms;

import dev.kmstags.domain.access.IamAccount;
import java.time.Instant;
import java.util.Objects;

/**
 * The identity policies of a connection's account, for the access check: read with IAM's
 * {@code GetAccountAuthorizationDetails} the first time they are asked for, and kept until {@link #refresh()}.
 */
public interface AccessPolicies {

    /** For a connection that offers no IAM: reading says it is not offered. */
    AccessPolicies NONE = new AccessPolicies() {
        @Override
        public Reading read() {
            return new Unavailable(KmsProblem.UNEXPECTED, "IAM is not offered by this connection");
        }

        @Override
        public void refresh() {
        }
    };

    /** What reading the policies gave. */
    sealed interface Reading {
    }

    /** The policies, and when they were read. */
    record Read(IamAccount account, Instant readAt) implements Reading {

        public Read {
            Objects.requireNonNull(account, "account");
        }
    }

    /**
     * The policies could not be read: the credentials may not ({@link KmsProblem#ACCESS_DENIED}), or IAM or the
     * network failed; {@code detail} is what it said.
     */
    record Unavailable(KmsProblem problem, String detail) implements Reading {
    }

    /** Reads the policies, or answers the reading kept from before. May call AWS: call it off the UI thread. */
    Reading read();

    /** Forgets the reading kept, so that the next {@link #read()} asks IAM again. */
    void refresh();
}
