package dev.kmstags.ui.bulk;

import static dev.kmstags.ui.common.TestKeys.MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.domain.KeyManager;
import dev.kmstags.profiles.MemoryPreferences;
import dev.kmstags.profiles.TagCallQuotaPreferences;
import dev.kmstags.ui.common.AppState;
import dev.kmstags.ui.common.FxDialogService;
import dev.kmstags.ui.common.TestKeys;
import dev.kmstags.ui.common.TestTaskExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Getting "Tags of N keys" and its review ready in idle time, in a real, headless JavaFX scene with the app's dialog
 * service: nothing shows, nothing stays, and the keys the user selects afterwards show as they would have.
 */
@ExtendWith(ApplicationExtension.class)
class BulkEditPrepareUiTest {

    private final AppState state = new AppState();
    private final Preferences quotaPreferences = MemoryPreferences.newRoot();
    /** Each review dialog made, with the parts of its content as made. */
    private final List<BulkReviewDialog> reviews = new ArrayList<>();
    private final List<List<Node>> partsAsMade = new ArrayList<>();
    private Stage stage;
    private BulkEditView view;
    private BulkEditViewModel viewModel;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        FxDialogService dialogs = new FxDialogService(() -> stage, MESSAGES.bundle())
                .register(BulkReviewViewModel.class, BulkReviewView::new, (review, content, bundle) -> {
                    BulkReviewDialog dialog = new BulkReviewDialog(review, content, bundle);
                    reviews.add(dialog);
                    partsAsMade.add(List.copyOf(((Pane) dialog.getDialogPane().getContent()).getChildren()));
                    return dialog;
                });
        viewModel = new BulkEditViewModel(MESSAGES, dialogs, state, new TestTaskExecutor(),
                new TagCallQuotaPreferences(quotaPreferences), plan -> { });
        view = new BulkEditView(viewModel, MESSAGES.bundle());
        Scene scene = new Scene(view, 420, 700);
        scene.getStylesheets().add(Objects.requireNonNull(getClass().getResource("/dev/kmstags/ui/app.css"))
                .toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private void prepareAndWait(FxRobot robot) throws Exception {
        robot.interact(view::prepare);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !reviews.isEmpty()
                && reviews.get(0).getDialogPane().getHeight() > 0);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void preparingShowsNothingAndLeavesNothingBehind(FxRobot robot) throws Exception {
        prepareAndWait(robot);

        assertThat(reviews).as("one review made, for the made-up change").hasSize(1);
        BulkReviewDialog review = reviews.get(0);
        assertThat(review.isShowing()).isFalse();
        assertThat(Window.getWindows()).as("no window but the test's").containsExactly(stage);
        assertThat(((Pane) review.getDialogPane().getContent()).getChildren())
                .as("the review's content is whole again after being styled part by part")
                .containsExactlyElementsOf(partsAsMade.get(0));
        assertThat(quotaPreferences.keys()).as("no quota remembered").isEmpty();
        assertThat(state.selectedKeys()).isEmpty();
        assertThat(viewModel.activeProperty().get()).isFalse();
        assertThat(viewModel.rows()).isEmpty();
        assertThat(viewModel.steps()).isEmpty();
        assertThat(viewModel.canUndoProperty().get()).isFalse();
        TreeTableView<?> table = robot.lookup(".bulk-tag-table").queryAs(TreeTableView.class);
        assertThat(table.getRoot().getChildren()).as("no made-up line left in the table").isEmpty();
    }

    @Test
    void keysSelectedAfterwardsShowTheirOwnTags(FxRobot robot) throws Exception {
        prepareAndWait(robot);

        robot.interact(() -> state.setSelectedKeys(List.of(
                key("k1", "orders").tagged("Owner", "orders-team", "env", "prod"),
                key("k2", "billing").tagged("Owner", "billing-team"))));
        WaitForAsyncUtils.waitForFxEvents();

        TreeTableView<?> table = robot.lookup(".bulk-tag-table").queryAs(TreeTableView.class);
        assertThat(table.getRoot().getChildren()).hasSize(2);
        assertThat(table.getRoot().getChildren().stream().map(TreeItem::getValue).map(String::valueOf))
                .noneMatch(line -> line.contains("Sample"))
                .anyMatch(line -> line.contains("Owner"))
                .anyMatch(line -> line.contains("env"));
        assertThat(robot.lookup(".bulk-tag-table .tree-table-cell").queryAll())
                .as("no made-up text in any cell")
                .noneMatch(cell -> String.valueOf(((javafx.scene.control.Labeled) cell).getText()).contains("Sample"));
    }

    private static FakeKeyEntry key(String id, String alias) {
        return new FakeKeyEntry(TestKeys.key(id, List.of("alias/" + alias), "", "Enabled", KeyManager.CUSTOMER));
    }
}
