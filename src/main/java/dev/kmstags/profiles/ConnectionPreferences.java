package dev.kmstags.profiles;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.prefs.Preferences;

/**
 * What the app remembers about connections between runs, in a {@link Preferences} node the caller chooses (tests
 * pass their own): the last connection and region, which profiles and accounts the user marked as
 * production, and on which connections the user turned the access check on.
 */
public final class ConnectionPreferences {

    private static final String CONNECTION = "connection";
    private static final String REGION = "region";
    private static final String PRODUCTION_PROFILES = "production.profiles";
    private static final String PRODUCTION_ACCOUNTS = "production.accounts";
    private static final String ACCESS_CHECK = "access.check";

    private final Preferences node;

    public ConnectionPreferences(Preferences node) {
        this.node = Objects.requireNonNull(node, "node");
    }

    /** The connection used last, if any. */
    public Optional<ConnectionTarget> lastTarget() {
        return ConnectionTarget.fromId(node.get(CONNECTION, null));
    }

    /** The region used last, if any. */
    public Optional<String> lastRegion() {
        return Optional.ofNullable(node.get(REGION, null)).filter(region -> !region.isBlank());
    }

    public void remember(ConnectionTarget target, String region) {
        node.put(CONNECTION, target.id());
        node.put(REGION, region);
    }

    /** Whether {@code target} or the account {@code accountId} (if known) is marked as production. */
    public boolean isProduction(ConnectionTarget target, Optional<String> accountId) {
        return read(PRODUCTION_PROFILES).contains(target.id())
                || accountOf(target, accountId).map(read(PRODUCTION_ACCOUNTS)::contains).orElse(false);
    }

    /** Marks or unmarks {@code target}, and the account {@code accountId} if known, as production. */
    public void markProduction(ConnectionTarget target, Optional<String> accountId, boolean production) {
        update(PRODUCTION_PROFILES, target.id(), production);
        accountOf(target, accountId).ifPresent(account -> update(PRODUCTION_ACCOUNTS, account, production));
    }

    /** Whether the user turned on the check of access changes (it reads IAM) for {@code target}. */
    public boolean checksAccess(ConnectionTarget target) {
        return read(ACCESS_CHECK).contains(target.id());
    }

    public void checkAccess(ConnectionTarget target, boolean on) {
        update(ACCESS_CHECK, target.id(), on);
    }

    /**
     * The account a production mark by account applies to: none for the bundled backend, whose account is a
     * made-up one that a profile pointing at a local {@code serve} shares, not a real account that could be production.
     */
    private static Optional<String> accountOf(ConnectionTarget target, Optional<String> accountId) {
        return target instanceof ConnectionTarget.Bundled ? Optional.empty() : accountId;
    }

    private Set<String> read(String key) {
        Set<String> values = new LinkedHashSet<>(Arrays.asList(node.get(key, "").split("\n")));
        values.remove("");
        return values;
    }

    private void update(String key, String value, boolean present) {
        Set<String> values = read(key);
        if (present) {
            values.add(value);
        } else {
            values.remove(value);
        }
        node.put(key, String.join("\n", values));
    }
}
