package dev.kmstags.app;

import javafx.application.Application;
import javafx.stage.Stage;

/** The desktop app: the JavaFX {@code Application} and composition root. */
public final class KmsTagManagerApp extends Application {

    /** Opens the desktop app and returns when its last window closes. */
    public static void launchApp(String[] args) {
        Application.launch(KmsTagManagerApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("KMS Tag Manager");
        stage.show();
    }
}
