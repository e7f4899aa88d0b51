package dev.kmstags.ui.conflict;

import dev.kmstags.ui.common.BaseDialog;
import java.util.Map;
import java.util.ResourceBundle;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;

/**
 * The tags someone else changed meanwhile: the {@link ConflictView} with Reload, Review the merge and Keep editing;
 * answers the user's {@link ConflictViewModel.Choice}.
 */
public final class ConflictDialog extends BaseDialog<ConflictViewModel.Choice> {

    public ConflictDialog(ConflictViewModel conflict, ResourceBundle resources) {
        super(conflict.title(), "conflict-dialog");
        setResizable(true);
        DialogPane pane = getDialogPane();
        pane.setHeaderText(conflict.title());
        pane.setGraphic(headerIcon("fth-git-merge"));
        pane.setContent(new ConflictView(conflict, resources));
        pane.setPrefWidth(760);
        ButtonType reload = new ButtonType(resources.getString("conflict.reload"), ButtonBar.ButtonData.LEFT);
        ButtonType reviewMerge = new ButtonType(resources.getString("conflict.reviewMerge"),
                ButtonBar.ButtonData.OK_DONE);
        ButtonType keepEditing = new ButtonType(resources.getString("conflict.keepEditing"),
                ButtonBar.ButtonData.CANCEL_CLOSE);
        pane.getButtonTypes().setAll(reload, reviewMerge, keepEditing);
        pane.lookupButton(reviewMerge).getStyleClass().add("accent");
        Map<ButtonType, ConflictViewModel.Choice> choices = Map.of(reload, ConflictViewModel.Choice.RELOAD,
                reviewMerge, ConflictViewModel.Choice.REVIEW_MERGE,
                keepEditing, ConflictViewModel.Choice.KEEP_EDITING);
        setResultConverter(button -> choices.getOrDefault(button, conflict.dismissed()));
    }
}
