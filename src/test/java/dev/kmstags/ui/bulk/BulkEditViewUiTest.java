package dev.kmstags.ui.bulk;

import static dev.kmstags.ui.common.TestKeys.MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.domain.KeyManager;
import dev.kmstags.profiles.MemoryPreferences;
import dev.kmstags.profiles.TagCallQuotaPreferences;
import dev.kmstags.ui.common.AppState;
import dev.kmstags.ui.common.ScriptedDialogs;
import dev.kmstags.ui.common.TestKeys;
import dev.kmstags.ui.common.TestTaskExecutor;
import java.util.List;
import java.util.Objects;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** "Tags of N keys" in a real, headless JavaFX scene as narrow as the main window gives it. */
@ExtendWith(ApplicationExtension.class)
class BulkEditViewUiTest {

    private final AppState state = new AppState();
    private BulkEditViewModel viewModel;

    @Start
    void start(Stage stage) {
        viewModel = new BulkEditViewModel(MESSAGES, new ScriptedDialogs(), state, new TestTaskExecutor(),
                new TagCallQuotaPreferences(MemoryPreferences.newRoot()), plan -> { });
        Scene scene = new Scene(new BulkEditView(viewModel, MESSAGES.bundle()), 420, 700);
        scene.getStylesheets().add(Objects.requireNonNull(getClass().getResource("/dev/kmstags/ui/app.css"))
                .toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private static FakeKeyEntry key(String id, String alias) {
        return new FakeKeyEntry(TestKeys.key(id, List.of("alias/" + alias), "", "Enabled", KeyManager.CUSTOMER));
    }

    @Test
    void aClashOfVariantsIsReadInFullWithoutScrollingSideways(FxRobot robot) {
        robot.interact(() -> {
            state.setSelectedKeys(List.of(
                    key("k1", "staging-database-of-the-orders-team").tagged("Environment", "staging", "env", "stg"),
                    key("k2", "orders").tagged("Environment", "production")));
            viewModel.mergeTargetProperty().set("Environment");
            viewModel.mergeVariantsProperty().set("env");
            viewModel.mergeVariants();
        });
        WaitForAsyncUtils.waitForFxEvents();

        ListView<?> list = robot.lookup(".bulk-problems-list").queryAs(ListView.class);
        Label problem = robot.lookup(".bulk-problems-list .bulk-problem").queryAs(Label.class);
        Bounds listBounds = list.localToScene(list.getLayoutBounds());
        Bounds problemBounds = problem.localToScene(problem.getLayoutBounds());
        assertThat(problemBounds.getMaxX()).as("the sentence ends inside the list").isLessThanOrEqualTo(
                listBounds.getMaxX());
        assertThat(problem.getHeight()).as("the sentence wraps onto more lines")
                .isGreaterThan(1.5 * problem.getFont().getSize() * 1.2);
        assertThat(robot.lookup(".bulk-problems-list .scroll-bar").queryAllAs(ScrollBar.class))
                .filteredOn(bar -> bar.getOrientation() == Orientation.HORIZONTAL)
                .allSatisfy(bar -> assertThat(bar.isVisible()).as("no sideways scroll bar").isFalse());
    }
}
