package dev.kmstags.ui.keydetails;

import dev.kmstags.ui.common.AppState;
import dev.kmstags.ui.common.KeyEntry;
import dev.kmstags.ui.common.Messages;
import dev.kmstags.ui.common.Tone;
import java.util.Objects;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;

/**
 * The panel beside the key list: what KMS says about the selected key, and the room where its tags will be
 * edited. Follows the selection of the {@link AppState}; shows an invitation to select a key while none is, and how
 * many are selected while several are.
 */
public final class KeyDetailsViewModel {

    private final Messages messages;

    private final ReadOnlyObjectWrapper<KeyEntry> key = new ReadOnlyObjectWrapper<>(this, "key");
    private final ReadOnlyBooleanWrapper hasKey = new ReadOnlyBooleanWrapper(this, "hasKey");
    private final ReadOnlyBooleanWrapper several = new ReadOnlyBooleanWrapper(this, "several");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper keyId = new ReadOnlyStringWrapper(this, "keyId", "");
    private final ReadOnlyStringWrapper arn = new ReadOnlyStringWrapper(this, "arn", "");
    private final ReadOnlyStringWrapper aliasesText = new ReadOnlyStringWrapper(this, "aliasesText", "");
    private final ReadOnlyStringWrapper descriptionText = new ReadOnlyStringWrapper(this, "descriptionText", "");
    private final ReadOnlyStringWrapper stateText = new ReadOnlyStringWrapper(this, "stateText", "");
    private final ReadOnlyObjectWrapper<Tone> stateTone = new ReadOnlyObjectWrapper<>(this, "stateTone", Tone.NEUTRAL);
    private final ReadOnlyStringWrapper managerText = new ReadOnlyStringWrapper(this, "managerText", "");
    private final ReadOnlyStringWrapper createdText = new ReadOnlyStringWrapper(this, "createdText", "");
    private final ReadOnlyStringWrapper deletionText = new ReadOnlyStringWrapper(this, "deletionText", "");
    private final ReadOnlyStringWrapper readOnlyNote = new ReadOnlyStringWrapper(this, "readOnlyNote", "");
    private final ReadOnlyStringWrapper keyIdCopyText = new ReadOnlyStringWrapper(this, "keyIdCopyText", "");
    private final ReadOnlyStringWrapper arnCopyText = new ReadOnlyStringWrapper(this, "arnCopyText", "");
    private final ReadOnlyStringWrapper emptyTitle = new ReadOnlyStringWrapper(this, "emptyTitle", "");
    private final ReadOnlyStringWrapper emptyHint = new ReadOnlyStringWrapper(this, "emptyHint", "");

    private final InvalidationListener aliasesArrived = observable -> showAliases(key.get());
    private final InvalidationListener readOnlyReasonChanged =
            observable -> readOnlyNote.set(key.get().readOnlyReasonText());

    public KeyDetailsViewModel(AppState state, Messages messages) {
        this.messages = Objects.requireNonNull(messages, "messages");
        state.selectedKeyProperty().addListener((observable, old, selected) -> show(selected));
        state.selectedKeys().addListener(
                (ListChangeListener<KeyEntry>) change -> showCount(state.selectedKeys().size()));
        show(state.selectedKeyProperty().get());
        showCount(state.selectedKeys().size());
    }

    /** With several keys selected there is no one key to show: the panel says how many are. */
    private void showCount(int selected) {
        several.set(selected > 1);
        emptyTitle.set(several.get() ? messages.format("details.several.title", selected)
                : messages.get("details.empty.title"));
        emptyHint.set(messages.get(several.get() ? "details.several.hint" : "details.empty.hint"));
    }

