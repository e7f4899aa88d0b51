package dev.kmstags.ui.keylist;

import static dev.kmstags.ui.common.TestKeys.AWS_S3;
import static dev.kmstags.ui.common.TestKeys.DATES;
import static dev.kmstags.ui.common.TestKeys.MESSAGES;
import static dev.kmstags.ui.common.TestKeys.NO_ALIAS;
import static dev.kmstags.ui.common.TestKeys.PAYMENTS;
import static dev.kmstags.ui.common.TestKeys.REPORTING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.domain.KeySummary;
import dev.kmstags.domain.KeyTags;
import dev.kmstags.kms.KmsAccessException;
import dev.kmstags.kms.KmsProblem;
import dev.kmstags.ui.common.AppState;
import dev.kmstags.ui.common.KeyEntry;
import dev.kmstags.ui.common.TablePlaceholder;
import dev.kmstags.ui.common.TestTaskExecutor;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The key list in a real, headless JavaFX scene: how read-only keys are marked, and selecting several keys. */
@ExtendWith(ApplicationExtension.class)
class KeyListViewUiTest {

    private static final PseudoClass READ_ONLY = PseudoClass.getPseudoClass("read-only");
    private static final KeySummary REFUSED = KeySummary.undescribed("7777eeee-0000-4000-8000-000000000007",
            "arn:aws:kms:us-east-1:111122223333:key/7777eeee-0000-4000-8000-000000000007", List.of());

    private final AppState state = new AppState();
    private KeyListViewModel viewModel;

    @Start
    void start(Stage primaryStage) {
        // A stage of its own, so the primary stage keeps its size for the other UI tests.
        Stage stage = new Stage();
        // Work runs inline on the FX thread, which plays the UI thread.
        viewModel = new KeyListViewModel(new TestTaskExecutor(), MESSAGES, DATES, state);
        KeyListView view = new KeyListView(viewModel, MESSAGES.bundle());
        Scene scene = new Scene(view, 1100, 400);
        scene.getStylesheets().add(Objects.requireNonNull(
                getClass().getResource("/dev/kmstags/ui/app.css")).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    private TableRow<?> rowOf(FxRobot robot, String keyId) {
        Optional<TableRow> row = robot.lookup(".key-table .table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getItem() instanceof KeyRowViewModel key && key.keyId().equals(keyId))
                .findFirst();
        assertThat(row).as("a shown row for " + keyId).isPresent();
        return row.get();
    }

    /** Moves the pointer onto {@code node} from the window's top left, as a user would come to it. */
    private static void hover(FxRobot robot, Node node) {
        robot.moveTo(robot.lookup(".panel-title").queryAs(Node.class));
        robot.moveTo(node);
    }

    private static void assertShowing(Tooltip tooltip) {
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, tooltip::isShowing);
        } catch (TimeoutException e) {
            throw new AssertionError("the tooltip did not show within 5 s of hovering", e);
        }
    }

    private static Label stateBadge(TableRow<?> row) {
        return row.lookupAll(".state-badge").stream().map(Label.class::cast).findFirst().orElseThrow();
    }

    @Test
    void readOnlyKeysAreMarkedWithALockAndSayWhyOnHover(FxRobot robot) {
        robot.interact(() -> viewModel.load(listener -> {
            listener.accept(List.of(PAYMENTS, REPORTING, AWS_S3, REFUSED));
            listener.tagsArrived(List.of(KeyTags.denied(REPORTING.keyId()), KeyTags.read(PAYMENTS.keyId(),
                    List.of())));
            return 4;
        }));
        WaitForAsyncUtils.waitForFxEvents();

        TableRow<?> editable = rowOf(robot, PAYMENTS.keyId());
        assertThat(editable.getPseudoClassStates()).doesNotContain(READ_ONLY);
        assertThat(editable.getTooltip()).isNull();
        assertThat(stateBadge(editable).getContentDisplay()).isEqualTo(ContentDisplay.TEXT_ONLY);

        TableRow<?> awsManaged = rowOf(robot, AWS_S3.keyId());
        assertThat(awsManaged.getPseudoClassStates()).contains(READ_ONLY);
        assertThat(awsManaged.getTooltip().getText()).isEqualTo("AWS manages this key, so its tags cannot be changed.");
        assertThat(stateBadge(awsManaged).getContentDisplay()).isEqualTo(ContentDisplay.LEFT);

        TableRow<?> refused = rowOf(robot, REFUSED.keyId());
        assertThat(refused.getPseudoClassStates()).contains(READ_ONLY);
        assertThat(refused.getTooltip().getText()).contains("kms:DescribeKey");
        assertThat(stateBadge(refused).getText()).isEqualTo("No access");

        TableRow<?> tagsRefused = rowOf(robot, REPORTING.keyId());
        assertThat(tagsRefused.getPseudoClassStates()).contains(READ_ONLY);
        assertThat(tagsRefused.getTooltip().getText()).contains("kms:ListResourceTags");

        // Hovering the row shows the reason.
        hover(robot, robot.from(refused).lookup(".table-cell").nth(4).queryAs(Node.class));
        assertShowing(refused.getTooltip());
        robot.interact(() -> refused.getTooltip().hide());
    }

    private List<String> selectedKeyIds() {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(
                () -> state.selectedKeys().stream().map(KeyEntry::keyId).sorted().toList()));
    }

