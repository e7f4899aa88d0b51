package dev.kmstags.ui.bulk;

import dev.kmstags.ui.common.BaseDialog;
import java.util.ResourceBundle;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;

/**
 * The review of a bulk change: the {@link BulkReviewView} with Apply and Cancel; answers true only for Apply, which
 * stays disabled while the review does not allow it.
 */
public final class BulkReviewDialog extends BaseDialog<Boolean> {

    public BulkReviewDialog(BulkReviewViewModel review, ResourceBundle resources) {
        super(review.title(), "review-dialog");
        getDialogPane().getStyleClass().add("bulk-review-dialog");
        setResizable(true);
        BulkReviewView view = new BulkReviewView(review, resources);
        DialogPane pane = getDialogPane();
        pane.setHeaderText(review.title());
        pane.setGraphic(headerIcon("fth-check-circle"));
        pane.setContent(view);
        pane.setPrefWidth(700);
        ButtonType apply = new ButtonType(resources.getString("review.apply"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(resources.getString("review.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        pane.getButtonTypes().setAll(apply, cancel);
        Button applyButton = (Button) pane.lookupButton(apply);
        applyButton.disableProperty().bind(review.canApplyProperty().not());
        applyButton.getStyleClass().add(review.confirmationRequired() ? "danger" : "accent");
        // On production, Enter in the confirmation field must not apply: only a deliberate click on Apply does.
        applyButton.setDefaultButton(!review.confirmationRequired());
        setOnShown(event -> view.focusFirstInput());
        setResultConverter(apply::equals);
    }
}
