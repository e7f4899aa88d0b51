package dev.kmstags.ui.keylist;

import dev.kmstags.domain.Arns;
import dev.kmstags.domain.KeyManager;
import dev.kmstags.domain.KeyStates;
import dev.kmstags.domain.KeySummary;
import dev.kmstags.domain.KeyTags;
import dev.kmstags.domain.Tag;
import dev.kmstags.domain.TagQuery;
import dev.kmstags.domain.policy.PolicyFinding;
import dev.kmstags.domain.policy.PolicyWords;
import dev.kmstags.domain.policy.TagPolicy;
import dev.kmstags.ui.common.DateFormats;
import dev.kmstags.ui.common.KeyEntry;
import dev.kmstags.ui.common.Messages;
import dev.kmstags.ui.common.Tone;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One key as the key list shows it: a snapshot of what KMS said, completed on the UI thread as the key's aliases
 * and tags arrive after it was described. A refresh replaces the rows.
 */
public final class KeyRowViewModel implements KeyEntry {

    /** Aliases text order: keys with an alias first, by alias ignoring case; keys whose aliases are unknown last. */
    public static final Comparator<String> ALIASES_ORDER = Comparator.nullsLast(
            Comparator.comparing(String::isEmpty).thenComparing(String.CASE_INSENSITIVE_ORDER));
    /** Creation order: oldest first, unknown times first. */
    public static final Comparator<Instant> CREATED_ORDER = Comparator.nullsFirst(Comparator.naturalOrder());

    private final Messages messages;
    private KeySummary key;
    private final String stateText;
    private final Tone stateTone;
    private final String managerText;
    private final String createdText;
    private final String deletionText;
    private final String createdDateText;
    private boolean aliasesListed = true;
    private boolean tagsDenied;
    private final ReadOnlyStringWrapper aliasesText = new ReadOnlyStringWrapper(this, "aliasesText");
    private final ReadOnlyObjectWrapper<List<Tag>> tags = new ReadOnlyObjectWrapper<>(this, "tags");
    private final ReadOnlyStringWrapper readOnlyReasonText = new ReadOnlyStringWrapper(this, "readOnlyReasonText");
    private final ReadOnlyObjectWrapper<KeyTags> keyTags = new ReadOnlyObjectWrapper<>(this, "keyTags");
    private final ReadOnlyObjectWrapper<Compliance> compliance =
            new ReadOnlyObjectWrapper<>(this, "compliance", Compliance.NO_POLICY);
    private TagPolicy policy = TagPolicy.none();
    private String findingsText = "";

    /** A row for {@code key}, whose aliases are known. */
    public KeyRowViewModel(KeySummary key, Messages messages, DateFormats dates) {
        this(key, true, messages, dates);
    }

