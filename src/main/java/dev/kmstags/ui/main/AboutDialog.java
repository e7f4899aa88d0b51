package dev.kmstags.ui.main;

import dev.kmstags.ui.common.AppIcons;
import dev.kmstags.ui.common.BaseDialog;
import java.util.ResourceBundle;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.image.ImageView;

/** The About dialog: the app icon, its name and version, what it is for, and Close. */
public final class AboutDialog extends BaseDialog<Void> {

    public AboutDialog(AboutText about, ResourceBundle resources) {
        super(about.title(), "alert");
        DialogPane pane = getDialogPane();
        pane.setHeaderText(about.header());
        pane.setContentText(about.content());
        ImageView icon = new ImageView(AppIcons.ofSize(64));
        icon.getStyleClass().add("about-icon");
        pane.setGraphic(icon);
        pane.getButtonTypes().setAll(ButtonType.CLOSE);
        setResultConverter(button -> null);
    }
}
