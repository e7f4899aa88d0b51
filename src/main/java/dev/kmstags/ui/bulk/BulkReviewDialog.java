package dev.kmstags.ui.bulk;

import dev.kmstags.ui.common.ApplyDialog;
import java.util.ResourceBundle;

/**
 * The review of a bulk change: the {@link BulkReviewView} with Apply and Cancel; answers true only for Apply, which
 * stays disabled while the review does not allow it.
 */
public final class BulkReviewDialog extends ApplyDialog {

    /** The review around its view, made beforehand (on any thread: it is not shown yet). */
    public BulkReviewDialog(BulkReviewViewModel review, BulkReviewView view, ResourceBundle resources) {
        super(review.title(), view, 700, review.canApplyProperty(), review.confirmationRequired(), resources);
        getDialogPane().getStyleClass().add("bulk-review-dialog");
        setOnShown(event -> view.focusFirstInput());
    }
}
