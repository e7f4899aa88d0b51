package dev.kmstags.ui;

/** Every dialog the app shows goes through here, so ViewModels ask for dialogs without touching the scene graph. */
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

    /** Shows the About dialog, with the app icon, and waits until it is closed. */
    void showAbout(String title, String header, String content);
}
