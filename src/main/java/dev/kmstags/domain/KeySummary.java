package dev.kmstags.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the key list shows about one KMS key: its identity, the aliases that point at it, and the facts that
 * decide whether its tags may be changed.
 *
 * @param keyId       the key ID, such as {@code 1234abcd-...} or {@code mrk-...}
 * @param arn         the key ARN
 * @param aliases     the alias names ({@code alias/...}) that point at the key, sorted; may be empty
 * @param description the key's description; empty when it has none
 * @param state       KMS's raw key state ({@link KeyStates}), kept as a string because the list grows
 * @param manager     who manages the key
 * @param created     when the key was created, or {@code null} when KMS did not say
 * @param described   whether KMS described the key; when it refused, only the key ID, ARN and aliases are known
 * @param deletionDate when KMS deletes a key pending deletion (DescribeKey's DeletionDate), else {@code null}
 */
public record KeySummary(String keyId, String arn, List<String> aliases, String description, String state,
                         KeyManager manager, Instant created, boolean described, Instant deletionDate) {

    /** How the key IDs of Multi-Region keys begin. */
    public static final String MULTI_REGION_PREFIX = "mrk-";

    public KeySummary {
        Objects.requireNonNull(keyId, "keyId");
        arn = arn == null ? "" : arn;
        aliases = aliases == null ? List.of() : aliases.stream().sorted().toList();
        description = description == null ? "" : description;
        state = state == null ? "" : state;
        Objects.requireNonNull(manager, "manager");
    }

    /** A key KMS described, not pending deletion. */
    public KeySummary(String keyId, String arn, List<String> aliases, String description, String state,
                      KeyManager manager, Instant created) {
        this(keyId, arn, aliases, description, state, manager, created, true, null);
    }

    /** A key without a deletion date: not pending deletion, or not described. */
    public KeySummary(String keyId, String arn, List<String> aliases, String description, String state,
                      KeyManager manager, Instant created, boolean described) {
        this(keyId, arn, aliases, description, state, manager, created, described, null);
    }

    /** A key KMS listed but would not describe to these credentials: only what ListKeys and ListAliases said. */
    public static KeySummary undescribed(String keyId, String arn, List<String> aliases) {
        return new KeySummary(keyId, arn, aliases, "", "", KeyManager.CUSTOMER, null, false);
    }

    /** This key with {@code newAliases}, which arrived after it was described. */
    public KeySummary withAliases(List<String> newAliases) {
        return new KeySummary(keyId, arn, newAliases, description, state, manager, created, described, deletionDate);
    }

    /**
     * Names this key among the keys of every region: its key ID, which KMS makes unique, except for a Multi-Region
     * key ({@code mrk-…}), whose primary and replicas share their key ID and are told apart by their ARNs. KMS takes
     * either as a {@code KeyId}.
     */
    public String id() {
        return isMultiRegion() && !arn.isEmpty() ? arn : keyId;
    }

    /** Whether this is a Multi-Region key, whose related keys in other regions have the same key ID. */
    public boolean isMultiRegion() {
        return keyId.regionMatches(true, 0, MULTI_REGION_PREFIX, 0, MULTI_REGION_PREFIX.length());
    }

    /**
     * The name people know the key by: its first alias, else its key ID. A Multi-Region key's name says its region,
     * since its replicas share its key ID (and often its alias).
     */
    public String name() {
        String name = primaryAlias().orElse(keyId);
        return isMultiRegion() ? Arns.region(arn).map(region -> name + " (" + region + ")").orElse(name) : name;
    }

    /** The first alias in alphabetical order, if the key has any. */
    public Optional<String> primaryAlias() {
        return aliases.isEmpty() ? Optional.empty() : Optional.of(aliases.get(0));
    }

    /** Why this key's tags cannot be changed, or empty when they can. */
    public Optional<KeyStates.ReadOnlyReason> tagEditingBlockedBy() {
        if (!described) {
            return Optional.of(KeyStates.ReadOnlyReason.DESCRIBE_DENIED);
        }
        return KeyStates.tagEditingBlockedBy(manager, state);
    }
}
