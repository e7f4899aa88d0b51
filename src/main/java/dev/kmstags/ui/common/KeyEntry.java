package dev.kmstags.ui.common;

import dev.kmstags.domain.KeySummary;
import dev.kmstags.domain.KeyTags;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * One key as the panels of the main window show it: what KMS said about it, in words, completed as its aliases and
 * tags arrive. The key list makes them; the shared {@link AppState} holds those selected, for the panels that work on
 * them.
 */
public interface KeyEntry {

    /** The key as KMS described it, with its aliases once known. */
    KeySummary key();

    String keyId();

    /** Names the key among the keys of every region shown ({@link KeySummary#id()}). */
    default String id() {
        return key().id();
    }

    String arn();

    /** The name people know the key by: its first alias, or its key ID when it has none. */
    String displayName();

    /** Every alias of the key, comma separated; empty when it has none or they are not known yet. */
    String aliasesText();

    /** As {@link #aliasesText()}, but {@code null} until the aliases are known. */
    ReadOnlyStringProperty aliasesTextProperty();

    /** Whether the key's aliases were listed; when KMS refused, {@link #aliasesText()} is empty for that reason. */
    boolean aliasesListed();

    String description();

    /** The key state in words, such as "Pending deletion". */
    String stateText();

    Tone stateTone();

    /** "Customer" or "AWS"; empty when KMS would not describe the key. */
    String managerText();

    /** The creation date and time in the user's time zone; empty when unknown. */
    String createdText();

    /** When KMS deletes the key, for a key pending deletion; empty otherwise. */
    String deletionText();

    /** Why this key's tags cannot be changed, as a sentence; empty when they can. */
    String readOnlyReasonText();

    /** As {@link #readOnlyReasonText()}; it may change when the key's tags turn out to be unreadable. */
    ReadOnlyStringProperty readOnlyReasonTextProperty();

    /**
     * The key's tags as KMS listed them, or that it would not list them; {@code null} until read, and for keys whose
     * tags are never read (AWS managed, not described). Panels that work on several keys take their tags from here.
     */
    ReadOnlyObjectProperty<KeyTags> keyTagsProperty();
}