    /**
     * @param aliasesKnown whether {@code key} carries its aliases; when not, they come with {@link #showAliases}
     */
    public KeyRowViewModel(KeySummary key, boolean aliasesKnown, Messages messages, DateFormats dates) {
        this.key = Objects.requireNonNull(key, "key");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.stateText = !key.described() ? messages.get("keyList.state.noAccess")
                : messages.has("state." + key.state()) ? messages.get("state." + key.state()) : key.state();
        this.stateTone = key.described() ? toneOf(key.state()) : Tone.WARNING;
        this.managerText = key.described() ? messages.get("manager." + key.manager().name()) : "";
        this.createdText = key.created() == null ? "" : dates.dateTime().format(key.created());
        this.deletionText = key.deletionDate() == null ? "" : dates.dateTime().format(key.deletionDate());
        this.createdDateText = key.created() == null ? "" : dates.date().format(key.created());
        this.readOnlyReasonText.set(key.tagEditingBlockedBy().map(this::reasonText).orElse(""));
        if (aliasesKnown) {
            setAliases(key.aliases());
        }
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

    private String reasonText(KeyStates.ReadOnlyReason reason) {
        return messages.get("readOnly." + reason.name());
    }

    /** Shows the key's aliases, which arrived after the key. Call on the UI thread. */
    void showAliases(List<String> aliases) {
        key = key.withAliases(aliases);
        setAliases(key.aliases());
    }

    /**
     * Shows that KMS would not list the aliases: the key has none here ({@link #aliasesListed()} says why), and a
     * search finds it by its other texts. Call on the UI thread, or before the row is handed to it.
     */
    void showAliasesNotListed() {
        aliasesListed = false;
        setAliases(List.of());
    }

    /** Whether the key's aliases were listed; when KMS refused, {@link #aliasesText()} is empty for that reason. */
    @Override
    public boolean aliasesListed() {
        return aliasesListed;
    }

    /** What shows in place of an empty {@link #aliasesText()}: that the key has no alias, or that none were listed. */
    public String noAliasesText() {
        return messages.get(aliasesListed ? "keyList.noAlias" : "keyList.aliasesNotListed");
    }

    private void setAliases(List<String> sorted) {
        aliasesText.set(String.join(", ", sorted));
    }

    /** Shows the key's tags, or that KMS would not list them, which makes the key read-only. UI thread only. */
    void showTags(KeyTags keyTags) {
        this.keyTags.set(keyTags);
        if (keyTags.denied()) {
            tagsDenied = true;
            if (readOnlyReasonText.get().isEmpty()) {
                readOnlyReasonText.set(reasonText(KeyStates.ReadOnlyReason.TAGS_DENIED));
            }
            return;
        }
        tags.set(keyTags.tags());
        judge();
    }

    /** Judges the key's tags against {@code newPolicy} from now on. UI thread only. */
    void judgeWith(TagPolicy newPolicy) {
        policy = Objects.requireNonNull(newPolicy, "newPolicy");
        judge();
    }

    private void judge() {
        List<Tag> known = tags.get();
        if (policy.isEmpty()) {
            findingsText = "";
            compliance.set(Compliance.NO_POLICY);
        } else if (known == null) {
            findingsText = "";
            compliance.set(Compliance.UNKNOWN);
        } else {
            PolicyWords words = messages.policyWords();
            List<PolicyFinding> findings = policy.check(known);
            findingsText = String.join("\n", findings.stream().map(words::line).toList());
            compliance.set(findings.isEmpty() ? Compliance.COMPLIANT : Compliance.NON_COMPLIANT);
        }
    }

    /** Whether the key's tags comply with the tag policy in force. */
    public ReadOnlyObjectProperty<Compliance> complianceProperty() {
        return compliance.getReadOnlyProperty();
    }

    /** "Compliant", "Non-compliant", "No policy"; empty while the tags are not known. */
    public String complianceText() {
        return compliance.get() == Compliance.UNKNOWN ? "" : messages.get("compliance." + compliance.get().name());
    }

    /** Where the key's tags stray from the policy, one finding a line; empty when they do not. */
    public String findingsText() {
        return findingsText;
    }

    /** The key as KMS described it, with its aliases once known, for panels that work on the selected key. */
    @Override
    public KeySummary key() {
        return key;
    }

    @Override
    public String keyId() {
        return key.keyId();
    }

    @Override
    public String arn() {
        return key.arn();
    }

    /** The key's region, from its ARN; empty when the ARN names none. */
    public String regionText() {
        return Arns.region(key.arn()).orElse("");
    }

    /** Whether KMS described the key; when it refused, the row shows only its ID and ARN. */
    public boolean described() {
        return key.described();
    }

    /** Every alias of the key, comma separated; empty when it has none or they are not known yet. */
    @Override
    public String aliasesText() {
        return aliasesText.get() == null ? "" : aliasesText.get();
    }

    /** As {@link #aliasesText()}, but {@code null} until the aliases are known. */
    @Override
    public ReadOnlyStringProperty aliasesTextProperty() {
        return aliasesText.getReadOnlyProperty();
    }

    /** The name people know the key by ({@link KeySummary#name()}). */
    @Override
    public String displayName() {
        return key.name();
    }

    @Override
    public String description() {
        return key.description();
    }

    /** The key state in words, such as "Pending deletion". */
    @Override
    public String stateText() {
        return stateText;
    }

    @Override
    public Tone stateTone() {
        return stateTone;
    }

    public KeyManager manager() {
        return key.manager();
    }

    /** "Customer" or "AWS"; empty when KMS would not describe the key. */
    @Override
    public String managerText() {
        return managerText;
    }

    public Instant created() {
        return key.created();
    }

    /** When KMS deletes the key, for a key pending deletion; empty otherwise. */
    @Override
    public String deletionText() {
        return deletionText;
    }

    /** The creation date and time in the user's time zone; empty when unknown. */
    @Override
    public String createdText() {
        return createdText;
    }

    /** The creation date alone, for narrow places; empty when unknown. */
    public String createdDateText() {
        return createdDateText;
    }

    /** The key's tags as KMS listed them; {@code null} until read, and for keys whose tags are not read. */
    public ReadOnlyObjectProperty<List<Tag>> tagsProperty() {
        return tags.getReadOnlyProperty();
    }

    /** Whether KMS refused to list the key's tags to these credentials. */
    public boolean tagsDenied() {
        return tagsDenied;
    }

    @Override
    public ReadOnlyObjectProperty<KeyTags> keyTagsProperty() {
        return keyTags.getReadOnlyProperty();
    }

    /** Why this key's tags cannot be changed, as a sentence; empty when they can. */
    @Override
    public String readOnlyReasonText() {
        return readOnlyReasonText.get();
    }

    /** As {@link #readOnlyReasonText()}; it may change when the key's tags turn out to be unreadable. */
    @Override
    public ReadOnlyStringProperty readOnlyReasonTextProperty() {
        return readOnlyReasonText.getReadOnlyProperty();
    }

    /** Whether the key's tags cannot be changed. */
    public boolean isReadOnly() {
        return !readOnlyReasonText.get().isEmpty();
    }

    /**
     * Whether the key matches {@code query}. Until its tags are read (and for good when KMS would not list them) the
     * key has none as far as the query knows, except that it is not taken to lack a tag: a term such as
     * {@code !Owner} (or {@code compliant}, {@code !compliant}) matches it only once its tags are read.
     */
    public boolean matches(TagQuery query) {
        List<Tag> known = tags.get();
        if (known == null && query.needsAllTags()) {
            return false;
        }
        return query.matches(key, known == null ? List.of() : known, policy::complies);
    }
}
