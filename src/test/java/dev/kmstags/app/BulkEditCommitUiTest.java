package dev.kmstags.app;

import static dev.kmstags.app.UiSteps.DIALOG_BUTTON;
import static dev.kmstags.app.UiSteps.enabledButton;
import static dev.kmstags.app.UiSteps.keyCell;
import static dev.kmstags.app.UiSteps.onFx;
import static dev.kmstags.app.UiSteps.text;
import static dev.kmstags.app.UiSteps.typeInto;
import static dev.kmstags.app.UiSteps.waitForKeys;
import static dev.kmstags.app.UiSteps.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.domain.Tag;
import dev.kmstags.ui.bulk.BulkTagRow;
import dev.kmstags.ui.bulkcommit.KeyOutcome;
import dev.kmstags.ui.keylist.KeyRowViewModel;
import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The bulk edit as a user does it in the real main window, end to end: Ctrl+A, set a tag, review, Apply, and the
 * bulk commit's panel reports the keys written; another SDK client sees the tag in KMS, and the key list shows it
 * without a load.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BulkEditCommitUiTest extends AppWindowUiTest {

    @Start
    void start(Stage primaryStage) {
        open(primaryStage);
    }

    @Test
    void ctrlASetATagReviewAndApplyWritesEveryTaggableKeyAndTheListShowsItWithoutALoad(FxRobot robot)
            throws Exception {
        waitForKeys(robot);
        List<KeyRowViewModel> rowsBefore = onFx(() -> List.copyOf(context.mainWindow().keyList().rows()));
        robot.clickOn(keyCell(robot, "alias/orders-db"));
        waitUntil("orders-db is open", () -> "alias/orders-db".equals(text(robot, ".details-title")));
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        waitUntil("the tags of the 9 keys that can be tagged show", () -> "Tags of 9 keys".equals(text(robot,
                ".bulk-title")));

        typeInto(robot, ".bulk-key-field", "CostCenter");
        typeInto(robot, ".bulk-value-field", "CC-2003");
        robot.clickOn(".bulk-set");
        waitUntil("the step is pending", () -> "1 pending change: 9 keys change".equals(text(robot,
                ".bulk-summary")));
        List<String> written = onFx(() -> List.copyOf(context.bulkEdit().plan().ready().keySet()));
        assertThat(written).hasSize(9);
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        robot.clickOn(enabledButton(robot, DIALOG_BUTTON, "Apply"));

        waitUntil("the commit reports every key written", () -> text(robot, ".bulk-commit-headline")
                .equals("Done: 9 of 9 keys written"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, ".bulk-commit-summary")).isEqualTo("9 written");
        List<KeyOutcome> outcomes = onFx(() -> List.copyOf(robot.lookup(".bulk-commit-outcomes")
                .<KeyOutcome>queryTableView().getItems()));
        assertThat(outcomes).extracting(KeyOutcome::keyId).containsExactlyInAnyOrderElementsOf(written);
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.kind()).isEqualTo(KeyOutcome.Kind.APPLIED));
        written.forEach(keyId -> assertThat(kmsTags(keyId)).as(keyId).containsEntry("CostCenter", "CC-2003"));
        onFx(() -> {
            List<KeyRowViewModel> rowsAfter = List.copyOf(context.mainWindow().keyList().rows());
            assertThat(rowsAfter).as("the same rows: no load").containsExactlyElementsOf(rowsBefore);
            rowsAfter.stream().filter(row -> written.contains(row.keyId())).forEach(row ->
                    assertThat(row.tagsProperty().get()).as(row.aliasesText())
                            .contains(new Tag("CostCenter", "CC-2003")));
            return null;
        });
        waitUntil("Tags of 9 keys shows the tag on every key, with nothing pending", () -> onFx(() ->
                context.bulkEdit().rows().stream().anyMatch(row -> row.key().equals("CostCenter")
                        && row.onText().equals("on 9 of 9") && row.valueText().equals("CC-2003")
                        && row.change() == BulkTagRow.Change.NONE)));
        assertThat(text(robot, ".bulk-title")).isEqualTo("Tags of 9 keys");
    }
}
