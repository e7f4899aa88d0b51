package dev.kmstags.ui.bulk;

import dev.kmstags.ui.common.FxmlViews;
import dev.kmstags.ui.common.LazyTreeItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.VBox;

/**
 * The content of the bulk review: where the calls go, the totals and calls, the quotas and the estimate, the tag policy
 * findings and the access that changes (each a line with its number of keys, opened to name them), each key's
 * changes (collapsed until opened), the keys not written and those left out, and on production the field for the
 * number of keys. Binds to a {@link BulkReviewViewModel}; the dialog around it owns the buttons.
 */
public final class BulkReviewView extends VBox {

    /** Room left beside a guardrail cell for the tree's scroll bar and borders. */
    private static final double CELL_WIDTH_SPARE = 24;

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
    private VBox policyBox;
    @FXML
    private Label policyTitle;
    @FXML
    private TreeView<GuardrailLine> policyTree;
    @FXML
    private Label policyStatus;
    @FXML
    private VBox accessBox;
    @FXML
    private Label accessTitle;
    @FXML
    private TreeView<GuardrailLine> accessTree;
    @FXML
    private Label accessStatus;
    @FXML
    private Label accessScope;
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

        showGuardrails(viewModel.guardrails());

        TreeItem<String> root = new TreeItem<>();
        List<TreeItem<String>> keys = new ArrayList<>();
        for (BulkReviewViewModel.KeyChanges key : viewModel.keyChanges()) {
            // A key's lines are made when it is first opened.
            keys.add(new LazyTreeItem<>(key.heading(), false,
                    () -> viewModel.linesOf(key.keyId()).stream().map(TreeItem::new).toList()));
        }
        // All at once: the tree handles one change of its children, not one per key.
        root.getChildren().setAll(keys);
        keysTree.setRoot(root);
        keysTree.setShowRoot(false);

        fill(notWrittenBox, viewModel.notWritten());
        fill(skippedBox, viewModel.skipped());
        show(notesScroll, notWrittenBox.isVisible() || skippedBox.isVisible());
        show(productionBox, viewModel.confirmationRequired());
        productionPrompt.setText(viewModel.confirmationPrompt());
        confirmationField.textProperty().bindBidirectional(viewModel.confirmationProperty());
    }

    /** A line of a guardrail tree: a finding with its number of keys, or one of its keys; a style class per kind. */
    private record GuardrailLine(String text, String styleClass) {
    }

    private void showGuardrails(BulkGuardrails guardrails) {
        show(policyBox, guardrails.policyShown());
        policyTitle.setText(guardrails.policyTitle());
        fillTree(policyTree, guardrails.policyGroups());
        text(policyStatus, guardrails.policyStatus());
        show(accessBox, guardrails.accessShown());
        accessTitle.setText(guardrails.accessTitle());
        fillTree(accessTree, guardrails.accessGroups());
        text(accessStatus, guardrails.accessStatus());
        text(accessScope, guardrails.accessScope());
    }

    private void fillTree(TreeView<GuardrailLine> tree, List<BulkGuardrails.Group> groups) {
        TreeItem<GuardrailLine> root = new TreeItem<>();
        for (BulkGuardrails.Group group : groups) {
            String kind = "guardrail-" + group.kind().name().toLowerCase(Locale.ROOT);
            TreeItem<GuardrailLine> item = new TreeItem<>(new GuardrailLine(viewModel.heading(group), kind));
            group.keys().forEach(key -> item.getChildren().add(new TreeItem<>(new GuardrailLine(key, "guardrail-key"))));
            root.getChildren().add(item);
        }
        tree.setRoot(root);
        tree.setShowRoot(false);
        tree.setCellFactory(view -> {
            GuardrailCell cell = new GuardrailCell();
            // Findings are sentences: a cell as wide as the tree wraps them instead of hiding their end.
            cell.prefWidthProperty().bind(view.widthProperty().subtract(CELL_WIDTH_SPARE));
            return cell;
        });
        tree.setVisible(!groups.isEmpty());
        tree.setManaged(!groups.isEmpty());
    }

    /** Shows a guardrail line with the style class of its kind. */
    private static final class GuardrailCell extends TreeCell<GuardrailLine> {

        private String styleClass;

        GuardrailCell() {
            setWrapText(true);
        }

        @Override
        protected void updateItem(GuardrailLine line, boolean empty) {
            super.updateItem(line, empty);
            if (styleClass != null) {
                getStyleClass().remove(styleClass);
                styleClass = null;
            }
            setText(empty || line == null ? null : line.text());
            if (!empty && line != null) {
                styleClass = line.styleClass();
                getStyleClass().add(styleClass);
            }
        }
    }

    private static void text(Label label, String text) {
        label.setText(text);
        label.setVisible(!text.isEmpty());
        label.setManaged(!text.isEmpty());
    }

    private void fill(VBox box, List<String> lines) {
        lines.forEach(text -> {
            Label line = new Label(text);
            line.setWrapText(true);
            line.getStyleClass().add("review-line");
            box.getChildren().add(line);
        });
        show(box, !lines.isEmpty());
    }

    /**
     * Shows {@code section}, or hides it; a section of this view not shown is left out of it altogether, so that the
     * review, which is made anew each time, does not style and lay out sections nobody sees (a tree view each).
     */
    private void show(Node section, boolean visible) {
        section.setVisible(visible);
        section.setManaged(visible);
        if (!visible && section.getParent() == this) {
            getChildren().remove(section);
        }
    }

    /** Puts the keyboard focus where the user acts first: the confirmation field on production. */
    public void focusFirstInput() {
        if (viewModel.confirmationRequired()) {
            confirmationField.requestFocus();
        }
    }
}
