package dev.kmstags.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.domain.Tag;
import dev.kmstags.kms.KmsClients;
import dev.kmstags.ui.keylist.KeyRowViewModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * An exported file edited and imported again in the real main window, on the bundled backend's demo keys: File >
 * Export tags, one value changed in the file, File > Import tags, Review changes…, Apply; the bulk commit writes
 * the one key, and another SDK client sees the new value there and every other key as it was.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ImportReviewCommitUiTest extends AppWindowUiTest {

    private static final long WAIT = 30;
    private static final long FIRST_LOAD_WAIT = 120;

    private KmsClient otherUser;

    @Start
    void start(Stage primaryStage) {
        open(primaryStage);
    }

    @AfterEach
    void closeOtherUser() {
        if (otherUser != null) {
            otherUser.close();
        }
    }

    private Map<String, String> kmsTags(String keyId) {
        if (otherUser == null) {
            otherUser = KmsClients.create(context.connection());
        }
        Map<String, String> tags = new LinkedHashMap<>();
        otherUser.listResourceTagsPaginator(b -> b.keyId(keyId)).tags()
                .forEach(t -> tags.put(t.tagKey(), t.tagValue()));
        return tags;
    }

    private static void waitUntil(String what, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting until " + what, e);
        }
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).match(NodeQueryUtils.isVisible()).tryQueryAs(Labeled.class)
                .map(Labeled::getText).orElse("");
    }

    private static <T> T onFx(Callable<T> action) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(action));
    }

    /** Fires a File menu item without waiting for it: it shows dialogs that wait for the user. */
    private static void fileMenu(FxRobot robot, String text) {
        Menu file = robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().stream()
                .filter(menu -> menu.getText().replace("_", "").equals("File")).findFirst().orElseThrow();
        MenuItem item = file.getItems().stream().filter(i -> i.getText() != null
                && i.getText().replace("_", "").equals(text)).findFirst().orElseThrow();
        WaitForAsyncUtils.asyncFx(item::fire);
    }

    private static Button dialogButton(FxRobot robot, String text) throws Exception {
        waitUntil("the button " + text + " shows", () -> robot.lookup(".dialog-pane .button")
                .match(NodeQueryUtils.isVisible()).match((Button b) -> text.equals(b.getText()) && !b.isDisabled())
                .tryQuery().isPresent());
        return robot.lookup(".dialog-pane .button").match(NodeQueryUtils.isVisible())
                .match((Button b) -> text.equals(b.getText())).query();
    }

    @Test
    void anEditedExportImportedReviewedAndAppliedChangesTheOneKeyInKmsAndLeavesTheOthers(FxRobot robot)
            throws Exception {
        try {
            WaitForAsyncUtils.waitFor(FIRST_LOAD_WAIT, TimeUnit.SECONDS,
                    () -> "12 keys loaded".equals(text(robot, ".status-text")));
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting until the keys are loaded: " + text(robot, ".status-text"), e);
        }
        List<KeyRowViewModel> rows = onFx(() -> List.copyOf(context.mainWindow().keyList().rows()));
        waitUntil("every key's tags are read", () -> onFx(() -> rows.stream().allMatch(row ->
                row.tagsProperty().get() != null || !row.readOnlyReasonText().isEmpty())));
        List<String> taggable = rows.stream().filter(row -> row.readOnlyReasonText().isEmpty())
                .map(KeyRowViewModel::keyId).toList();
        Map<String, Map<String, String>> before = taggable.stream()
                .collect(Collectors.toMap(keyId -> keyId, this::kmsTags));
        String ordersDb = rows.stream().filter(row -> row.aliasesText().equals("alias/orders-db")).findFirst()
                .orElseThrow().keyId();
        assertThat(before.get(ordersDb)).containsEntry("Backup", "daily");
        Path file = folder.resolve("kms-tags.csv");
        robot.interact(() -> context.dialogs().chooseFilesWith(choice -> Optional.of(file)));

        fileMenu(robot, "Export tags\u2026");
        robot.clickOn(dialogButton(robot, "Export\u2026"));
        robot.clickOn(dialogButton(robot, "OK"));
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int ordersLine = lines.stream().filter(line -> line.contains("alias/orders-db")).findFirst()
                .map(lines::indexOf).orElseThrow();
        assertThat(lines.get(ordersLine)).containsOnlyOnce(",daily");
        lines.set(ordersLine, lines.get(ordersLine).replace(",daily", ",hourly"));
        Files.write(file, lines, StandardCharsets.UTF_8);

        fileMenu(robot, "Import tags\u2026");
        robot.clickOn(dialogButton(robot, "Review changes\u2026"));
        Button apply = dialogButton(robot, "Apply");
        assertThat(text(robot, ".bulk-review-totals"))
                .isEqualTo("1 key changes: 0 tags added, 1 overwritten, 0 removed, 0 renamed.");
        robot.clickOn(apply);

        waitUntil("the commit reports the key written", () -> text(robot, ".bulk-commit-headline")
                .equals("Done: 1 of 1 key written"));
        Map<String, String> expected = new LinkedHashMap<>(before.get(ordersDb));
        expected.put("Backup", "hourly");
        assertThat(kmsTags(ordersDb)).isEqualTo(expected);
        taggable.stream().filter(keyId -> !keyId.equals(ordersDb))
                .forEach(keyId -> assertThat(kmsTags(keyId)).as(keyId).isEqualTo(before.get(keyId)));
        waitUntil("the key list shows the new value", () -> onFx(() -> rows.stream()
                .filter(row -> row.keyId().equals(ordersDb)).findFirst().orElseThrow().tagsProperty().get()
                .contains(new Tag("Backup", "hourly"))));
    }
}
