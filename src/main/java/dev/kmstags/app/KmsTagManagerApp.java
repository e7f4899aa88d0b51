package dev.kmstags.app;

import dev.kmstags.kms.KmsConnection;
import dev.kmstags.local.BackendOptions;
import dev.kmstags.local.DataLocation;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The desktop app: opens the main window on the bundled backend, started in this JVM on a free port with the
 * user's default data file, and stops it when the window closes.
 */
public final class KmsTagManagerApp extends Application {

    private AppContext context;

    /** Opens the desktop app and returns when its last window closes. */
    public static void launchApp(String[] args) {
        Application.launch(KmsTagManagerApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        BackendOptions backend = BackendOptions.defaults(DataLocation.defaultDataFile()).withPort(0);
        context = new AppContext(backend, region(getParameters().getRaw()), Locale.getDefault());
        context.show(stage);
    }

    @Override
    public void stop() {
        if (context != null) {
            context.close();
        }
    }

    /** The region named by {@code --region}, or the default one. */
    static String region(List<String> args) {
        int index = args.indexOf("--region");
        if (index >= 0 && index + 1 < args.size() && !args.get(index + 1).isBlank()) {
            return args.get(index + 1);
        }
        return KmsConnection.DEFAULT_REGION;
    }
}
