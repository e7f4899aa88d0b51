package dev.kmstags.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.local.BackendOptions;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DialogPane;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The app icon on the main window and in the About dialog. */
@ExtendWith(ApplicationExtension.class)
class AppIconUiTest {

    @TempDir
    Path folder;

    private AppContext context;
    private Stage stage;

    @Start
    void start(Stage primaryStage) {
        stage = primaryStage;
        context = new AppContext(BackendOptions.defaults(folder.resolve("kms.db")).withPort(0).withSeed(false),
                "us-east-1", Locale.US);
        context.show(primaryStage);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        context.close();
    }

    @Test
    void theWindowCarriesTheIconInEverySizeAndAboutShowsItWithTheVersion(FxRobot robot) throws Exception {
        assertThat(stage.getIcons()).extracting(image -> (int) image.getWidth())
                .containsExactly(16, 32, 48, 64, 128, 256);

        robot.clickOn("Help").clickOn("About KMS Tag Manager");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".about-icon").tryQuery().isPresent());

        ImageView icon = robot.lookup(".about-icon").queryAs(ImageView.class);
        assertThat(icon.getImage().getWidth()).isEqualTo(64);
        DialogPane about = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(about.getHeaderText()).contains("KMS Tag Manager").contains(dev.kmstags.Version.current());
        robot.clickOn("Close");
    }
}
