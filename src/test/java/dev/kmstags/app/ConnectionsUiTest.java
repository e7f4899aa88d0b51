package dev.kmstags.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.kms.KmsClients;
import dev.kmstags.kms.KmsConnection;
import dev.kmstags.local.BackendOptions;
import dev.kmstags.local.LocalKmsBackend;
import dev.kmstags.profiles.AwsEnvironment;
import dev.kmstags.profiles.MemoryPreferences;
import dev.kmstags.ui.common.Theme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real main window with the Connection and Region menus on a temporary AWS config: two profiles whose
 * endpoint_url points at bundled backends started with the profiles' credentials. Preferences live in memory.
 */
@ExtendWith(ApplicationExtension.class)
class ConnectionsUiTest {

    @TempDir
    static Path folder;

    private static LocalKmsBackend team;
    private static Map<String, String> environment;

    private final Preferences preferences = MemoryPreferences.newRoot().node("kms-tag-manager");
    private final List<AppContext> contexts = new ArrayList<>();
    private AppContext context;
    private Stage stage;

    @BeforeAll
    static void startBackendsAndWriteTheConfig() throws IOException {
        team = LocalKmsBackend.start(BackendOptions.defaults(folder.resolve("team.db")).withPort(0).withSeed(false)
                .withCredentials("AKIATEAM", "team-secret"));
        try (KmsClients.Opened west = KmsClients.open(KmsConnection.bundledBackend(team.endpoint(), "eu-west-1",
                "AKIATEAM", "team-secret"));
             KmsClients.Opened east = KmsClients.open(KmsConnection.bundledBackend(team.endpoint(), "us-east-1",
                     "AKIATEAM", "team-secret"))) {
            west.client().createKey(b -> b.description("Team key in Ireland"));
            east.client().createKey(b -> b.description("Team key in Virginia"));
            east.client().createKey(b -> b.description("Another team key in Virginia"));
        }
        Path config = Files.writeString(folder.resolve("config"), """
                [profile team-dev]
                region = eu-west-1
                endpoint_url = %1$s

                [profile team-prod]
                region = us-east-1
                endpoint_url = %1$s
                """.formatted(team.endpoint()));
        Path credentials = Files.writeString(folder.resolve("credentials"), """
                [team-dev]
                aws_access_key_id = AKIATEAM
                aws_secret_access_key = team-secret

                [team-prod]
                aws_access_key_id = AKIATEAM
                aws_secret_access_key = team-secret
                """);
        environment = Map.of("AWS_CONFIG_FILE", config.toString(), "AWS_SHARED_CREDENTIALS_FILE",
                credentials.toString());
    }

    @AfterAll
    static void stopBackend() {
        team.close();
    }

    private AppContext newContext() {
        AppContext created = new AppContext(BackendOptions.defaults(folder.resolve("bundled.db")).withPort(0),
                StartOptions.NONE, Locale.US, preferences, new AwsEnvironment(environment), folder);
        contexts.add(created);
        return created;
    }

    @Start
    void start(Stage primaryStage) {
        stage = primaryStage;
        context = newContext();
        context.show(primaryStage);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        contexts.forEach(AppContext::close);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryLabeled().getText();
    }