    private List<String> tableSelection(FxRobot robot) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> robot.lookup(".key-table")
                .queryAs(TableView.class).getSelectionModel().getSelectedItems().stream()
                .map(row -> ((KeyRowViewModel) row).keyId()).sorted().toList()));
    }

    private static List<String> sorted(KeySummary... keys) {
        return Stream.of(keys).map(KeySummary::keyId).sorted().toList();
    }

    @Test
    void ctrlAndShiftClicksSelectSeveralKeysOnceTheLeaveGuardsAgree(FxRobot robot) {
        robot.interact(() -> viewModel.load(listener -> {
            listener.accept(List.of(PAYMENTS, REPORTING, AWS_S3, NO_ALIAS));
            return 4;
        }));
        WaitForAsyncUtils.waitForFxEvents();
        int[] asked = {0};
        boolean[] allow = {true};
        state.addLeaveGuard(() -> {
            asked[0]++;
            return allow[0];
        });

        robot.clickOn(robot.from(rowOf(robot, PAYMENTS.keyId())).lookup(".table-cell").nth(1).queryAs(Node.class));
        robot.press(KeyCode.CONTROL).clickOn(robot.from(rowOf(robot, AWS_S3.keyId())).lookup(".table-cell").nth(1)
                .queryAs(Node.class)).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(selectedKeyIds()).isEqualTo(sorted(PAYMENTS, AWS_S3));
        assertThat(state.selectedKeyProperty().get()).as("no single key while two are selected").isNull();
        assertThat(asked[0]).isEqualTo(2);

        // Refused: a Ctrl+click or a Shift+click changes nothing, in the list as in the state.
        allow[0] = false;
        robot.press(KeyCode.CONTROL).clickOn(robot.from(rowOf(robot, REPORTING.keyId())).lookup(".table-cell").nth(1)
                .queryAs(Node.class)).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(asked[0]).isEqualTo(3);
        assertThat(selectedKeyIds()).isEqualTo(sorted(PAYMENTS, AWS_S3));
        assertThat(tableSelection(robot)).isEqualTo(sorted(PAYMENTS, AWS_S3));
        robot.press(KeyCode.SHIFT).clickOn(robot.from(rowOf(robot, NO_ALIAS.keyId())).lookup(".table-cell").nth(1)
                .queryAs(Node.class)).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(asked[0]).isEqualTo(4);
        assertThat(tableSelection(robot)).isEqualTo(sorted(PAYMENTS, AWS_S3));

        allow[0] = true;
        robot.press(KeyCode.SHIFT).clickOn(robot.from(rowOf(robot, NO_ALIAS.keyId())).lookup(".table-cell").nth(1)
                .queryAs(Node.class)).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selectedKeyIds()).hasSizeGreaterThan(1).isEqualTo(tableSelection(robot)).contains(NO_ALIAS.keyId());
    }

    @Test
    void aliasesKmsWouldNotListShowAsNotListedDimmed(FxRobot robot) {
        robot.interact(() -> viewModel.load(listener -> {
            listener.acceptBeforeAliases(List.of(PAYMENTS.withAliases(List.of())));
            listener.aliasesDenied();
            listener.accept(List.of(REPORTING.withAliases(List.of())));
            return 2;
        }));
        WaitForAsyncUtils.waitForFxEvents();

        for (KeySummary key : List.of(PAYMENTS, REPORTING)) {
            TableCell<?, ?> aliases = robot.from(rowOf(robot, key.keyId())).lookup(".table-cell").nth(0)
                    .queryAs(TableCell.class);
            assertThat(aliases.getText()).isEqualTo("Not listed");
            assertThat(aliases.getPseudoClassStates()).contains(PseudoClass.getPseudoClass("no-value"));
        }
    }

    @Test
    void aCellShowsItsWholeTextOnHover(FxRobot robot) {
        robot.interact(() -> viewModel.load(listener -> {
            listener.accept(List.of(PAYMENTS));
            return 1;
        }));
        WaitForAsyncUtils.waitForFxEvents();
        Node description = robot.from(rowOf(robot, PAYMENTS.keyId())).lookup(".table-cell").nth(3).queryAs(Node.class);

        hover(robot, description);

        Tooltip tooltip = ((TableCell<?, ?>) description).getTooltip();
        assertThat(tooltip).isNotNull();
        assertThat(tooltip.getText()).isEqualTo("Payments service: card data at rest");
        assertShowing(tooltip);
        robot.interact(tooltip::hide);
    }

    @Test
    void cellsPreparedBeforeTheWindowShowsAreEmptyThenShowTheFirstKeys(FxRobot robot) throws Exception {
        KeyListViewModel fresh = new KeyListViewModel(new TestTaskExecutor(), MESSAGES, DATES, new AppState());
        Set<TableRow<?>> prepared = new HashSet<>();
        AtomicReference<KeyListView> shown = new AtomicReference<>();
        robot.interact(() -> {
            Stage stage = new Stage();
            KeyListView view = new KeyListView(fresh, MESSAGES.bundle());
            shown.set(view);
            Scene scene = new Scene(view, 1100, 400);
            scene.getStylesheets().add(Objects.requireNonNull(
                    getClass().getResource("/dev/kmstags/ui/app.css")).toExternalForm());
            stage.setScene(scene);
            view.prepareCells();
            view.lookupAll(".table-row-cell").forEach(row -> prepared.add((TableRow<?>) row));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        KeyListView view = shown.get();

        // The rows of a 400-pixel table were made, and none of them shows a made-up key.
        assertThat(prepared).hasSizeGreaterThan(10);
        assertThat(fresh.rows()).isEmpty();
        assertThat(view.lookup(".key-table .placeholder").isVisible()).isTrue();
        assertThat(prepared).allSatisfy(row -> assertThat(row.isVisible() && row.getItem() != null).isFalse());
        // The made-up keys were selected too, but no key is selected: neither in the table nor for the app.
        assertThat(fresh.selectedKeys()).isEmpty();
        assertThat(((TableView<?>) view.lookup(".key-table")).getSelectionModel().getSelectedItems()).isEmpty();

        robot.interact(() -> fresh.load(listener -> {
            listener.accept(List.of(PAYMENTS, AWS_S3));
            return 2;
        }));
        WaitForAsyncUtils.waitForFxEvents();

        // Still sorted by alias, as the table was before: AWS's key comes first, though it arrived second.
        TableView<?> table = (TableView<?>) view.lookup(".key-table");
        assertThat(table.getSortOrder()).extracting(TableColumn::getText).containsExactly("Aliases");
        assertThat(table.getItems()).extracting(row -> ((KeyRowViewModel) row).keyId())
                .containsExactly(AWS_S3.keyId(), PAYMENTS.keyId());

        // The first keys are shown in the rows made before.
        TableRow<?> payments = prepared.stream()
                .filter(row -> row.getItem() instanceof KeyRowViewModel key && key.keyId().equals(PAYMENTS.keyId()))
                .findFirst().orElseThrow(() -> new AssertionError("no prepared row shows " + PAYMENTS.keyId()));
        assertThat(payments.isVisible()).isTrue();
        assertThat(payments.getPseudoClassStates()).doesNotContain(READ_ONLY);
        assertThat(robot.from(payments).lookup(".table-cell").queryAllAs(TableCell.class))
                .extracting(TableCell::getText)
                .contains("alias/payments-prod", PAYMENTS.keyId(), "Payments service: card data at rest");
        assertThat(view.lookupAll(".table-row-cell").stream().map(TableRow.class::cast)
                .filter(row -> row.isVisible() && row.getItem() != null)).hasSize(2);
        assertThat(view.lookup(".key-table .placeholder").isVisible()).isFalse();
    }

    @Test
    void afterAFailedLoadThePlaceholderSaysWhyAndItsButtonLoadsAgain(FxRobot robot) {
        int[] attempts = {0};
        robot.interact(() -> viewModel.load(listener -> {
            if (attempts[0]++ == 0) {
                throw new KmsAccessException(KmsProblem.ACCESS_DENIED, "Access denied: kms:ListKeys is not allowed.",
                        "kms:ListKeys", null);
            }
            listener.accept(List.of(PAYMENTS));
            return 1;
        }));
        WaitForAsyncUtils.waitForFxEvents();

        TablePlaceholder placeholder = robot.lookup(".key-table .table-placeholder").queryAs(TablePlaceholder.class);
        assertThat(placeholder.isVisible()).isTrue();
        assertThat(robot.from(placeholder).lookup(".placeholder-text").queryAs(Label.class).getText())
                .isEqualTo("Access denied: kms:ListKeys is not allowed.");
        assertThat(robot.from(placeholder).lookup(".placeholder-progress").queryAs(Node.class).isVisible())
                .isFalse();
        Button retry = robot.from(placeholder).lookup(".button").queryAs(Button.class);
        assertThat(retry.getText()).isEqualTo("Try again");
        assertThat(retry.isVisible()).isTrue();

        robot.clickOn(retry);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(attempts[0]).isEqualTo(2);
        assertThat(viewModel.rows()).hasSize(1);
        assertThat(rowOf(robot, PAYMENTS.keyId()).isVisible()).isTrue();
    }
}
