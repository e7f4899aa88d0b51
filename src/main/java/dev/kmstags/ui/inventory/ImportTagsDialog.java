package dev.kmstags.ui.inventory;

import dev.kmstags.inventory.ExportFormat;
import dev.kmstags.inventory.ImportResult;
import dev.kmstags.ui.common.BaseDialog;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Shows what an imported file would change: its shape, the option that applies to it, the changes per key and the
 * rows that cannot be applied with their line numbers; or why nothing can be applied from it. "Review changes…"
 * answers with the plans, for the bulk review; Close applies nothing.
 */
public final class ImportTagsDialog extends BaseDialog<Optional<ImportResult>> {

    public ImportTagsDialog(ImportTagsViewModel model, ResourceBundle resources) {
        super(resources.getString("import.title"), "import-dialog");
        getDialogPane().setHeaderText(model.header());
        getDialogPane().setGraphic(headerIcon("fth-upload"));

        ProgressIndicator progress = new ProgressIndicator();
        progress.getStyleClass().add("import-progress");
        progress.visibleProperty().bind(model.readingProperty());
        progress.managedProperty().bind(model.readingProperty());
        Label summary = new Label();
        summary.getStyleClass().add("import-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        HBox status = new HBox(progress, summary);
        status.getStyleClass().add("import-status");

        Label readProblem = new Label();
        readProblem.getStyleClass().add("import-read-problem");
        readProblem.setWrapText(true);
        readProblem.textProperty().bind(model.readProblemProperty());
        readProblem.visibleProperty().bind(model.readProblemProperty().isNotEmpty());
        readProblem.managedProperty().bind(readProblem.visibleProperty());

        CheckBox emptyCellsRemove = new CheckBox(resources.getString("import.option.emptyCellsRemove"));
        emptyCellsRemove.getStyleClass().add("import-empty-cells-remove");
        emptyCellsRemove.selectedProperty().bindBidirectional(model.emptyCellsRemoveProperty());
        emptyCellsRemove.visibleProperty().bind(Bindings.equal(model.formatProperty(), ExportFormat.CSV));
        emptyCellsRemove.managedProperty().bind(emptyCellsRemove.visibleProperty());
        CheckBox onlyAdd = new CheckBox(resources.getString("import.option.onlyAdd"));
        onlyAdd.getStyleClass().add("import-only-add");
        onlyAdd.selectedProperty().bindBidirectional(model.onlyAddProperty());
        onlyAdd.visibleProperty().bind(model.formatProperty().isNotNull()
                .and(Bindings.notEqual(model.formatProperty(), ExportFormat.CSV)));
        onlyAdd.managedProperty().bind(onlyAdd.visibleProperty());

        ListView<String> changes = list(model.changes(), "import-changes");
        ListView<String> problems = list(model.problems(), "import-problems");
        Label changesTitle = section(resources.getString("import.changes"));
        Label problemsTitle = section(resources.getString("import.problems"));
        problemsTitle.visibleProperty().bind(Bindings.isNotEmpty(model.problems()));
        problemsTitle.managedProperty().bind(problemsTitle.visibleProperty());
        problems.visibleProperty().bind(problemsTitle.visibleProperty());
        problems.managedProperty().bind(problemsTitle.visibleProperty());
        VBox content = new VBox(status, readProblem, emptyCellsRemove, onlyAdd, changesTitle, changes,
                problemsTitle, problems);
        content.getStyleClass().add("import-content");
        VBox.setVgrow(changes, Priority.ALWAYS);
        getDialogPane().setContent(content);
        getDialogPane().setPrefSize(720, 560);
        setResizable(true);
        ButtonType review = new ButtonType(resources.getString("import.review"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(review, ButtonType.CLOSE);
        Node reviewButton = getDialogPane().lookupButton(review);
        reviewButton.getStyleClass().add("import-review");
        reviewButton.disableProperty().bind(model.hasChangesProperty().not());
        setResultConverter(button -> button == review ? model.toReview() : model.dismissed());
    }

    private static ListView<String> list(ObservableList<String> items, String styleClass) {
        ListView<String> list = new ListView<>(items);
        list.getStyleClass().add(styleClass);
        list.setPrefHeight(160);
        return list;
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("import-section");
        return label;
    }
}
