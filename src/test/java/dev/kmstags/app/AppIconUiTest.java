package dev.kmstags.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.local.BackendOptions;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DialogPane;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The app icon on the main window and in the About dialog. */
@ExtendWith(ApplicationExtension.class)
class AppIconUiTest extends AppWindowUiTest {

    @Override
    BackendOptions backendOptions() {
        return BackendOptions.defaults(folder.resolve("kms.db")).withPort(0).withSeed(false);
    }

    @Start
    void start(Stage primaryStage) {
        open(primaryStage);
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
