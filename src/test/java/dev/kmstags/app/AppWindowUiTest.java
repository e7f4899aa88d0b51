package dev.kmstags.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.kms.KmsClients;
import dev.kmstags.local.BackendOptions;
import dev.kmstags.ui.common.KeyEntry;
import dev.kmstags.ui.common.Theme;
import dev.kmstags.ui.keylist.KeyRowViewModel;
import dev.kmstags.ui.main.MainWindowView;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * A UI test of the whole app: the main window, as the app shows it, on a bundled backend with a data file of its
 * own, closed after each test, and KMS as another user reads it; {@link UiSteps} has the steps such tests take in
 * it. TestFX looks for {@code @Start} only in the test class itself, so each test has a {@code @Start} method that
 * calls {@link #open(Stage)}.
 */
abstract class AppWindowUiTest {

    @TempDir
    Path folder;

    AppContext context;
    Stage stage;
    MainWindowView view;
    private KmsClient otherUser;

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
        if (otherUser != null) {
            otherUser.close();
        }
        // The theme is the application's user agent stylesheet, shared by every test in this JVM.
        FxToolkit.setupFixture(() -> context.state().setTheme(Theme.LIGHT));
        FxToolkit.cleanupStages();
        context.close();
    }

    /** A client of its own on the window's connection: another user of the same KMS. */
    KmsClient otherUser() {
        if (otherUser == null) {
            otherUser = KmsClients.create(context.connection());
        }
        return otherUser;
    }

    /** The tags KMS holds for {@code keyId}, as another user reads them. */
    Map<String, String> kmsTags(String keyId) {
        Map<String, String> tags = new LinkedHashMap<>();
        otherUser().listResourceTagsPaginator(b -> b.keyId(keyId)).tags()
                .forEach(t -> tags.put(t.tagKey(), t.tagValue()));
        return tags;
    }

    /** Waits until the demo keys are listed and every key's tags are read (or it cannot be tagged); its rows. */
    List<KeyRowViewModel> waitForEveryKeysTags(FxRobot robot) throws Exception {
        UiSteps.waitForKeys(robot);
        List<KeyRowViewModel> rows = UiSteps.onFx(() -> List.copyOf(context.mainWindow().keyList().rows()));
        UiSteps.waitUntil("every key's tags are read", () -> UiSteps.onFx(() -> rows.stream().allMatch(row ->
                row.tagsProperty().get() != null || !row.readOnlyReasonText().isEmpty())));
        return rows;
    }

    /**
     * File > Export tags… to {@code file}, then, as a user edits it in a spreadsheet, {@code from} replaced by
     * {@code to} in the row of {@code alias} (where {@code from} stands once).
     */
    void exportAndEdit(FxRobot robot, Path file, String alias, String from, String to) throws Exception {
        robot.interact(() -> context.dialogs().chooseFilesWith(choice -> Optional.of(file)));
        UiSteps.fileMenu(robot, "Export tags\u2026");
        robot.clickOn(UiSteps.enabledButton(robot, UiSteps.DIALOG_BUTTON, "Export\u2026"));
        robot.clickOn(UiSteps.enabledButton(robot, UiSteps.DIALOG_BUTTON, "OK"));
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int row = lines.stream().filter(line -> line.contains(alias)).findFirst().map(lines::indexOf).orElseThrow();
        assertThat(lines.get(row)).containsOnlyOnce(from);
        lines.set(row, lines.get(row).replace(from, to));
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /** The selected keys' names, sorted. */
    List<String> selectedAliases() {
        return UiSteps.onFx(() -> context.state().selectedKeys().stream().map(KeyEntry::displayName).sorted().toList());
    }
}
