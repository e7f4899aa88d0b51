package dev.kmstags.ui.common;

import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.layout.Region;

/**
 * A review before anything is written: its content under a header, with Apply and Cancel, answering true only for
 * Apply. Apply stays disabled while the review does not allow it; where the user must type a confirmation, it is
 * red and not the default button, so that Enter in that field does not apply.
 */
public abstract class ApplyDialog extends BaseDialog<Boolean> {

    /**
     * @param title                the window title and the header
     * @param content              what is reviewed
     * @param width                the dialog's preferred width
     * @param canApply             whether Apply is enabled
     * @param confirmationRequired whether a typed confirmation guards Apply (production)
     */
    protected ApplyDialog(String title, Region content, double width, ObservableBooleanValue canApply,
                          boolean confirmationRequired, ResourceBundle resources) {
        super(title, "review-dialog");
        setResizable(true);
        DialogPane pane = getDialogPane();
        pane.setHeaderText(title);
        pane.setGraphic(headerIcon("fth-check-circle"));
        pane.setContent(content);
        pane.setPrefWidth(width);
        ButtonType apply = new ButtonType(resources.getString("review.apply"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(resources.getString("review.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        pane.getButtonTypes().setAll(apply, cancel);
        Button applyButton = (Button) pane.lookupButton(apply);
        applyButton.disableProperty().bind(Bindings.not(canApply));
        applyButton.getStyleClass().add(confirmationRequired ? "danger" : "accent");
        applyButton.setDefaultButton(!confirmationRequired);
        setResultConverter(apply::equals);
    }
}
