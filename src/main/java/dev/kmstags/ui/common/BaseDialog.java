package dev.kmstags.ui.common;

import java.util.Objects;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogEvent;
import javafx.scene.control.DialogPane;
import javafx.stage.Screen;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A dialog of the app, styled like it: a feature's dialog extends it with its content, its buttons and how a button
 * becomes its answer. {@link FxDialogService} gives it its owner window and shows it.
 *
 * @param <R> the answer
 */
public abstract class BaseDialog<R> extends Dialog<R> {

    private static final String STYLESHEET = "/dev/kmstags/ui/app.css";

    /**
     * @param title      the window title
     * @param styleClass the dialog pane's style class, such as {@code review-dialog}
     */
    protected BaseDialog(String title, String styleClass) {
        setTitle(title);
        styled(getDialogPane());
        getDialogPane().getStyleClass().add(styleClass);
        addEventHandler(DialogEvent.DIALOG_SHOWN, event -> {
            fitOnScreen();
            // The dialog sizes itself to its content again when that grows after it is shown.
            getDialogPane().getScene().getWindow().heightProperty().addListener((height, old, now) -> fitOnScreen());
        });
    }

    /**
     * A dialog sized to its content can be taller than the screen (a review of many keys with many findings), which
     * would put its buttons out of reach: it is made no taller than the screen's usable area and moved onto it; its
     * content, which scrolls, takes what is left.
     */
    private void fitOnScreen() {
        Window window = getDialogPane().getScene().getWindow();
        Rectangle2D usable = Screen.getScreensForRectangle(window.getX(), window.getY(), window.getWidth(),
                window.getHeight()).stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds();
        if (window.getHeight() > usable.getHeight()) {
            window.setHeight(usable.getHeight());
        }
        if (window.getY() + window.getHeight() > usable.getMaxY()) {
            window.setY(usable.getMaxY() - window.getHeight());
        }
        if (window.getY() < usable.getMinY()) {
            window.setY(usable.getMinY());
        }
    }

    /** Adds the app's stylesheet to {@code pane}, which dialogs need since they are scenes of their own. */
    static void styled(DialogPane pane) {
        pane.getStylesheets().add(Objects.requireNonNull(BaseDialog.class.getResource(STYLESHEET))
                .toExternalForm());
    }

    /** A header icon from the app's icon font, such as {@code fth-git-merge}. */
    protected static FontIcon headerIcon(String literal) {
        FontIcon icon = new FontIcon(literal);
        icon.getStyleClass().add("dialog-icon");
        return icon;
    }
}
