package dev.kmstags.app;

import dev.kmstags.ui.common.Theme;
import java.util.Objects;
import java.util.prefs.Preferences;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The window's size and position and the colour theme, remembered between runs in the app's preferences node. */
final class WindowPreferences {

    private static final String THEME = "theme";
    private static final String X = "window.x";
    private static final String Y = "window.y";
    private static final String WIDTH = "window.width";
    private static final String HEIGHT = "window.height";
    private static final String MAXIMIZED = "window.maximized";

    private final Preferences node;

    WindowPreferences(Preferences node) {
        this.node = Objects.requireNonNull(node, "node");
    }

    Theme theme() {
        try {
            return Theme.valueOf(node.get(THEME, Theme.LIGHT.name()));
        } catch (IllegalArgumentException e) {
            return Theme.LIGHT;
        }
    }

    void rememberTheme(Theme theme) {
        node.put(THEME, theme.name());
    }

    /** Gives {@code stage} the remembered size and position, if they still fit on a screen. */
    void restore(Stage stage, double defaultWidth, double defaultHeight) {
        double width = node.getDouble(WIDTH, defaultWidth);
        double height = node.getDouble(HEIGHT, defaultHeight);
        stage.setWidth(width);
        stage.setHeight(height);
        double x = node.getDouble(X, Double.NaN);
        double y = node.getDouble(Y, Double.NaN);
        // A screen may have been unplugged since: never put the window where no screen shows it.
        if (!Double.isNaN(x) && !Double.isNaN(y)
                && !Screen.getScreensForRectangle(new Rectangle2D(x, y, width, height)).isEmpty()) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.setMaximized(node.getBoolean(MAXIMIZED, false));
    }

    /** Remembers {@code stage}'s size and position (those before maximizing, when it is maximized). */
    void remember(Stage stage) {
        node.putBoolean(MAXIMIZED, stage.isMaximized());
        if (!stage.isMaximized()) {
            node.putDouble(X, stage.getX());
            node.putDouble(Y, stage.getY());
            node.putDouble(WIDTH, stage.getWidth());
            node.putDouble(HEIGHT, stage.getHeight());
        }
    }
}
