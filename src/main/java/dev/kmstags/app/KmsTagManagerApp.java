package dev.kmstags.app;

import dev.kmstags.local.BackendOptions;
import dev.kmstags.local.DataLocation;
import dev.kmstags.profiles.AwsEnvironment;
import dev.kmstags.profiles.AwsSetup;
import dev.kmstags.profiles.ConnectionPreferences;
import dev.kmstags.profiles.ConnectionTarget;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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

    /** The opener made before JavaFX started, which may be starting the bundled backend already. */
    private static volatile ConnectionOpener openerOfThisLaunch;

    private AppContext context;

    /**
     * Opens the desktop app and returns when its last window closes and it has stopped: with the exit status of
     * the self-check when one ran, else empty. When the app will most likely open the bundled backend, the backend
     * starts, and its client is built, while JavaFX starts and the window is made.
     */
    public static OptionalInt launchApp(String[] args) {
        StartupPhases.reached(StartupPhases.Phase.LAUNCH);
        StartOptions options = StartOptions.parse(List.of(args));
        ConnectionOpener opener = new ConnectionOpener(backendOptions(options));
        likelyBundledBackendRegion(options).ifPresent(opener::prepareBundledBackend);
        openerOfThisLaunch = opener;
        ClassPathJavaFxNotice.hideWhenOnTheClassPath();
        Application.launch(KmsTagManagerApp.class, args);
        return SelfCheck.exitStatus();
    }

    @Override
    public void start(Stage stage) {
        StartupPhases.reached(StartupPhases.Phase.TOOLKIT);
        StartOptions options = StartOptions.parse(getParameters().getRaw());
        ConnectionOpener opener = openerOfThisLaunch != null
                ? openerOfThisLaunch
                : new ConnectionOpener(backendOptions(options));
        openerOfThisLaunch = null;
        // The self-check neither reads the user's preferences nor their AWS files, so it always checks the
        // bundled backend with its demo keys, whatever the user opened last.
        context = SelfCheck.requested()
                ? new AppContext(opener, selfCheckRegion(options), Locale.getDefault())
                : appContext(opener, options);
        context.show(stage);
    }

    /** The launcher has checked the quotas option already, so a wrong file never gets this far. */
    private static BackendOptions backendOptions(StartOptions options) {
        return BackendOptions.defaults(DataLocation.defaultDataFile()).withPort(0)
                .withQuotas(options.backendQuotas());
    }

    private static String selfCheckRegion(StartOptions options) {
        return options.region().orElse(AwsSetup.FALLBACK_REGION);
    }

    /**
     * The region the bundled backend will most likely be opened in, when the start will most likely open it: no
     * {@code --profile} and nothing else used last. A guess that misses costs a client built in vain; the
     * connection menu decides what is opened.
     */
    private static Optional<String> likelyBundledBackendRegion(StartOptions options) {
        if (SelfCheck.requested()) {
            return Optional.of(selfCheckRegion(options));
        }
        if (options.profile().isPresent()) {
            return Optional.empty();
        }
        ConnectionPreferences remembered = new ConnectionPreferences(userPreferences());
        Optional<ConnectionTarget> last = remembered.lastTarget();
        if (last.isEmpty()) {
            return Optional.of(options.region().orElse(AwsSetup.FALLBACK_REGION));
        }
        if (last.get() instanceof ConnectionTarget.Bundled) {
            return Optional.of(options.region().or(remembered::lastRegion).orElse(AwsSetup.FALLBACK_REGION));
        }
        return Optional.empty();
    }

    private static Preferences userPreferences() {
        return Preferences.userRoot().node(PREFERENCES_NODE);
    }

    /** The app on the user's preferences and AWS files, found where the AWS SDK and CLI find them. */
    private static AppContext appContext(ConnectionOpener opener, StartOptions options) {
        AwsEnvironment environment = AwsEnvironment.ofProcess();
        return new AppContext(opener, options, Locale.getDefault(), userPreferences(), environment,
                environment.userHome());
    }

    @Override
    public void stop() {
        if (context != null) {
            context.close();
        }
    }
}
