package dev.kmstags.ui.common;

import dev.kmstags.ui.conflict.ConflictViewModel;
import dev.kmstags.ui.review.ReviewViewModel;

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

    // The tag editor's questions. Their defaults are the answers that change nothing (stay, send nothing, write
    // nothing), so a service without these dialogs can never discard or send edits by itself.

    /** Asks what to do with edits not applied yet: review them, discard them, or stay. */
    default UnsavedEditsChoice askAboutUnsavedEdits(String title, String header, String content) {
        return UnsavedEditsChoice.CANCEL;
    }

    /**
     * Asks before discarding work; answers true only when the user chose {@code action} (the button that goes
     * ahead), false for Cancel.
     */
    default boolean confirm(String title, String header, String content, String action) {
        return false;
    }

    /** Shows the plan of an edit and its calls; answers whether the user chose Apply. */
    default boolean confirmReview(ReviewViewModel review) {
        return false;
    }

    /** Shows tags someone else changed meanwhile; answers what the user chose. */
    default ConflictViewModel.Choice resolveConflict(ConflictViewModel conflict) {
        return ConflictViewModel.Choice.KEEP_EDITING;
    }
}