    private static void waitForStatus(FxRobot robot, String status) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> status.equals(text(robot, ".status-text")));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("status: " + text(robot, ".status-text") + " / " + text(robot, ".connection-label"), e);
        }
    }

    /** Waits until a table cell shows {@code text}: the rows are in the list before the table lays them out. */
    private static void waitForShown(FxRobot robot, String text) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(text).tryQuery().isPresent());
    }

    private static Menu menu(FxRobot robot, String text) {
        return robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().stream()
                .filter(menu -> menu.getText().replace("_", "").equals(text)).findFirst().orElseThrow();
    }

    private static List<String> itemTexts(Menu menu) {
        return menu.getItems().stream().map(MenuItem::getText).filter(text -> text != null)
                .map(text -> text.replace("_", "")).toList();
    }

    private static String checked(Menu menu) {
        return menu.getItems().stream().filter(item -> item instanceof RadioMenuItem radio && radio.isSelected())
                .map(MenuItem::getText).findFirst().orElse("");
    }

    /** Opens {@code menuText} from the menu bar and clicks its entry {@code itemText}, as a user would. */
    private static void choose(FxRobot robot, String menuText, String itemText) {
        robot.clickOn(menuText);
        robot.clickOn(itemText);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theMenusListTheProfilesOfTheConfigAndTheKmsRegions(FxRobot robot) throws Exception {
        waitForStatus(robot, "12 keys loaded");

        Menu connections = menu(robot, "Connection");
        assertThat(itemTexts(connections)).startsWith("Bundled backend (local)", "team-dev", "team-prod")
                .contains("Mark as production", "Reload profiles");
        assertThat(checked(connections)).isEqualTo("Bundled backend (local)");
        Menu regions = menu(robot, "Region");
        assertThat(itemTexts(regions)).startsWith("All regions", "Regions for All regions",
                "us-east-1  ·  US East (N. Virginia)");
        assertThat(itemTexts(regions)).contains("eu-west-1  ·  Europe (Ireland)", "ap-southeast-2  ·  Asia Pacific "
                + "(Sydney)");
        assertThat(stage.getTitle()).isEqualTo("KMS Tag Manager — Bundled backend · 111122223333 · us-east-1");
    }

    @Test
    void switchingProfileAndRegionShowsTheirKeysAfterTheLeaveGuardAgrees(FxRobot robot) throws Exception {
        waitForStatus(robot, "12 keys loaded");
        List<String> asked = new ArrayList<>();
        boolean[] allow = {false};
        robot.interact(() -> context.state().addLeaveGuard(() -> {
            asked.add("asked");
            return allow[0];
        }));

        choose(robot, "Connection", "team-dev");
        assertThat(asked).hasSize(1);
        assertThat(checked(menu(robot, "Connection"))).isEqualTo("Bundled backend (local)");
        assertThat(text(robot, ".connection-label")).isEqualTo("Bundled backend · 111122223333 · us-east-1");

        allow[0] = true;
        choose(robot, "Connection", "team-dev");
        waitForStatus(robot, "1 key loaded");
        assertThat(asked).hasSize(2);
        assertThat(checked(menu(robot, "Connection"))).isEqualTo("team-dev");
        assertThat(text(robot, ".connection-label")).isEqualTo("team-dev · 111122223333 · eu-west-1");
        waitForShown(robot, "Team key in Ireland");

        // us-east-1 is further down the long Region menu than a headless screen shows: fire its entry.
        robot.interact(() -> menu(robot, "Region").getItems().stream()
                .filter(item -> item.getText() != null && item.getText().startsWith("us-east-1 ")).findFirst()
                .orElseThrow().fire());
        waitForStatus(robot, "2 keys loaded");
        assertThat(asked).hasSize(3);
        assertThat(text(robot, ".connection-label")).isEqualTo("team-dev · 111122223333 · us-east-1");
        assertThat(stage.getTitle()).isEqualTo("KMS Tag Manager — team-dev · 111122223333 · us-east-1");
        waitForShown(robot, "Team key in Virginia");
        Snapshots.save(stage.getScene(), "connection-team-dev");
    }

    @Test
    void aConnectionMarkedAsProductionShowsTheBanner(FxRobot robot) throws Exception {
        waitForStatus(robot, "12 keys loaded");
        choose(robot, "Connection", "team-prod");
        waitForStatus(robot, "2 keys loaded");
        Label banner = robot.lookup(".production-banner").queryAs(Label.class);
        assertThat(banner.isVisible()).isFalse();

        choose(robot, "Connection", "Mark as production");

        assertThat(context.state().productionProperty().get()).isTrue();
        assertThat(banner.isVisible()).isTrue();
        assertThat(banner.getText()).isEqualTo("Production: changes you apply here go to team-prod · 111122223333 · "
                + "us-east-1. Review every change before you apply it.");
        Snapshots.save(stage.getScene(), "production-banner");

        choose(robot, "Connection", "Bundled backend (local)");
        waitForStatus(robot, "12 keys loaded");
        assertThat(context.state().productionProperty().get())
                .as("the bundled backend's made-up account ID takes no production mark by account").isFalse();
        assertThat(banner.isVisible()).isFalse();
    }

    private static CheckMenuItem throttleItem(FxRobot robot) {
        return menu(robot, "Connection").getItems().stream().filter(CheckMenuItem.class::isInstance)
                .map(CheckMenuItem.class::cast)
                .filter(item -> item.getText().replace("_", "").equals("Throttle the bundled backend like KMS"))
                .findFirst().orElseThrow();
    }

    @Test
    void theThrottleSwitchIsOfferedWhileTheBundledBackendIsTheConnectionAndIsRemembered(FxRobot robot)
            throws Exception {
        waitForStatus(robot, "12 keys loaded");
        assertThat(throttleItem(robot).isDisable()).isFalse();
        assertThat(throttleItem(robot).isSelected()).isFalse();

        choose(robot, "Connection", "Throttle the bundled backend like KMS");

        assertThat(throttleItem(robot).isSelected()).isTrue();
        assertThat(preferences.getBoolean(BundledBackendQuotas.THROTTLED, false)).isTrue();
        choose(robot, "Connection", "team-dev");
        waitForStatus(robot, "1 key loaded");
        assertThat(throttleItem(robot).isDisable()).as("a profile is not the bundled backend").isTrue();
        assertThat(throttleItem(robot).isSelected()).isTrue();

        choose(robot, "Connection", "Bundled backend (local)");
        waitForStatus(robot, "12 keys loaded");
        choose(robot, "Connection", "Throttle the bundled backend like KMS");
        assertThat(throttleItem(robot).isSelected()).isFalse();
        assertThat(preferences.getBoolean(BundledBackendQuotas.THROTTLED, true)).isFalse();
    }

    @Test
    void theNextStartOpensTheLastConnectionRegionThemeAndWindowSize(FxRobot robot) throws Exception {
        waitForStatus(robot, "12 keys loaded");
        choose(robot, "Connection", "team-dev");
        waitForStatus(robot, "1 key loaded");
        robot.interact(() -> {
            context.state().setTheme(Theme.DARK);
            stage.setWidth(1000);
            stage.setHeight(640);
            stage.close();
        });
        context.close();

        AppContext next = newContext();
        Stage[] nextStage = new Stage[1];
        robot.interact(() -> {
            nextStage[0] = new Stage();
            next.show(nextStage[0]);
        });

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> "KMS Tag Manager — team-dev · 111122223333 · eu-west-1"
                .equals(nextStage[0].getTitle()));
        assertThat(next.state().themeProperty().get()).isEqualTo(Theme.DARK);
        assertThat(nextStage[0].getWidth()).isEqualTo(1000);
        assertThat(nextStage[0].getHeight()).isEqualTo(640);
        robot.interact(() -> next.state().setTheme(Theme.LIGHT));
    }
}
