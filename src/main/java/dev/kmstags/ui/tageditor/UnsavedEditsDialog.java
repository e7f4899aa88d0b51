package dev.kmstags.ui.tageditor;

import dev.kmstags.ui.common.BaseDialog;
import java.util.Map;
import java.util.ResourceBundle;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;

/** Asks, as a confirmation alert, what to do with edits not applied: Review, Discard or Cancel. */
public final class UnsavedEditsDialog extends BaseDialog<UnsavedEditsChoice> {

    public UnsavedEditsDialog(UnsavedEditsQuestion question, ResourceBundle resources) {
        super(question.title(), "alert");
        DialogPane pane = getDialogPane();
        // Styled as a confirmation alert is, with the theme's question icon.
        pane.getStyleClass().add("confirmation");
        pane.setHeaderText(question.header());
        pane.setContentText(question.content());
        pane.setPrefWidth(560);
        ButtonType review = new ButtonType(resources.getString("unsaved.review"), ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType(resources.getString("unsaved.discard"), ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType(resources.getString("unsaved.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        pane.getButtonTypes().setAll(review, discard, cancel);
        Map<ButtonType, UnsavedEditsChoice> choices = Map.of(review, UnsavedEditsChoice.REVIEW,
                discard, UnsavedEditsChoice.DISCARD, cancel, UnsavedEditsChoice.CANCEL);
        setResultConverter(button -> choices.getOrDefault(button, question.dismissed()));
    }
}
