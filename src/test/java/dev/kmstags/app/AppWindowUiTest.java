package dev.kmstags.app;

import dev.kmstags.local.BackendOptions;
import dev.kmstags.ui.common.Theme;
import dev.kmstags.ui.main.MainWindowView;
import java.nio.file.Path;
import java.util.Locale;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * A UI test of the whole app: the main window, as the app shows it, on a bundled backend with a data file of its
 * own, closed after each test. TestFX looks for {@code @Start} only in the test class itself, so each test has a
 * {@code @Start} method that calls {@link #open(Stage)}.
 */
abstract class AppWindowUiTest {

    @TempDir
    Path folder;

    AppContext context;
    Stage stage;
    MainWindowView view;

    /** The bundled backend the window opens: with the demo keys, unless a test says otherwise. */
    BackendOptions backendOptions() {
        return BackendOptions.defaults(folder.resolve("kms.db")).withPort(0);
    }

    void open(Stage primaryStage) {
        stage = primaryStage;
        context = new AppContext(backendOptions(), "us-east-1", Locale.US);
        view = context.show(primaryStage);
    }

    @AfterEach
    void closeApp() throws Exception {
        // The theme is the application's user agent stylesheet, shared by every test in this JVM.
        FxToolkit.setupFixture(() -> context.state().setTheme(Theme.LIGHT));
        FxToolkit.cleanupStages();
        context.close();
    }
}