    private void show(KeyEntry selected) {
        KeyEntry previous = key.get();
        if (previous != null) {
            previous.aliasesTextProperty().removeListener(aliasesArrived);
            previous.readOnlyReasonTextProperty().removeListener(readOnlyReasonChanged);
        }
        key.set(selected);
        hasKey.set(selected != null);
        endCopiedSign();
        if (selected != null) {
            // Aliases and a tags-denied reason may arrive after the key was selected.
            selected.aliasesTextProperty().addListener(aliasesArrived);
            selected.readOnlyReasonTextProperty().addListener(readOnlyReasonChanged);
        }
        if (selected == null) {
            for (ReadOnlyStringWrapper text : new ReadOnlyStringWrapper[] {
                    title, keyId, arn, aliasesText, descriptionText, stateText, managerText, createdText,
                    deletionText, readOnlyNote}) {
                text.set("");
            }
            stateTone.set(Tone.NEUTRAL);
            return;
        }
        showAliases(selected);
        keyId.set(selected.keyId());
        arn.set(selected.arn());
        descriptionText.set(selected.description().isBlank()
                ? messages.get("details.noDescription") : selected.description());
        stateText.set(selected.stateText());
        stateTone.set(selected.stateTone());
        managerText.set(selected.managerText());
        createdText.set(selected.createdText());
        deletionText.set(selected.deletionText());
        readOnlyNote.set(selected.readOnlyReasonText());
    }

    private void showAliases(KeyEntry selected) {
        title.set(selected.displayName());
        aliasesText.set(!selected.aliasesText().isEmpty() ? selected.aliasesText()
                : selected.aliasesListed() ? messages.get("details.noAliases")
                : messages.get("keyList.aliasesNotListed"));
    }

    /** The key ID for the clipboard; its copy button says "Copied" until {@link #endCopiedSign()}. */
    public String copyKeyId() {
        endCopiedSign();
        keyIdCopyText.set(messages.get("details.copied"));
        return keyId.get();
    }

    /** The ARN for the clipboard; its copy button says "Copied" until {@link #endCopiedSign()}. */
    public String copyArn() {
        endCopiedSign();
        arnCopyText.set(messages.get("details.copied"));
        return arn.get();
    }

    /** Ends the sign that a value was copied: the view calls it a moment after the copy. */
    public void endCopiedSign() {
        keyIdCopyText.set("");
        arnCopyText.set("");
    }

    /** The text of the key ID's copy button: "Copied" just after a copy, else empty (an icon only). */
    public ReadOnlyStringProperty keyIdCopyTextProperty() {
        return keyIdCopyText.getReadOnlyProperty();
    }

    /** The text of the ARN's copy button: "Copied" just after a copy, else empty (an icon only). */
    public ReadOnlyStringProperty arnCopyTextProperty() {
        return arnCopyText.getReadOnlyProperty();
    }

    /** The selected key, or {@code null}; the tag editor will follow it. */
    public ReadOnlyObjectProperty<KeyEntry> keyProperty() {
        return key.getReadOnlyProperty();
    }

    /** What the panel says while it shows no key: to select one, or how many are selected. */
    public ReadOnlyStringProperty emptyTitleProperty() {
        return emptyTitle.getReadOnlyProperty();
    }

    /** The line under {@link #emptyTitleProperty()}. */
    public ReadOnlyStringProperty emptyHintProperty() {
        return emptyHint.getReadOnlyProperty();
    }

    /** Whether several keys are selected, so the panel shows them together instead of one key. */
    public ReadOnlyBooleanProperty severalProperty() {
        return several.getReadOnlyProperty();
    }

    /** Whether exactly one key is selected, so the panel shows it. */
    public ReadOnlyBooleanProperty hasKeyProperty() {
        return hasKey.getReadOnlyProperty();
    }

    /** The key's first alias, or its ID when it has none. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty keyIdProperty() {
        return keyId.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty arnProperty() {
        return arn.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty aliasesTextProperty() {
        return aliasesText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty descriptionTextProperty() {
        return descriptionText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stateTextProperty() {
        return stateText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Tone> stateToneProperty() {
        return stateTone.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty managerTextProperty() {
        return managerText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty createdTextProperty() {
        return createdText.getReadOnlyProperty();
    }

    /** When KMS deletes the selected key, if it is pending deletion; empty otherwise. */
    public ReadOnlyStringProperty deletionTextProperty() {
        return deletionText.getReadOnlyProperty();
    }

    /** Why the selected key's tags cannot be changed; empty when they can. */
    public ReadOnlyStringProperty readOnlyNoteProperty() {
        return readOnlyNote.getReadOnlyProperty();
    }
}
