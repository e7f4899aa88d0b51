package dev.kmstags.ui.bulkcommit;

import dev.kmstags.ui.common.FxmlViews;
import dev.kmstags.ui.common.Tone;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The bulk commit under the key list: while it runs a progress bar with keys done, the rate, the time left and
 * Cancel; once it ended, what happened to each key, with Open the conflict, Retry the failed keys and Close. Binds
 * to a {@link BulkCommitViewModel}; hidden while there is no commit to show.
 */
public final class BulkCommitView extends VBox {

    private final BulkCommitViewModel viewModel;

    @FXML
    private Label headlineLabel;
    @FXML
    private Button cancelButton;
    @FXML
    private Button openConflictButton;
    @FXML
    private Button retryButton;
    @FXML
    private Button dismissButton;
    @FXML
    private HBox progressRow;
    @FXML
    private ProgressBar progressBar;
    @FXML
    private Label doneLabel;
    @FXML
    private Label rateLabel;
    @FXML
    private Label remainingLabel;
    @FXML
    private Label summaryLabel;
    @FXML
    private TableView<KeyOutcome> outcomeTable;
    @FXML
    private TableColumn<KeyOutcome, String> keyColumn;
    @FXML
    private TableColumn<KeyOutcome, KeyOutcome> outcomeColumn;
    @FXML
    private TableColumn<KeyOutcome, String> detailColumn;

    public BulkCommitView(BulkCommitViewModel viewModel, ResourceBundle resources) {
        this.viewModel = viewModel;
        FxmlViews.load(this, resources);
    }

    @FXML
    private void initialize() {
        visibleProperty().bind(viewModel.shownProperty());
        managedProperty().bind(viewModel.shownProperty());
        headlineLabel.textProperty().bind(viewModel.headlineProperty());
        show(progressRow, viewModel.runningProperty().get());
        viewModel.runningProperty().addListener((observable, old, running) -> show(progressRow, running));
        progressBar.progressProperty().bind(viewModel.progressProperty());
        doneLabel.textProperty().bind(viewModel.doneTextProperty());
        rateLabel.textProperty().bind(viewModel.rateTextProperty());
        remainingLabel.textProperty().bind(viewModel.remainingTextProperty());
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        summaryLabel.visibleProperty().bind(viewModel.summaryProperty().isNotEmpty());
        summaryLabel.managedProperty().bind(summaryLabel.visibleProperty());

        cancelButton.visibleProperty().bind(viewModel.runningProperty());
        cancelButton.managedProperty().bind(viewModel.runningProperty());
        cancelButton.disableProperty().bind(viewModel.canCancelProperty().not());
        retryButton.textProperty().bind(viewModel.retryTextProperty());
        retryButton.visibleProperty().bind(viewModel.toRetryProperty().greaterThan(0));
        retryButton.managedProperty().bind(retryButton.visibleProperty());
        retryButton.disableProperty().bind(viewModel.canRetryProperty().not());
        dismissButton.visibleProperty().bind(viewModel.canDismissProperty());
        dismissButton.managedProperty().bind(viewModel.canDismissProperty());

        outcomeTable.setItems(viewModel.outcomes());
        outcomeTable.visibleProperty().bind(Bindings.isNotEmpty(viewModel.outcomes()));
        outcomeTable.managedProperty().bind(outcomeTable.visibleProperty());
        keyColumn.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().name()));
        outcomeColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        outcomeColumn.setCellFactory(column -> new OutcomeCell());
        detailColumn.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().detail()));
        detailColumn.setCellFactory(column -> new DetailCell());
        outcomeTable.setRowFactory(table -> {
            TableRow<KeyOutcome> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && !row.isEmpty()) {
                    viewModel.openConflict(row.getItem());
                }
            });
            return row;
        });
        openConflictButton.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> viewModel.outcomes().stream().anyMatch(o -> o.kind() == KeyOutcome.Kind.CONFLICT),
                viewModel.outcomes()));
        openConflictButton.managedProperty().bind(openConflictButton.visibleProperty());
        openConflictButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !viewModel.canOpenConflict(outcomeTable.getSelectionModel().getSelectedItem()),
                outcomeTable.getSelectionModel().selectedItemProperty(), viewModel.runningProperty()));
    }

    private static void show(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    @FXML
    private void cancel() {
        viewModel.cancel();
    }

    @FXML
    private void retry() {
        viewModel.retryFailed();
    }

    @FXML
    private void openConflict() {
        viewModel.openConflict(outcomeTable.getSelectionModel().getSelectedItem());
    }

    @FXML
    private void dismiss() {
        viewModel.dismiss();
    }

    /** The outcome as a badge in its tone. */
    private static final class OutcomeCell extends TableCell<KeyOutcome, KeyOutcome> {

        private final Label badge = new Label();

        OutcomeCell() {
            badge.getStyleClass().add("state-badge");
        }

        @Override
        protected void updateItem(KeyOutcome outcome, boolean empty) {
            super.updateItem(outcome, empty);
            if (empty || outcome == null) {
                setGraphic(null);
                return;
            }
            badge.setText(outcome.kindText());
            for (Tone tone : Tone.values()) {
                badge.pseudoClassStateChanged(PseudoClass.getPseudoClass(tone.pseudoClassName()),
                        tone == outcome.kind().tone());
            }
            setGraphic(badge);
        }
    }

    /** The detail, whole in a tooltip when the column cuts it short. */
    private static final class DetailCell extends TableCell<KeyOutcome, String> {

        @Override
        protected void updateItem(String detail, boolean empty) {
            super.updateItem(detail, empty);
            setText(empty ? null : detail);
            setTooltip(empty || detail == null ? null : new Tooltip(detail));
        }
    }
}
