package dev.kmstags.app;

import dev.kmstags.local.BackendOptions;
import dev.kmstags.local.DataLocation;
import dev.kmstags.profiles.AwsEnvironment;
import dev.kmstags.profiles.AwsSetup;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The desktop app: opens the main window on the connection named by {@code --profile} / {@code --region}, else
 * the one used last, else the bundled backend (started in this JVM on a free port with the user's default data
 * file), and closes it all when the window closes.
 */
public final class KmsTagManagerApp extends Application {

    /** The user's preferences node of the app. */
    static final String PREFERENCES_NODE = "/dev/kmstags/kms-tag-manager";

    private AppContext context;

    /**
     * Opens the desktop app and returns when its last window closes and it has stopped: with the exit status of
     * the self-check when one ran, else empty.
     */
    public static OptionalInt launchApp(String[] args) {
        Application.launch(KmsTagManagerApp.class, args);
        return SelfCheck.exitStatus();
    }

    @Override
    public void start(Stage stage) {
        StartOptions options = StartOptions.parse(getParameters().getRaw());
        // The launcher has checked the quotas option already, so a wrong file never gets this far.
        BackendOptions backend = BackendOptions.defaults(DataLocation.defaultDataFile()).withPort(0)
                .withQuotas(options.backendQuotas());
        // The self-check neither reads the user's preferences nor their AWS files, so it always checks the
        // bundled backend with its demo keys, whatever the user opened last.
        context = SelfCheck.requested()
                ? new AppContext(backend, options.region().orElse(AwsSetup.FALLBACK_REGION), Locale.getDefault())
                : appContext(backend, options);
        context.show(stage);
    }

    /** The app on the user's preferences and AWS files, found where the AWS SDK and CLI find them. */
    private static AppContext appContext(BackendOptions backend, StartOptions options) {
        AwsEnvironment environment = AwsEnvironment.ofProcess();
        return new AppContext(backend, options, Locale.getDefault(), Preferences.userRoot().node(PREFERENCES_NODE),
                environment, environment.userHome());
    }

    @Override
    public void stop() {
        if (context != null) {
            context.close();
        }
    }
}
