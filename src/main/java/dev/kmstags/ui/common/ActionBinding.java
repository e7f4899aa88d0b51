package dev.kmstags.ui.common;

import java.util.function.Consumer;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;

/** Binds menu items and buttons to {@link Action}s: enabled while executable, and executing it when chosen. */
public final class ActionBinding {

    private ActionBinding() {
    }

    public static void bind(MenuItem item, Action action) {
        item.disableProperty().bind(action.executableProperty().not());
        item.setOnAction(event -> action.execute());
    }

    public static void bind(ButtonBase button, Action action) {
        button.disableProperty().bind(action.executableProperty().not());
        button.setOnAction(event -> action.execute());
    }

    /**
     * Binds a check item: its tick follows the action's state, also when the action refused to switch (the item has
     * already ticked itself by then).
     */
    public static void bind(CheckMenuItem item, ToggleAction action) {
        bindToggle(item, action, item::setSelected);
    }

    /** Binds a radio item, as {@link #bind(CheckMenuItem, ToggleAction)}. */
    public static void bind(RadioMenuItem item, ToggleAction action) {
        bindToggle(item, action, item::setSelected);
    }

    private static void bindToggle(MenuItem item, ToggleAction action, Consumer<Boolean> tick) {
        item.disableProperty().bind(action.executableProperty().not());
        tick.accept(action.isSelected());
        action.selectedProperty().addListener((observable, old, selected) -> tick.accept(selected));
        item.setOnAction(event -> {
            action.execute();
            tick.accept(action.isSelected());
        });
    }
}
