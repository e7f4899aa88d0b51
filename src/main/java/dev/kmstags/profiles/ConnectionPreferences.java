package dev.kmstags.profiles;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.prefs.Preferences;

/**
 * What the app remembers about connections between runs, in a {@link Preferences} node the caller chooses (tests
 * pass their own): the last connection and region, which profiles and accounts the user marked as production, on
 * which connections the user turned the access check on, and per connection the tag keys the key list shows as
 * columns and the tag policy file picked.
 */
public final class ConnectionPreferences {

    private static final String CONNECTION = "connection";
    private static final String REGION = "region";
    private static final String PRODUCTION_PROFILES = "production.profiles";
    private static final String PRODUCTION_ACCOUNTS = "production.accounts";
    private static final String ACCESS_CHECK = "access.check";
    private static final String TAG_COLUMNS = "tagColumns.";
    private static final String TICKED_REGIONS = "allRegions.";
    private static final String TAG_POLICY_FILES = "tagPolicy.files";

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

    /** The tag keys the key list shows as columns for {@code target}, in their order; empty when none. */
    public List<String> tagColumns(ConnectionTarget target) {
        return List.copyOf(read(perTarget(TAG_COLUMNS, target)));
    }

    /** Remembers the tag keys the key list shows as columns for {@code target}. */
    public void rememberTagColumns(ConnectionTarget target, List<String> tagKeys) {
        node.put(perTarget(TAG_COLUMNS, target), String.join("\n", new LinkedHashSet<>(tagKeys)));
    }

    /** The regions ticked for "All regions" of {@code target}; empty when none is (all regions are read). */
    public List<String> tickedRegions(ConnectionTarget target) {
        return List.copyOf(read(perTarget(TICKED_REGIONS, target)));
    }

    /** Remembers the regions ticked for "All regions" of {@code target}. */
    public void rememberTickedRegions(ConnectionTarget target, List<String> regions) {
        node.put(perTarget(TICKED_REGIONS, target), String.join("\n", new LinkedHashSet<>(regions)));
    }

    /**
     * The preference key of a setting kept per connection. Preference keys hold at most 80 characters; a longer one
     * (a long profile name) is named by a hash of the connection's ID instead.
     */
    private static String perTarget(String prefix, ConnectionTarget target) {
        String key = prefix + target.id();
        return key.length() <= Preferences.MAX_KEY_LENGTH ? key
                : prefix + UUID.nameUUIDFromBytes(target.id().getBytes(StandardCharsets.UTF_8));
    }

    /** The tag policy file the user picked for {@code target}, if any. */
    public Optional<Path> tagPolicyFile(ConnectionTarget target) {
        String prefix = target.id() + '\t';
        return read(TAG_POLICY_FILES).stream().filter(line -> line.startsWith(prefix))
                .map(line -> Path.of(line.substring(prefix.length()))).findFirst();
    }

    /** Keeps {@code file} as {@code target}'s tag policy file, in place of the one picked before. */
    public void rememberTagPolicyFile(ConnectionTarget target, Path file) {
        String prefix = target.id() + '\t';
        Set<String> lines = read(TAG_POLICY_FILES);
        lines.removeIf(line -> line.startsWith(prefix));
        lines.add(prefix + file.toAbsolutePath());
        node.put(TAG_POLICY_FILES, String.join("\n", lines));
    }

    /** Forgets the tag policy file picked for {@code target}; nothing happens when none was. */
    public void forgetTagPolicyFile(ConnectionTarget target) {
        String prefix = target.id() + '\t';
        Set<String> lines = read(TAG_POLICY_FILES);
        if (lines.removeIf(line -> line.startsWith(prefix))) {
            node.put(TAG_POLICY_FILES, String.join("\n", lines));
        }
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
