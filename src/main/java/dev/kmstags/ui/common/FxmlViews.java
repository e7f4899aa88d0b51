package dev.kmstags.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Objects;
import java.util.ResourceBundle;
import javafx.fxml.FXMLLoader;

/** Loads a view's FXML (beside the view's package, under resources) into the view itself, as root and controller. */
public final class FxmlViews {

    private FxmlViews() {
    }

    /** Loads {@code ViewClass.fxml} with {@code view} as {@code fx:root} and controller. */
    public static void load(Object view, ResourceBundle resources) {
        String name = view.getClass().getSimpleName() + ".fxml";
        URL location = Objects.requireNonNull(view.getClass().getResource(name), () -> "missing " + name);
        FXMLLoader loader = new FXMLLoader(location, resources);
        loader.setRoot(view);
        loader.setController(view);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not load " + location, e);
        }
    }
}
