package dev.kmstags.ui.bulk;

import dev.kmstags.ui.common.FxmlViews;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.VBox;

/**
 * The content of the bulk review: where the calls go, the totals and calls, the quotas and the estimate, each key's
 * changes (collapsed until opened), the keys not written and those left out, and on production the field for the
 * number of keys. Binds to a {@link BulkReviewViewModel}; the dialog around it owns the buttons.
 */
public final class BulkReviewView extends VBox {

    private final BulkReviewViewModel viewModel;

    @FXML
    private Label targetLabel;
    @FXML
    private Label totalsLabel;
    @FXML
    private Label callsLabel;
    @FXML
    private Label quotasLabel;
    @FXML
    private TextField tagQuotaField;
    @FXML
    private TextField untagQuotaField;
    @FXML
    private Label estimateLabel;
    @FXML
    private TreeView<String> keysTree;
    @FXML
    private ScrollPane notesScroll;
    @FXML
    private VBox notWrittenBox;
    @FXML
    private VBox skippedBox;
    @FXML
    private VBox productionBox;
    @FXML
    private Label productionPrompt;
    @FXML
    private TextField confirmationField;

    public BulkReviewView(BulkReviewViewModel viewModel, ResourceBundle resources) {
        this.viewModel = viewModel;
        FxmlViews.load(this, resources);
    }

    @FXML
    private void initialize() {
        targetLabel.setText(viewModel.target());
        totalsLabel.setText(viewModel.totalsText());
        callsLabel.setText(viewModel.callsText());
        quotasLabel.setText(viewModel.quotasLabel());
        tagQuotaField.textProperty().bindBidirectional(viewModel.tagQuotaProperty());
        untagQuotaField.textProperty().bindBidirectional(viewModel.untagQuotaProperty());
        estimateLabel.textProperty().bind(viewModel.estimateProperty());

        TreeItem<String> root = new TreeItem<>();
        List<TreeItem<String>> keys = new ArrayList<>();
        for (BulkReviewViewModel.KeyChanges key : viewModel.keyChanges()) {
            TreeItem<String> item = new TreeItem<>(key.heading());
            // A placeholder child makes the key openable; its lines are made when it is first opened.
            item.getChildren().add(new TreeItem<>(""));
            item.expandedProperty().addListener((observable, was, open) -> {
                if (open && item.getChildren().size() == 1 && item.getChildren().get(0).getValue().isEmpty()) {
                    item.getChildren().setAll(viewModel.linesOf(key.keyId()).stream().map(TreeItem::new).toList());
                }
            });
            keys.add(item);
        }
        // All at once: the tree handles one change of its children, not one per key.
        root.getChildren().setAll(keys);
        keysTree.setRoot(root);
        keysTree.setShowRoot(false);

        fill(notWrittenBox, viewModel.notWritten());
        fill(skippedBox, viewModel.skipped());
        notesScroll.setVisible(notWrittenBox.isVisible() || skippedBox.isVisible());
        notesScroll.setManaged(notesScroll.isVisible());
        show(productionBox, viewModel.confirmationRequired());
        productionPrompt.setText(viewModel.confirmationPrompt());
        confirmationField.textProperty().bindBidirectional(viewModel.confirmationProperty());
    }

    private static void fill(VBox box, List<String> lines) {
        lines.forEach(text -> {
            Label line = new Label(text);
            line.setWrapText(true);
            line.getStyleClass().add("review-line");
            box.getChildren().add(line);
        });
        show(box, !lines.isEmpty());
    }

    private static void show(VBox box, boolean visible) {
        box.setVisible(visible);
        box.setManaged(visible);
    }

    /** Puts the keyboard focus where the user acts first: the confirmation field on production. */
    public void focusFirstInput() {
        if (viewModel.confirmationRequired()) {
            confirmationField.requestFocus();
        }
    }
}
