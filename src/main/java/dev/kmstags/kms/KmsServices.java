package dev.kmstags.kms;

import java.util.Optional;

/** What an open connection offers the app: its keys, their tags, and the identity policies of the account. */
public interface KmsServices {

    /** The keys of the connection's region. */
    KeyCatalog keyCatalog();

    /** The tags of the connection's keys. */
    TagService tagService();

    /**
     * The account the connection's credentials belong to, when it can be asked (STS GetCallerIdentity); empty
     * when it cannot. May call AWS: call it off the UI thread.
     */
    default Optional<String> callerAccountId() {
        return Optional.empty();
    }

    /** The account's identity policies, for the access check; by default there are none to read. */
    default AccessPolicies accessPolicies() {
        return AccessPolicies.NONE;
    }

    /**
     * The account's effective tag policy, from AWS Organizations (or the bundled backend, which answers for it).
     * May call AWS: call it off the UI thread.
     */
    default EffectiveTagPolicy effectiveTagPolicy() {
        return new EffectiveTagPolicy.None();
    }
}
