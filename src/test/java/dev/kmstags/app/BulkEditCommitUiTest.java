package dev.kmstags.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.domain.Tag;
import dev.kmstags.kms.KmsClients;
import dev.kmstags.ui.bulk.BulkTagRow;
import dev.kmstags.ui.bulkcommit.KeyOutcome;
import dev.kmstags.ui.keylist.KeyRowViewModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
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
 * The bulk edit as a user does it in the real main window, end to end: Ctrl+A, set a tag, review, Apply, and the
 * bulk commit's panel reports the keys written; another SDK client sees the tag in KMS, and the key list shows it
 * without a load.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BulkEditCommitUiTest extends AppWindowUiTest {

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

    private static Node keyCell(FxRobot robot, String alias) throws Exception {
        waitUntil(alias + " is shown in its row", () -> keyCellNow(robot, alias).isPresent());
        return keyCellNow(robot, alias).orElseThrow();
    }

    private static Optional<Node> keyCellNow(FxRobot robot, String alias) {
        return robot.lookup(".key-table .table-cell").match(NodeQueryUtils.isVisible())
                .match((TableCell<KeyRowViewModel, ?> cell) -> alias.equals(cell.getText())
                        && cell.getIndex() >= 0 && cell.getIndex() < cell.getTableView().getItems().size()
                        && cell.getTableView().getItems().get(cell.getIndex()).aliasesText().equals(alias))
                .tryQuery();
    }

    private static void typeInto(FxRobot robot, String query, String text) {
        TextField field = robot.lookup(query).match(NodeQueryUtils.isVisible()).queryAs(TextField.class);
        robot.clickOn(field);
        robot.interact(field::clear);
        robot.write(text);
    }

    private static Button button(FxRobot robot, String query, String text) throws Exception {
        waitUntil("the button " + text + " shows", () -> robot.lookup(query).match(NodeQueryUtils.isVisible())
                .match((Button b) -> text.equals(b.getText()) && !b.isDisabled()).tryQuery().isPresent());
        return robot.lookup(query).match((Button b) -> text.equals(b.getText())).query();
    }

    @Test
    void ctrlASetATagReviewAndApplyWritesEveryTaggableKeyAndTheListShowsItWithoutALoad(FxRobot robot)
            throws Exception {
        try {
            WaitForAsyncUtils.waitFor(FIRST_LOAD_WAIT, TimeUnit.SECONDS,
                    () -> "12 keys loaded".equals(text(robot, ".status-text")));
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting until the keys are loaded: " + text(robot, ".status-text"), e);
        }
        List<KeyRowViewModel> rowsBefore = onFx(() -> List.copyOf(context.mainWindow().keyList().rows()));
        robot.clickOn(keyCell(robot, "alias/orders-db"));
        waitUntil("orders-db is open", () -> "alias/orders-db".equals(text(robot, ".details-title")));
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        waitUntil("the tags of the 9 keys that can be tagged show", () -> "Tags of 9 keys".equals(text(robot,
                ".bulk-title")));

        typeInto(robot, ".bulk-key-field", "CostCenter");
        typeInto(robot, ".bulk-value-field", "CC-3003");
        robot.clickOn(".bulk-set");
        waitUntil("the step is pending", () -> "1 pending change: 9 keys change".equals(text(robot,
                ".bulk-summary")));
        List<String> written = onFx(() -> List.copyOf(context.bulkEdit().plan().ready().keySet()));
        assertThat(written).hasSize(9);
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        robot.clickOn(button(robot, ".dialog-pane .button", "Apply"));

        waitUntil("the commit reports every key written", () -> text(robot, ".bulk-commit-headline")
                .equals("Done: 9 of 9 keys written"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, ".bulk-commit-summary")).isEqualTo("9 written");
        List<KeyOutcome> outcomes = onFx(() -> List.copyOf(robot.lookup(".bulk-commit-outcomes")
                .<KeyOutcome>queryTableView().getItems()));
        assertThat(outcomes).extracting(KeyOutcome::keyId).containsExactlyInAnyOrderElementsOf(written);
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.kind()).isEqualTo(KeyOutcome.Kind.APPLIED));
        written.forEach(keyId -> assertThat(kmsTags(keyId)).as(keyId).containsEntry("CostCenter", "CC-3003"));
        onFx(() -> {
            List<KeyRowViewModel> rowsAfter = List.copyOf(context.mainWindow().keyList().rows());
            assertThat(rowsAfter).as("the same rows: no load").containsExactlyElementsOf(rowsBefore);
            rowsAfter.stream().filter(row -> written.contains(row.keyId())).forEach(row ->
                    assertThat(row.tagsProperty().get()).as(row.aliasesText())
                            .contains(new Tag("CostCenter", "CC-3003")));
            return null;
        });
        waitUntil("Tags of 9 keys shows the tag on every key, with nothing pending", () -> onFx(() ->
                context.bulkEdit().rows().stream().anyMatch(row -> row.key().equals("CostCenter")
                        && row.onText().equals("on 9 of 9") && row.valueText().equals("CC-3003")
                        && row.change() == BulkTagRow.Change.NONE)));
        assertThat(text(robot, ".bulk-title")).isEqualTo("Tags of 9 keys");
    }
}
