package dev.kmstags.app;

import static dev.kmstags.app.UiSteps.DIALOG_BUTTON;
import static dev.kmstags.app.UiSteps.enabledButton;
import static dev.kmstags.app.UiSteps.fileMenu;
import static dev.kmstags.app.UiSteps.onFx;
import static dev.kmstags.app.UiSteps.text;
import static dev.kmstags.app.UiSteps.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.domain.Tag;
import dev.kmstags.ui.bulkcommit.KeyOutcome;
import dev.kmstags.ui.keylist.KeyRowViewModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * An exported file edited and imported again in the real main window, on the bundled backend's demo keys: File >
 * Export tags, one value changed in the file, File > Import tags, Review changes…, Apply; the bulk commit writes
 * the one key, and another SDK client sees the new value there and every other key as it was.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ImportReviewCommitUiTest extends AppWindowUiTest {

    @Start
    void start(Stage primaryStage) {
        open(primaryStage);
    }

    @Test
    void anEditedExportImportedReviewedAndAppliedChangesTheOneKeyInKmsAndLeavesTheOthers(FxRobot robot)
            throws Exception {
        List<KeyRowViewModel> rows = waitForEveryKeysTags(robot);
        List<String> taggable = rows.stream().filter(row -> row.readOnlyReasonText().isEmpty())
                .map(KeyRowViewModel::keyId).toList();
        Map<String, Map<String, String>> before = taggable.stream()
                .collect(Collectors.toMap(keyId -> keyId, this::kmsTags));
        String ordersDb = rows.stream().filter(row -> row.aliasesText().equals("alias/orders-db")).findFirst()
                .orElseThrow().keyId();
        assertThat(before.get(ordersDb)).containsEntry("Backup", "daily");
        exportAndEdit(robot, folder.resolve("kms-tags.csv"), "alias/orders-db", ",daily", ",hourly");

        fileMenu(robot, "Import tags\u2026");
        robot.clickOn(enabledButton(robot, DIALOG_BUTTON, "Review changes\u2026"));
        Button apply = enabledButton(robot, DIALOG_BUTTON, "Apply");
        assertThat(text(robot, ".bulk-review-totals"))
                .isEqualTo("1 key changes: 0 tags added, 1 overwritten, 0 removed, 0 renamed.");
        assertThat(text(robot, ".bulk-review-quotas-title")).isEqualTo("Account quotas (calls per second)");
        robot.clickOn(apply);

        waitUntil("the commit reports the key written", () -> text(robot, ".bulk-commit-headline")
                .equals("Done: 1 of 1 key written"));
        assertThat(onFx(() -> context.bulkCommit().outcomes().stream().map(KeyOutcome::name).toList()))
                .as("the result names the key as the key list does, though it was not selected")
                .containsExactly("alias/orders-db");
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
