package dev.kmstags.app;

import static dev.kmstags.app.UiSteps.DIALOG_BUTTON;
import static dev.kmstags.app.UiSteps.enabledButton;
import static dev.kmstags.app.UiSteps.fileMenu;
import static dev.kmstags.app.UiSteps.selectTwoKeysCheckingAccess;
import static dev.kmstags.app.UiSteps.text;
import static dev.kmstags.app.UiSteps.typeInto;
import static dev.kmstags.app.UiSteps.waitForKeys;
import static dev.kmstags.app.UiSteps.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Button;
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

/**
 * The guardrails in the bulk review of the real main window, on the bundled backend's demo account (its tag policy
 * and the IAM policies of its roles, read through the real SDK clients): a bulk change of Team, and an import.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BulkGuardrailsUiTest extends AppWindowUiTest {

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
        selectTwoKeysCheckingAccess(robot, "alias/payments-prod", "alias/orders-db");
        setTag(robot, "Team", "data");
        setTag(robot, "Environment", "prod");
        waitUntil("the steps are pending", () -> text(robot, ".bulk-summary").startsWith("2 pending changes"));

        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        Button apply = enabledButton(robot, DIALOG_BUTTON, "Apply");
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
        Button removeAccess = enabledButton(robot, DIALOG_BUTTON, "Remove access and apply");
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
        waitForEveryKeysTags(robot);
        exportAndEdit(robot, folder.resolve("kms-tags.csv"), "alias/payments-prod", ",CC-1042", ",CC-9000");

        fileMenu(robot, "Import tags\u2026");
        robot.clickOn(enabledButton(robot, DIALOG_BUTTON, "Review changes\u2026"));
        TreeCell<?> refused = treeCell(robot, ".bulk-review-policy", "CostCenter = CC-9000: the tag policy does"
                + " not allow this value. Allowed: CC-1*, CC-2*. AWS refuses this change: the policy is enforced for"
                + " KMS keys. \u2014 1 key");
        assertThat(refused.getStyleClass()).contains("guardrail-refused");
        Button apply = robot.lookup(".dialog-pane .button").match((Button b) -> "Apply".equals(b.getText()))
                .query();
        assertThat(apply.isDisabled()).as("AWS would refuse the change").isTrue();
    }

    private static void setTag(FxRobot robot, String key, String value) {
        typeInto(robot, ".bulk-key-field", key);
        typeInto(robot, ".bulk-value-field", value);
        robot.clickOn(".bulk-set");
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
}
