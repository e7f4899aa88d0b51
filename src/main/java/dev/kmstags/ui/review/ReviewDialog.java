package dev.kmstags.ui.review;

import dev.kmstags.ui.common.ApplyDialog;
import java.util.ResourceBundle;

/**
 * The review of an edit: the {@link ReviewView} with Apply and Cancel; answers true only for Apply, which stays
 * disabled while the review does not allow it.
 */
public final class ReviewDialog extends ApplyDialog {

    public ReviewDialog(ReviewViewModel review, ResourceBundle resources) {
        this(review, new ReviewView(review, resources), resources);
    }

    private ReviewDialog(ReviewViewModel review, ReviewView view, ResourceBundle resources) {
        super(review.title(), view, 640, review.canApplyProperty(), review.confirmationRequired(), resources);
        setOnShown(event -> view.focusFirstInput());
    }
}
