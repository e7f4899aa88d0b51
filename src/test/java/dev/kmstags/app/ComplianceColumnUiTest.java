package dev.kmstags.app;

import static dev.kmstags.app.UiSteps.onFx;
import static dev.kmstags.app.UiSteps.waitForKeys;
import static dev.kmstags.app.UiSteps.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.ui.keylist.KeyRowViewModel;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;

/**
 * The key list's Compliance column and the {@code !compliant} search in the real main window, on the bundled
 * backend's demo account, whose tag policy comes from its DescribeEffectivePolicy through the real SDK client.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ComplianceColumnUiTest extends AppWindowUiTest {

    @Start
    void start(Stage primaryStage) {
        open(primaryStage);
    }

    @Test
    void theColumnSaysWhetherEachKeyCompliesAndNotCompliantFindsThoseThatStray(FxRobot robot) throws Exception {
        waitForKeys(robot);
        TableCell<?, ?> ordersDb = complianceCell(robot, "alias/orders-db");
        waitUntil("orders-db is judged", () -> "Non-compliant".equals(ordersDb.getText()));
        assertThat(ordersDb.getPseudoClassStates().toString()).contains("non-compliant");
        assertThat(ordersDb.getTooltip().getText())
                .isEqualTo("The tag policy requires KMS keys to carry the tag Owner.");
        // Each key is judged once its tags are read, and they arrive key by key.
        TableCell<?, ?> paymentsProd = complianceCell(robot, "alias/payments-prod");
        waitUntil("payments-prod is judged", () -> "Compliant".equals(paymentsProd.getText()));

        TextField search = robot.lookup(".search-field").queryAs(TextField.class);
        robot.clickOn(search).write("!compliant");
        waitUntil("only the keys that stray show", () -> onFx(() -> context.mainWindow().keyList().visibleRows()
                .stream().noneMatch(row -> row.aliasesText().equals("alias/payments-prod"))));
        List<String> shown = onFx(() -> context.mainWindow().keyList().visibleRows().stream()
                .map(KeyRowViewModel::aliasesText).toList());
        assertThat(shown).contains("alias/orders-db").doesNotContain("alias/payments-prod");
        robot.interact(() -> search.setText(""));
        Snapshots.save(stage.getScene(), "key-list-compliance");
    }

    /** The Compliance cell of the row that shows {@code alias}. */
    private static TableCell<?, ?> complianceCell(FxRobot robot, String alias) throws Exception {
        AtomicReference<TableCell<?, ?>> found = new AtomicReference<>();
        waitUntil("the compliance of " + alias + " shows", () -> {
            robot.lookup(".key-table .compliance-cell").match(NodeQueryUtils.isVisible())
                    .match((TableCell<KeyRowViewModel, ?> cell) -> cell.getTableRow() != null
                            && cell.getTableRow().getItem() != null
                            && cell.getTableRow().getItem().aliasesText().equals(alias))
                    .tryQueryAs(TableCell.class).ifPresent(found::set);
            return found.get() != null;
        });
        return found.get();
    }
}
