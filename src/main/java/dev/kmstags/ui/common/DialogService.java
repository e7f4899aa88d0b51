package dev.kmstags.ui.common;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Shows dialogs for ViewModels, so they ask the user without touching the scene graph: messages, a question with
 * one action, a file chooser, and any dialog of a feature ({@link #show(DialogModel)}). A feature's dialog owns its
 * buttons and result in its own package; this service only shows it.
 *
 * <p>Questions default to the answers that change nothing (Cancel, no file, {@link DialogModel#dismissed()}), so
 * a service without these dialogs can never discard or send work by itself.
 */
public interface DialogService {

    /** Shows a message the user acknowledges, and waits until they do. */
    void showInformation(String title, String header, String content);

    /**
     * Shows what went wrong and what to do about it, and waits until the user acknowledges it. Shown as plain
     * information unless the implementation has an error dialog of its own.
     */
    default void showError(String title, String header, String content) {
        showInformation(title, header, content);
    }

    /**
     * Asks before discarding work; answers true only when the user chose {@code action} (the button that goes
     * ahead), false for Cancel.
     */
    default boolean confirm(String title, String header, String content, String action) {
        return false;
    }

    /** Shows the dialog of {@code model} and waits for the user's answer. */
    default <R> R show(DialogModel<R> model) {
        return model.dismissed();
    }

    /**
     * Shows the dialog of {@code model} and hands the user's answer to {@code answer}, on the UI thread. An
     * implementation may let the UI thread do other work between making the dialog and showing it, so that a large
     * dialog never holds it long; until {@code answer} is called the caller must expect the dialog to be coming.
     * Without that (the default) it is {@link #show(DialogModel)}, then {@code answer}.
     */
    default <R> void open(DialogModel<R> model, Consumer<? super R> answer) {
        answer.accept(show(model));
    }

    /**
     * Makes the dialog of {@code model} ready without showing it, so that the first one the user opens comes
     * sooner; nothing of it stays, and {@code model} is not answered. By default nothing is done.
     */
    default void prepare(DialogModel<?> model) {
    }

    /** Asks for an existing file to read; empty when the user cancelled. */
    default Optional<Path> chooseFileToOpen(FileChoice choice) {
        return Optional.empty();
    }

    /** Asks where to write a file; empty when the user cancelled. */
    default Optional<Path> chooseFileToSave(FileChoice choice) {
        return Optional.empty();
    }
}
