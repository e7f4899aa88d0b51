package dev.kmstags.ui.common;

import java.util.Objects;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
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
