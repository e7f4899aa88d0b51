package dev.kmstags.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.domain.Arns;
import dev.kmstags.kms.KmsClients;
import dev.kmstags.ui.bulkcommit.KeyOutcome;
import dev.kmstags.ui.keylist.KeyRowViewModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
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
 * A bulk edit while Region → All regions shows the demo keys of us-east-1 and eu-west-1, end to end in the real main
 * window: every key is written in its own region, which another SDK client of that region sees.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AllRegionsBulkCommitUiTest extends AppWindowUiTest {

    private static final long WAIT = 60;

    @Start
    void start(Stage primaryStage) {
        open(primaryStage);
    }

    private Map<String, String> tagsInItsRegion(String arn) {
        String region = Arns.region(arn).orElseThrow();
        try (KmsClient client = KmsClients.create(context.connection().withRegion(region))) {
            Map<String, String> tags = new LinkedHashMap<>();
            client.listResourceTagsPaginator(b -> b.keyId(arn)).tags()
                    .forEach(t -> tags.put(t.tagKey(), t.tagValue()));
            return tags;
        }
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
    void aBulkChangeInAllRegionsWritesEveryKeyInItsOwnRegion(FxRobot robot) throws Exception {
        waitUntil("the keys of us-east-1 are loaded", () -> "12 keys loaded".equals(text(robot, ".status-text")));
        onFx(() -> {
            context.connections().setRegionTicked("us-east-1", true);
            context.connections().setRegionTicked("eu-west-1", true);
            context.connections().selectAllRegions();
            return null;
        });
        waitUntil("the keys of both regions are loaded", () -> "17 keys loaded".equals(text(robot,
                ".status-text")));
        robot.clickOn(".key-table");
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        waitUntil("the tags of the 12 keys that can be tagged show", () -> "Tags of 12 keys".equals(text(robot,
                ".bulk-title")));
        List<String> euWest = onFx(() -> context.mainWindow().keyList().rows().stream()
                .map(KeyRowViewModel::arn).filter(arn -> arn.contains(":eu-west-1:")).toList());
        assertThat(euWest).hasSize(5);

        typeInto(robot, ".bulk-key-field", "CostCenter");
        typeInto(robot, ".bulk-value-field", "CC-2003");
        robot.clickOn(".bulk-set");
        waitUntil("the step is pending", () -> "1 pending change: 12 keys change".equals(text(robot,
                ".bulk-summary")));
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        robot.clickOn(button(robot, ".dialog-pane .button", "Apply"));

        waitUntil("the commit ends", () -> text(robot, ".bulk-commit-headline").startsWith("Done:"));
        WaitForAsyncUtils.waitForFxEvents();
        List<KeyOutcome> outcomes = onFx(() -> List.copyOf(robot.lookup(".bulk-commit-outcomes")
                .<KeyOutcome>queryTableView().getItems()));
        assertThat(outcomes).hasSize(12).allSatisfy(outcome -> assertThat(outcome.kind()).as(outcome.name())
                .isEqualTo(KeyOutcome.Kind.APPLIED));
        assertThat(text(robot, ".bulk-commit-headline")).isEqualTo("Done: 12 of 12 keys written");
        List<String> taggable = onFx(() -> context.mainWindow().keyList().rows().stream()
                .filter(row -> row.readOnlyReasonText().isEmpty()).map(KeyRowViewModel::arn).toList());
        assertThat(taggable).hasSize(12).anyMatch(arn -> arn.contains(":eu-west-1:"));
        taggable.forEach(arn -> assertThat(tagsInItsRegion(arn)).as(arn).containsEntry("CostCenter", "CC-2003"));
    }
}
