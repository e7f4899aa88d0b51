package dev.kmstags.ui.keylist;

import dev.kmstags.domain.KeyManager;
import dev.kmstags.domain.KeyStates;
import dev.kmstags.domain.KeySummary;
import dev.kmstags.ui.DateFormats;
import dev.kmstags.ui.Messages;
import dev.kmstags.ui.Tone;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One key as the key list shows it. Rows are read-only snapshots of what KMS said; a refresh replaces them.
 */
public final class KeyRowViewModel {

    private final KeySummary key;
    private final String aliasesText;
    private final String stateText;
    private final Tone stateTone;
    private final String managerText;
    private final String createdText;
    private final String createdDateText;
    private final String readOnlyReasonText;
    private final String searchText;

    public KeyRowViewModel(KeySummary key, Messages messages, DateFormats dates) {
        this.key = Objects.requireNonNull(key, "key");
        this.aliasesText = String.join(", ", key.aliases());
        this.stateText = messages.has("state." + key.state()) ? messages.get("state." + key.state()) : key.state();
        this.stateTone = toneOf(key.state());
        this.managerText = messages.get("manager." + key.manager().name());
        this.createdText = key.created() == null ? "" : dates.dateTime().format(key.created());
        this.createdDateText = key.created() == null ? "" : dates.date().format(key.created());
        this.readOnlyReasonText = key.tagEditingBlockedBy()
                .map(reason -> messages.get("readOnly." + reason.name()))
                .orElse("");
        this.searchText = String.join("\n", aliasesText, key.keyId(), key.arn(), key.description())
                .toLowerCase(Locale.ROOT);
    }

    private static Tone toneOf(String state) {
        return switch (state) {
            case KeyStates.ENABLED -> Tone.POSITIVE;
            case KeyStates.DISABLED -> Tone.NEUTRAL;
            case KeyStates.PENDING_DELETION, KeyStates.PENDING_REPLICA_DELETION, KeyStates.UNAVAILABLE ->
                    Tone.NEGATIVE;
            default -> Tone.WARNING;
        };
    }

    /** The key as KMS described it, for panels that work on the selected key. */
    public KeySummary key() {
        return key;
    }

    public String keyId() {
        return key.keyId();
    }

    public String arn() {
        return key.arn();
    }

    /** Every alias of the key, comma separated; empty when it has none. */
    public String aliasesText() {
        return aliasesText;
    }

    /** The name people know the key by: its first alias, or its key ID when it has none. */
    public String displayName() {
        return key.primaryAlias().orElse(key.keyId());
    }

    public String description() {
        return key.description();
    }

    /** The key state in words, such as "Pending deletion". */
    public String stateText() {
        return stateText;
    }

    public Tone stateTone() {
        return stateTone;
    }

    public KeyManager manager() {
        return key.manager();
    }

    /** "Customer" or "AWS". */
    public String managerText() {
        return managerText;
    }

    public Instant created() {
        return key.created();
    }

    /** The creation date and time in the user's time zone; empty when unknown. */
    public String createdText() {
        return createdText;
    }

    /** The creation date alone, for narrow places; empty when unknown. */
    public String createdDateText() {
        return createdDateText;
    }

    /** Why this key's tags cannot be changed, as a sentence; empty when they can. */
    public String readOnlyReasonText() {
        return readOnlyReasonText;
    }

    /** Whether the key's aliases, ID, ARN or description contain {@code query}, ignoring case. */
    public boolean matches(String query) {
        return query == null || query.isBlank() || searchText.contains(query.strip().toLowerCase(Locale.ROOT));
    }
}
