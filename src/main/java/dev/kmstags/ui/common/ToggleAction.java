package dev.kmstags.ui.common;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * A command that switches something on or off, shown as a check or radio menu item: {@link #selectedProperty()}
 * says whether it is on, and {@link #execute()} switches it.
 */
public abstract class ToggleAction extends Action {

    /** Whether it is on; subclasses bind it to the state it switches. */
    protected final ReadOnlyBooleanWrapper selected = new ReadOnlyBooleanWrapper(this, "selected");

    public ReadOnlyBooleanProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public boolean isSelected() {
        return selected.get();
    }
}
