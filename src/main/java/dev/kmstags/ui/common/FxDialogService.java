package dev.kmstags.ui.common;

import dev.kmstags.ui.conflict.ConflictView;
import dev.kmstags.ui.conflict.ConflictViewModel;
import dev.kmstags.ui.review.ReviewView;
import dev.kmstags.ui.review.ReviewViewModel;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.image.ImageView;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

/** Shows dialogs as JavaFX alerts and dialogs over the window the supplier names, styled like the app. */
public final class FxDialogService implements DialogService {

    private static final String STYLESHEET = "/dev/kmstags/ui/app.css";

    private final Supplier<Window> owner;
    private final ResourceBundle resources;

    public FxDialogService(Supplier<Window> owner, ResourceBundle resources) {
        this.owner = owner;
        this.resources = Objects.requireNonNull(resources, "resources");
    }

    @Override
    public void showInformation(String title, String header, String content) {
        Alert alert = alert(Alert.AlertType.INFORMATION, title, header);
        alert.setContentText(content);
        alert.showAndWait();
    }

    @Override
    public void showAbout(String title, String header, String content) {
        Alert alert = new Alert(Alert.AlertType.NONE, content, ButtonType.CLOSE);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(header);
        ImageView icon = new ImageView(AppIcons.ofSize(64));
        icon.getStyleClass().add("about-icon");
        alert.setGraphic(icon);
        alert.showAndWait();
    }

    @Override
    public void showError(String title, String header, String content) {
        Alert alert = alert(Alert.AlertType.ERROR, title, header);
        alert.setContentText(content);
        alert.getDialogPane().getStyleClass().add("error-dialog");
        alert.showAndWait();
    }

    @Override
    public UnsavedEditsChoice askAboutUnsavedEdits(String title, String header, String content) {
        Alert alert = alert(Alert.AlertType.CONFIRMATION, title, header);
        alert.setContentText(content);
        ButtonType review = new ButtonType(resources.getString("unsaved.review"), ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType(resources.getString("unsaved.discard"), ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType(resources.getString("unsaved.cancel"),
                ButtonBar.ButtonData.CANCEL_CLOSE);
        alert.getButtonTypes().setAll(review, discard, cancel);
        Map<ButtonType, UnsavedEditsChoice> choices = Map.of(review, UnsavedEditsChoice.REVIEW,
                discard, UnsavedEditsChoice.DISCARD, cancel, UnsavedEditsChoice.CANCEL);
        return alert.showAndWait().map(choices::get).orElse(UnsavedEditsChoice.CANCEL);
    }

    @Override
    public boolean confirm(String title, String header, String content, String action) {
        Alert alert = alert(Alert.AlertType.CONFIRMATION, title, header);
        alert.setContentText(content);
        ButtonType goAhead = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(resources.getString("confirm.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        alert.getButtonTypes().setAll(goAhead, cancel);
        // Cancel is the default: Enter pressed out of habit keeps the work.
        ((Button) alert.getDialogPane().lookupButton(goAhead)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(cancel)).setDefaultButton(true);
        return alert.showAndWait().filter(goAhead::equals).isPresent();
    }

    @Override
    public boolean confirmReview(ReviewViewModel review) {
        Dialog<ButtonType> dialog = dialog(review.title(), "review-dialog");
        ReviewView view = new ReviewView(review, resources);
        DialogPane pane = dialog.getDialogPane();
        pane.setHeaderText(review.title());
        pane.setGraphic(icon("fth-check-circle"));
        pane.setContent(view);
        pane.setPrefWidth(640);
        ButtonType apply = new ButtonType(resources.getString("review.apply"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(resources.getString("review.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        pane.getButtonTypes().setAll(apply, cancel);
        Button applyButton = (Button) pane.lookupButton(apply);
        applyButton.disableProperty().bind(review.canApplyProperty().not());
        applyButton.getStyleClass().add(review.confirmationRequired() ? "danger" : "accent");
        // On production, Enter in the confirmation field must not apply: only a deliberate click on Apply does.
        applyButton.setDefaultButton(!review.confirmationRequired());
        dialog.setOnShown(event -> view.focusFirstInput());
        return dialog.showAndWait().filter(apply::equals).isPresent();
    }

    @Override
    public ConflictViewModel.Choice resolveConflict(ConflictViewModel conflict) {
        Dialog<ButtonType> dialog = dialog(conflict.title(), "conflict-dialog");
        DialogPane pane = dialog.getDialogPane();
        pane.setHeaderText(conflict.title());
        pane.setGraphic(icon("fth-git-merge"));
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
        return dialog.showAndWait().map(choices::get).orElse(ConflictViewModel.Choice.KEEP_EDITING);
    }

    private Alert alert(Alert.AlertType type, String title, String header) {
        Alert alert = new Alert(type);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(header);
        alert.getDialogPane().setPrefWidth(560);
        styled(alert.getDialogPane());
        return alert;
    }

    private Dialog<ButtonType> dialog(String title, String styleClass) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner.get());
        dialog.setTitle(title);
        dialog.setResizable(true);
        styled(dialog.getDialogPane());
        dialog.getDialogPane().getStyleClass().add(styleClass);
        return dialog;
    }

    private static void styled(DialogPane pane) {
        pane.getStylesheets().add(Objects.requireNonNull(FxDialogService.class.getResource(STYLESHEET))
                .toExternalForm());
    }

    private static FontIcon icon(String literal) {
        FontIcon icon = new FontIcon(literal);
        icon.getStyleClass().add("dialog-icon");
        return icon;
    }
}
