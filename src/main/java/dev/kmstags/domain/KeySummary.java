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
 */
public record KeySummary(String keyId, String arn, List<String> aliases, String description, String state,
                         KeyManager manager, Instant created) {

    public KeySummary {
        Objects.requireNonNull(keyId, "keyId");
        arn = arn == null ? "" : arn;
        aliases = aliases == null ? List.of() : aliases.stream().sorted().toList();
        description = description == null ? "" : description;
        state = state == null ? "" : state;
        Objects.requireNonNull(manager, "manager");
    }

    /** The first alias in alphabetical order, if the key has any. */
    public Optional<String> primaryAlias() {
        return aliases.isEmpty() ? Optional.empty() : Optional.of(aliases.get(0));
    }

    /** Why this key's tags cannot be changed, or empty when they can. */
    public Optional<KeyStates.ReadOnlyReason> tagEditingBlockedBy() {
        return KeyStates.tagEditingBlockedBy(manager, state);
    }
}
