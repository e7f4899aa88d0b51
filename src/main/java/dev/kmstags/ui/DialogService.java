package dev.kmstags.ui;

import dev.kmstags.ui.conflict.ConflictViewModel;
import dev.kmstags.ui.review.ReviewViewModel;

/** Every dialog the app shows goes through here, so ViewModels ask for dialogs without touching the scene graph. */
public interface DialogService {

    /** Shows a message the user acknowledges, and waits until they do. */
    void showInformation(String title, String header, String content);

    /** Shows the About dialog, with the app icon, and waits until it is closed. */
    void showAbout(String title, String header, String content);

    /** Shows what failed and what to do, and waits until the user acknowledges it. */
    void showError(String title, String header, String content);

    /** Asks what to do with edits not applied yet: review them, discard them, or stay. */
    UnsavedEditsChoice askAboutUnsavedEdits(String title, String header, String content);

    /** Shows the plan of an edit and its calls; answers whether the user chose Apply. */
    boolean confirmReview(ReviewViewModel review);

    /** Shows tags someone else changed meanwhile; answers what the user chose. */
    ConflictViewModel.Choice resolveConflict(ConflictViewModel conflict);
}
