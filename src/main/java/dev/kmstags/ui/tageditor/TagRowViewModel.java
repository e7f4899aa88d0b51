package dev.kmstags.ui.tageditor;

import dev.kmstags.domain.EditedTag;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One row of the tag editor: the tag as loaded (nothing for a row the user added), as edited now, and what the
 * editor found wrong with it. The editor judges the whole table at once (duplicates need every row) and writes
 * the row's problems here.
 */
public final class TagRowViewModel {

    /** What the row does to the key's tags. */
    public enum State {
        UNCHANGED,
        ADDED,
        CHANGED,
        REMOVED
    }

    /** Which half of the tag a cell shows and edits. */
    public enum Field {
        KEY,
        VALUE
    }

    private final String originalKey;
    private final String originalValue;
    private final StringProperty key = new SimpleStringProperty(this, "key");
    private final StringProperty value = new SimpleStringProperty(this, "value");
    private final ReadOnlyBooleanWrapper removed = new ReadOnlyBooleanWrapper(this, "removed");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.UNCHANGED);
    private final ReadOnlyStringWrapper keyError = new ReadOnlyStringWrapper(this, "keyError", "");
    private final ReadOnlyStringWrapper valueError = new ReadOnlyStringWrapper(this, "valueError", "");
    private final ReadOnlyStringWrapper keyWarning = new ReadOnlyStringWrapper(this, "keyWarning", "");
    private final ReadOnlyStringWrapper valueWarning = new ReadOnlyStringWrapper(this, "valueWarning", "");
    private final BooleanBinding invalid = keyError.isNotEmpty().or(valueError.isNotEmpty());

    private TagRowViewModel(String originalKey, String originalValue, String key, String value) {
        this.originalKey = originalKey;
        this.originalValue = originalValue;
        this.key.set(key);
        this.value.set(value);
        state.bind(Bindings.createObjectBinding(this::computeState, this.key, this.value, removed));
    }

    /** A row for a tag as KMS holds it. */
    static TagRowViewModel loaded(String key, String value) {
        return new TagRowViewModel(Objects.requireNonNull(key), Objects.requireNonNull(value), key, value);
    }

    /** A row the user added, not in KMS yet. */
    static TagRowViewModel added(String key, String value) {
        return new TagRowViewModel(null, null, key, value);
    }

    /** A row that starts from {@code originalKey}'s value in KMS and is already edited to {@code key, value}. */
    static TagRowViewModel edited(String originalKey, String originalValue, String key, String value) {
        return new TagRowViewModel(originalKey, originalValue, key, value);
    }

    private State computeState() {
        if (removed.get()) {
            return State.REMOVED;
        }
        if (originalKey == null) {
            return State.ADDED;
        }
        return isRenamed() || !Objects.equals(originalValue, value.get()) ? State.CHANGED : State.UNCHANGED;
    }

    /** Whether the row keeps a loaded tag under a new key. */
    public boolean isRenamed() {
        return originalKey != null && !Objects.equals(originalKey, key.get());
    }

    /** Whether the value differs from the loaded one. */
    public boolean isValueChanged() {
        return originalKey != null && !Objects.equals(originalValue, value.get());
    }

    /** The row as the plan sees it. */
    public EditedTag toEditedTag() {
        return new EditedTag(originalKey, key.get(), value.get());
    }

    /** The key the tag had when loaded; {@code null} for an added row. */
    public String originalKey() {
        return originalKey;
    }

    /** The value the tag had when loaded; {@code null} for an added row. */
    public String originalValue() {
        return originalValue;
    }

    /** The key or the value, as {@code field} says. */
    public StringProperty property(Field field) {
        return field == Field.KEY ? key : value;
    }

    /** Whether the row adds, changes or removes a tag. */
    public boolean isEdited() {
        return state.get() != State.UNCHANGED;
    }

    /** Puts a loaded row's key, value and removal mark back as loaded; an added row has nothing to go back to. */
    void revertToLoaded() {
        if (originalKey != null) {
            key.set(originalKey);
            value.set(originalValue);
            removed.set(false);
        }
    }

    public StringProperty keyProperty() {
        return key;
    }

    public StringProperty valueProperty() {
        return value;
    }

    /** Whether the row is struck out: its tag goes when the edits are applied. */
    public ReadOnlyBooleanProperty removedProperty() {
        return removed.getReadOnlyProperty();
    }

    void setRemoved(boolean isRemoved) {
        removed.set(isRemoved);
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Why the key cannot be sent as it is; empty when it can. */
    public ReadOnlyStringProperty keyErrorProperty() {
        return keyError.getReadOnlyProperty();
    }

    /** Why the value cannot be sent as it is; empty when it can. */
    public ReadOnlyStringProperty valueErrorProperty() {
        return valueError.getReadOnlyProperty();
    }

    /** What is unusual about the key, though KMS accepts it; empty when nothing is. */
    public ReadOnlyStringProperty keyWarningProperty() {
        return keyWarning.getReadOnlyProperty();
    }

    /** What is unusual about the value, though KMS accepts it; empty when nothing is. */
    public ReadOnlyStringProperty valueWarningProperty() {
        return valueWarning.getReadOnlyProperty();
    }

    /** Whether the key or the value breaks a rule. */
    public BooleanBinding invalidProperty() {
        return invalid;
    }

    void showProblems(String newKeyError, String newValueError, String newKeyWarning, String newValueWarning) {
        keyError.set(newKeyError);
        valueError.set(newValueError);
        keyWarning.set(newKeyWarning);
        valueWarning.set(newValueWarning);
    }
}
