package dev.kmstags.app;

import static dev.kmstags.app.UiSteps.onFx;
import static dev.kmstags.app.UiSteps.text;
import static dev.kmstags.app.UiSteps.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.ui.keylist.KeyRowViewModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
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

/**
 * The guardrails in the bulk review of the real main window, on the bundled backend's demo account (its tag policy
 * and the IAM policies of its roles, read through the real SDK clients): a bulk change of Team, and an import.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BulkGuardrailsUiTest extends AppWindowUiTest {

    private static final long FIRST_LOAD_WAIT = 120;
    private static final String LOSS = "role/payments-app: kms:Decrypt allowed before, not after (policy"
            + " PaymentsKeyAccess, statement AllowByTeam: aws:ResourceTag/Team = payments) \u2014 1 key";

    @Start
    void start(Stage primaryStage) {
        open(primaryStage);
    }

    @Test
    void aBulkChangeOfTeamShowsTheRoleLosingDecryptAndThePolicyFindingsAndAsksOnceMore(FxRobot robot)
            throws Exception {
        waitForKeys(robot);
        robot.clickOn("Connection");
        robot.clickOn("Check access changes (IAM)");
        robot.clickOn(keyCell(robot, "alias/payments-prod"));
        waitUntil("payments-prod is open", () -> "alias/payments-prod".equals(text(robot, ".details-title")));
        robot.press(KeyCode.CONTROL).clickOn(keyCell(robot, "alias/orders-db")).release(KeyCode.CONTROL);
        waitUntil("the tags of the 2 keys show", () -> "Tags of 2 keys".equals(text(robot, ".bulk-title")));
        setTag(robot, "Team", "data");
        setTag(robot, "Environment", "prod");
        waitUntil("the steps are pending", () -> text(robot, ".bulk-summary").startsWith("2 pending changes"));

        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        Button apply = dialogButton(robot, "Apply");
        TreeCell<?> loss = treeCell(robot, ".bulk-review-access", LOSS);
        assertThat(loss.getStyleClass()).contains("guardrail-loss");
        assertThat(treeCell(robot, ".bulk-review-policy", "Environment = prod: the tag policy does not allow this"
                + " value. Allowed: production, staging, test, dev, shared. \u2014 2 keys").getStyleClass())
                .contains("guardrail-warning");
        assertThat(text(robot, ".bulk-review-access .review-access-scope"))
                .startsWith("Only the tag conditions of identity policies");
        Node review = robot.lookup(".bulk-review-view").query();
        Snapshots.save(review.getScene(), "bulk-review-guardrails");
        robot.doubleClickOn(treeCell(robot, ".bulk-review-access", LOSS));
        treeCell(robot, ".bulk-review-access", "alias/payments-prod");

        robot.clickOn(apply);
        Button removeAccess = dialogButton(robot, "Remove access and apply");
        assertThat(robot.lookup(".dialog-pane .header-panel .label").queryLabeled().getText())
                .isEqualTo("This change removes access to 1 key");
        assertThat(robot.lookup(".dialog-pane .content").queryLabeled().getText()).contains(LOSS);
        robot.clickOn(removeAccess);

        waitUntil("the commit reports the keys written and the delay", () -> text(robot, ".bulk-commit-headline")
                .equals("Done: 2 of 2 keys written. Authorization may take up to five minutes to follow the new"
                        + " tags."));
    }

    @Test
    void anImportWithAValueTheEnforcedPolicyRefusesShowsTheFindingAndKeepsApplyDisabled(FxRobot robot)
            throws Exception {
        waitForKeys(robot);
        List<KeyRowViewModel> rows = onFx(() -> List.copyOf(context.mainWindow().keyList().rows()));
        waitUntil("every key's tags are read", () -> onFx(() -> rows.stream().allMatch(row ->
                row.tagsProperty().get() != null || !row.readOnlyReasonText().isEmpty())));
        Path file = folder.resolve("kms-tags.csv");
        robot.interact(() -> context.dialogs().chooseFilesWith(choice -> Optional.of(file)));
        fileMenu(robot, "Export tags\u2026");
        robot.clickOn(dialogButton(robot, "Export\u2026"));
        robot.clickOn(dialogButton(robot, "OK"));
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int paymentsLine = lines.stream().filter(line -> line.contains("alias/payments-prod")).findFirst()
                .map(lines::indexOf).orElseThrow();
        assertThat(lines.get(paymentsLine)).containsOnlyOnce(",CC-1042");
        lines.set(paymentsLine, lines.get(paymentsLine).replace(",CC-1042", ",CC-9000"));
        Files.write(file, lines, StandardCharsets.UTF_8);

        fileMenu(robot, "Import tags\u2026");
        robot.clickOn(dialogButton(robot, "Review changes\u2026"));
        TreeCell<?> refused = treeCell(robot, ".bulk-review-policy", "CostCenter = CC-9000: the tag policy does"
                + " not allow this value. Allowed: CC-1*, CC-2*. AWS refuses this change: the policy is enforced for"
                + " KMS keys. \u2014 1 key");
        assertThat(refused.getStyleClass()).contains("guardrail-refused");
        Button apply = robot.lookup(".dialog-pane .button").match((Button b) -> "Apply".equals(b.getText()))
                .query();
        assertThat(apply.isDisabled()).as("AWS would refuse the change").isTrue();
    }

    private void waitForKeys(FxRobot robot) {
        try {
            WaitForAsyncUtils.waitFor(FIRST_LOAD_WAIT, TimeUnit.SECONDS,
                    () -> "12 keys loaded".equals(text(robot, ".status-text")));
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting until the keys are loaded: " + text(robot, ".status-text"), e);
        }
    }

    private static void setTag(FxRobot robot, String key, String value) {
        typeInto(robot, ".bulk-key-field", key);
        typeInto(robot, ".bulk-value-field", value);
        robot.clickOn(".bulk-set");
    }

    private static void typeInto(FxRobot robot, String query, String text) {
        TextField field = robot.lookup(query).match(NodeQueryUtils.isVisible()).queryAs(TextField.class);
        robot.clickOn(field);
        robot.interact(field::clear);
        robot.write(text);
    }

    private static TreeCell<?> treeCell(FxRobot robot, String section, String text) throws Exception {
        AtomicReference<TreeCell<?>> found = new AtomicReference<>();
        waitUntil(section + " shows " + text, () -> {
            treeCellNow(robot, section, text).ifPresent(found::set);
            return found.get() != null;
        });
        return found.get();
    }

    private static Optional<TreeCell<?>> treeCellNow(FxRobot robot, String section, String text) {
        // The review is laid out over several turns: a cell looked up may leave its scene before it is matched.
        return robot.lookup(section + " .tree-cell").match((TreeCell<?> cell) -> cell.getScene() != null
                        && text.equals(cell.getText())).match(NodeQueryUtils.isVisible()).tryQuery();
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

    /** Fires a File menu item without waiting for it: it shows dialogs that wait for the user. */
    private static void fileMenu(FxRobot robot, String text) {
        Menu file = robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().stream()
                .filter(menu -> menu.getText().replace("_", "").equals("File")).findFirst().orElseThrow();
        MenuItem item = file.getItems().stream().filter(i -> i.getText() != null
                && i.getText().replace("_", "").equals(text)).findFirst().orElseThrow();
        WaitForAsyncUtils.asyncFx(item::fire);
    }

    private static Button dialogButton(FxRobot robot, String text) throws Exception {
        AtomicReference<Button> found = new AtomicReference<>();
        waitUntil("the button " + text + " shows", () -> {
            robot.lookup(".dialog-pane .button").match(NodeQueryUtils.isVisible())
                    .match((Button b) -> text.equals(b.getText()) && !b.isDisabled()).tryQueryAs(Button.class)
                    .ifPresent(found::set);
            return found.get() != null;
        });
        return found.get();
    }
}
