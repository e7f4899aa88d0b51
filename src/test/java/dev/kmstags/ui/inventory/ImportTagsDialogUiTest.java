package dev.kmstags.ui.inventory;

import static dev.kmstags.ui.common.TestKeys.MESSAGES;
import static dev.kmstags.ui.common.TestKeys.PAYMENTS;
import static dev.kmstags.ui.common.TestKeys.REPORTING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.domain.KeyTags;
import dev.kmstags.domain.Tag;
import dev.kmstags.inventory.InventoryEntry;
import dev.kmstags.ui.common.TestTaskExecutor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The import dialog in a real, headless JavaFX scene: the changes, the option of the file's shape, the problems. */
@ExtendWith(ApplicationExtension.class)
class ImportTagsDialogUiTest {

    @TempDir
    Path folder;

    private final AtomicReference<ImportTagsDialog> shown = new AtomicReference<>();

    @Start
    void start(Stage primaryStage) {
        // Each test shows its own dialog.
    }

    @AfterEach
    void close(FxRobot robot) throws Exception {
        if (shown.get() != null) {
            robot.interact(() -> shown.get().close());
        }
        FxToolkit.cleanupStages();
    }

    private void show(FxRobot robot, String content) throws Exception {
        Path file = folder.resolve("tags.csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        List<InventoryEntry> current = List.of(
                InventoryEntry.of(PAYMENTS, KeyTags.read(PAYMENTS.keyId(), List.of(new Tag("Team", "payments"),
                        new Tag("Owner", "ann")))),
                InventoryEntry.of(REPORTING, KeyTags.read(REPORTING.keyId(), List.of(new Tag("Team", "data")))));
        ImportTagsViewModel model = new ImportTagsViewModel(file, "test · 111122223333 · us-east-1",
                "111122223333", "us-east-1", current, MESSAGES);
        robot.interact(() -> {
            model.read(new TestTaskExecutor());
            ImportTagsDialog dialog = new ImportTagsDialog(model, MESSAGES.bundle());
            shown.set(dialog);
            dialog.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static List<String> items(FxRobot robot, String query) {
        return List.copyOf(robot.lookup(query).queryAs(ListView.class).getItems());
    }

    @Test
    void theChangesAndTheRowsThatCannotBeAppliedAreListedAndTheOptionOfTheShapeChangesThePlan(FxRobot robot)
            throws Exception {
        show(robot, "Aliases,Tag: Team,Tag: Owner\r\nalias/payments-prod,cards,\r\nalias/unknown,x,\r\n");

        assertThat(robot.lookup(".import-summary").queryAs(Label.class).getText())
                .startsWith("Changes to 1 of 1 key named: 0 tags to add, 1 to change, 0 to remove; 1 row");
        assertThat(items(robot, ".import-changes")).contains("~ Team = \u201cpayments\u201d \u2192 \u201ccards\u201d");
        assertThat(items(robot, ".import-problems")).singleElement().asString().startsWith("line 3: ");
        assertThat(robot.lookup(".import-only-add").queryAs(CheckBox.class).isVisible()).isFalse();
        assertThat(robot.lookup(".import-read-problem").queryAs(Label.class).isVisible()).isFalse();

        robot.clickOn(".import-empty-cells-remove");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(items(robot, ".import-changes")).contains("\u2212 Owner (was \u201cann\u201d)");
    }

    @Test
    void aFileThatCannotBeReadSaysWhereAndListsNothing(FxRobot robot) throws Exception {
        show(robot, "Aliases,Tag: Team\r\nalias/payments-prod,\"open\r\n");

        Label problem = robot.lookup(".import-read-problem").queryAs(Label.class);
        assertThat(problem.isVisible()).isTrue();
        assertThat(problem.getText()).startsWith("Nothing can be applied from this file: line 2: ");
        assertThat(items(robot, ".import-changes")).isEmpty();
        assertThat(robot.lookup(".import-empty-cells-remove").queryAs(CheckBox.class).isVisible()).isFalse();
    }
}
