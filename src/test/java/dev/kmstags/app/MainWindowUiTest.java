package dev.kmstags.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.ui.common.Theme;
import dev.kmstags.ui.keylist.KeyRowViewModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real main window, built by the composition root, on the real bundled backend with its demo account, in a
 * headless JavaFX scene.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowUiTest extends AppWindowUiTest {

    @Start
    void start(Stage primaryStage) {
        open(primaryStage);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryLabeled().getText();
    }

    private static void waitForKeys(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> "12 keys loaded".equals(text(robot, ".status-text")));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> shownRows(robot).size() == 12);
    }

    /** The texts of each shown table row, keyed by its first cell (the aliases), read on the FX thread. */
    private static Map<String, List<String>> shownRows(FxRobot robot) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> readRows(robot)));
    }

    private static Map<String, List<String>> readRows(FxRobot robot) {
        return robot.lookup(".key-table .table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(row -> !row.isEmpty() && row.getItem() != null)
                .map(row -> {
                    List<String> texts = new ArrayList<>();
                    for (Node child : row.getChildrenUnmodifiable()) {
                        if (child instanceof TableCell<?, ?> cell) {
                            texts.add(cell.getGraphic() instanceof Label badge ? badge.getText() : cell.getText());
                        }
                    }
                    return texts;
                })
                .filter(texts -> !texts.isEmpty() && texts.get(0) != null)
                .collect(Collectors.toMap(texts -> texts.get(0), Function.identity()));
    }

    @Test
    void listsTheDemoKeysOfTheRegionWithAliasStateAndManager(FxRobot robot) throws Exception {
        waitForKeys(robot);

        assertThat(text(robot, ".connection-label")).isEqualTo("Bundled backend · 111122223333 · us-east-1");
        assertThat(stage.getTitle()).isEqualTo("KMS Tag Manager — Bundled backend · 111122223333 · us-east-1");
        Map<String, List<String>> rows = shownRows(robot);
        assertThat(rows).hasSize(12);
        // Columns: aliases, compliance, key ID, description, state, managed by, created.
        assertThat(rows.get("alias/payments-prod")).element(4).isEqualTo("Enabled");
        assertThat(rows.get("alias/payments-prod")).element(5).isEqualTo("Customer");
        assertThat(rows.get("alias/payments-prod")).element(3).isEqualTo("Payments service: card data at rest");
        assertThat(rows.get("alias/reporting-old")).element(4).isEqualTo("Disabled");
        assertThat(rows.get("alias/tmp-experiment")).element(4).isEqualTo("Pending deletion");
        assertThat(rows.get("alias/aws/s3")).element(5).isEqualTo("AWS");
        assertThat(rows.get("alias/aws/ebs")).element(5).isEqualTo("AWS");
        assertThat(rows.get("alias/build-cache, alias/ci-artifacts")).element(4).isEqualTo("Enabled");
        assertThat(rows).containsKey("No alias");
        assertThat(rows.get("alias/payments-prod").get(2)).matches("[0-9a-f-]{36}");
        assertThat(rows).doesNotContainKey("alias/payments-eu");
        // Sorted by alias, as the window opens.
        TableView<?> table = robot.lookup(".key-table").queryAs(TableView.class);
        assertThat(table.getSortOrder()).extracting(TableColumn::getText).containsExactly("Aliases");
        assertThat(table.getItems().stream().map(row -> ((KeyRowViewModel) row).aliasesText()).toList())
                .isSortedAccordingTo(KeyRowViewModel.ALIASES_ORDER);

        Snapshots.save(stage.getScene(), "main-window");
    }

    @Test
    void selectingAnAwsManagedKeyShowsItsDetailsAndWhyItsTagsAreReadOnly(FxRobot robot) throws Exception {
        waitForKeys(robot);

        robot.clickOn("alias/aws/s3");

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> "alias/aws/s3".equals(text(robot, ".details-title")));
        assertThat(text(robot, ".manager-badge")).isEqualTo("AWS");
        assertThat(text(robot, ".read-only-note")).isEqualTo("AWS manages this key, so its tags cannot be changed.");
        Snapshots.save(stage.getScene(), "main-window-selected");
    }

    @Test
    void aKeyPendingDeletionShowsWhenItIsDeleted(FxRobot robot) throws Exception {
        waitForKeys(robot);
        robot.clickOn("alias/tmp-experiment");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> "alias/tmp-experiment".equals(text(robot, ".details-title")));

        Label deletion = robot.lookup(".deletion-date").queryAs(Label.class);
        assertThat(deletion.isVisible()).isTrue();
        assertThat(deletion.getText()).matches("[A-Z][a-z]{2} \\d{1,2}, \\d{4}, .*");
        Snapshots.save(stage.getScene(), "main-window-pending-deletion");

        robot.clickOn("alias/orders-db");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "alias/orders-db".equals(text(robot, ".details-title")));
        assertThat(deletion.isVisible()).isFalse();
    }

    @Test
    void theCopyButtonPutsTheArnOnTheClipboardAndSaysCopied(FxRobot robot) throws Exception {
        waitForKeys(robot);
        robot.clickOn("alias/payments-prod");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> "alias/payments-prod".equals(text(robot, ".details-title")));
        javafx.scene.control.Button copyArn = robot.lookup(".copy-button.copy-arn")
                .queryAs(javafx.scene.control.Button.class);
        assertThat(copyArn.getText()).isEmpty();

        robot.clickOn(copyArn);

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "Copied".equals(copyArn.getText()));
        String arn = context.keyDetails().arnProperty().get();
        assertThat(arn).startsWith("arn:aws:kms:us-east-1:111122223333:key/");
        assertThat(WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(
                () -> javafx.scene.input.Clipboard.getSystemClipboard().getString()))).isEqualTo(arn);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> copyArn.getText().isEmpty());
    }

    @Test
    void filteringNarrowsTheListAndTheDarkThemeApplies(FxRobot robot) throws Exception {
        waitForKeys(robot);

        robot.clickOn(".search-field").write("payments");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> shownRows(robot).size() == 1);
        assertThat(text(robot, ".panel-count")).isEqualTo("1 of 12 keys");

        robot.interact(() -> context.state().setTheme(Theme.DARK));
        robot.clickOn("alias/payments-prod");
        WaitForAsyncUtils.waitForFxEvents();
        Snapshots.save(stage.getScene(), "main-window-dark");
    }
}
