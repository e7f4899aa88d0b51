package dev.kmstags.ui.review;

import dev.kmstags.domain.access.AccessWords;
import dev.kmstags.ui.common.FxmlViews;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/**
 * The content of the review dialog: where the calls go, their changes by kind (and after a merge, which changes
 * of others stay or are undone), whose access the change alters, a "Tag policy" section when the connection has
 * one, the calls with their JSON bodies, what keeps Apply disabled, and on production the field where the user types
 * the key's alias. Binds to a {@link ReviewViewModel}; the dialog around it owns the buttons.
 */
public final class ReviewView extends VBox {

    private final ReviewViewModel viewModel;
    private final ResourceBundle resources;

    @FXML
    private Label targetLabel;
    @FXML
    private Label summaryLabel;
    @FXML
    private VBox changesBox;
    @FXML
    private VBox accessBox;
    @FXML
    private Label accessTitle;
    @FXML
    private VBox callsBox;
    @FXML
    private VBox problemsBox;
    @FXML
    private VBox productionBox;
    @FXML
    private Label productionPrompt;
    @FXML
    private TextField confirmationField;

    public ReviewView(ReviewViewModel viewModel, ResourceBundle resources) {
        this.viewModel = viewModel;
        this.resources = resources;
        FxmlViews.load(this, resources);
    }

    @FXML
    private void initialize() {
        targetLabel.setText(viewModel.target());
        summaryLabel.setText(viewModel.summary());
        section("review.undone", "undone", viewModel.undoneLines());
        section("review.added", "added", viewModel.addedLines());
        section("review.overwritten", "overwritten", viewModel.overwrittenLines());
        section("review.removed", "removed", viewModel.removedLines());
        section("review.renamed", "renamed", viewModel.renamedLines());
        section("review.kept", "kept", viewModel.keptLines());
        showAccess(viewModel.access());
        policySection();
        for (ReviewViewModel.Call call : viewModel.calls()) {
            Label operation = new Label(call.operation());
            operation.getStyleClass().add("review-operation");
            TextArea body = new TextArea(call.body());
            body.setEditable(false);
            body.setPrefRowCount((int) Math.min(14, call.body().lines().count()));
            body.getStyleClass().add("review-json");
            callsBox.getChildren().addAll(operation, body);
        }
        viewModel.problems().forEach(problem -> problemsBox.getChildren().add(line(problem, "review-problem")));
        show(problemsBox, !viewModel.problems().isEmpty());
        show(productionBox, viewModel.confirmationRequired());
        productionPrompt.setText(viewModel.confirmationPrompt());
        confirmationField.textProperty().bindBidirectional(viewModel.confirmationProperty());
    }

    private void section(String titleKey, String kind, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        Label title = new Label(resources.getString(titleKey));
        title.getStyleClass().addAll("review-section-title", kind);
        VBox section = new VBox(title);
        section.getStyleClass().addAll("review-section", kind);
        lines.forEach(text -> section.getChildren().add(line(text, "review-line")));
        changesBox.getChildren().add(section);
    }

    private void showAccess(AccessSection access) {
        show(accessBox, access.shown());
        accessTitle.setText(access.title());
        for (AccessWords.Line entry : access.lines()) {
            Label line = line(entry.text(), "review-access-line");
            line.getStyleClass().add(entry.kind().name().toLowerCase(Locale.ROOT));
            accessBox.getChildren().add(line);
        }
        if (!access.statusText().isEmpty()) {
            accessBox.getChildren().add(line(access.statusText(), "review-access-status"));
        }
        if (access.shown()) {
            accessBox.getChildren().add(line(access.scopeText(), "review-access-scope"));
        }
    }

    private void policySection() {
        if (viewModel.policyLines().isEmpty()) {
            return;
        }
        Label title = new Label(viewModel.policyTitle());
        title.getStyleClass().addAll("review-section-title", "policy");
        VBox section = new VBox(title);
        section.getStyleClass().addAll("review-section", "policy");
        for (ReviewViewModel.PolicyLine policyLine : viewModel.policyLines()) {
            Label label = line(policyLine.text(), "review-line");
            label.getStyleClass().add(policyLine.refused() ? "policy-refused" : "policy-warning");
            section.getChildren().add(label);
        }
        changesBox.getChildren().add(0, section);
    }

    private static Label line(String text, String styleClass) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add(styleClass);
        return label;
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
