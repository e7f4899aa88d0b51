package dev.kmstags.ui.common;

import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableBooleanValue;

/**
 * A command the user can give from a menu, a button or a shortcut: one class per command, with the condition under
 * which it can run. Views bind a control's {@code disable} to {@link #executableProperty()} and call
 * {@link #execute()} on its action event; they hold no logic of their own.
 */
public abstract class Action {

    /** Whether the command can run now; subclasses bind it to the state they need. Runnable by default. */
    protected final ReadOnlyBooleanWrapper executable = new ReadOnlyBooleanWrapper(this, "executable", true);

    /** Runs the command. Does nothing when it is not {@link #executableProperty() executable}. */
    public abstract void execute();

    public ReadOnlyBooleanProperty executableProperty() {
        return executable.getReadOnlyProperty();
    }

    public boolean isExecutable() {
        return executable.get();
    }

    /**
     * A command that a view carries out itself (it moves the focus or starts a cell edit), runnable while
     * {@code condition} holds.
     */
    public static Action of(ObservableBooleanValue condition, Runnable command) {
        return new ViewCommand(condition, command);
    }

    /**
     * One menu command for two panels that are never shown together (the tag editor of one key, the bulk edit of
     * several): runnable while either is, it runs {@code first} when that one is runnable, else {@code second}.
     */
    public static Action either(Action first, Action second) {
        return of(first.executableProperty().or(second.executableProperty()), () -> {
            if (first.isExecutable()) {
                first.execute();
            } else {
                second.execute();
            }
        });
    }

    private static final class ViewCommand extends Action {

        private final Runnable command;

        ViewCommand(ObservableBooleanValue condition, Runnable command) {
            this.command = Objects.requireNonNull(command, "command");
            executable.bind(condition);
        }

        @Override
        public void execute() {
            if (isExecutable()) {
                command.run();
            }
        }
    }
}
