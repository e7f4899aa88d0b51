package dev.kmstags.ui.bulk;

import dev.kmstags.ui.common.FxmlViews;
import dev.kmstags.ui.common.LazyTreeItem;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * "Tags of N keys": the keys left out, the table of tag keys over the selected keys with their pending changes
 * (a row with several values opens to show which keys have which), what keeps keys from being written, the pending
 * steps, and the forms that add a step. Binds to a {@link BulkEditViewModel}.
 */
public final class BulkEditView extends VBox {

    private static final List<PseudoClass> CHANGES = List.of(PseudoClass.getPseudoClass("added"),
            PseudoClass.getPseudoClass("changed"), PseudoClass.getPseudoClass("removed"));

    /** The size a table not laid out yet gets to make its cells: about what a window of the smallest size gives it. */
    private static final double PREPARED_WIDTH = 500;
    private static final double PREPARED_HEIGHT = 300;

    private final BulkEditViewModel viewModel;
    private final BulkEditCommands commands;

    @FXML
    private Label titleLabel;
    @FXML
    private Label readingLabel;
    @FXML
    private TitledPane skippedPane;
    @FXML
    private ListView<String> skippedList;
    @FXML
    private TreeTableView<Line> table;
    @FXML
    private TreeTableColumn<Line, String> keyColumn;
    @FXML
    private TreeTableColumn<Line, String> onColumn;
    @FXML
    private TreeTableColumn<Line, String> valueColumn;
    @FXML
    private TreeTableColumn<Line, String> pendingColumn;
    @FXML
    private TitledPane problemsPane;
    @FXML
    private ListView<BulkKeyProblem> problemsList;
    @FXML
    private TitledPane stepsPane;
    @FXML
    private ListView<String> stepsList;
    @FXML
    private TabPane operations;
    @FXML
    private TextField keyField;
    @FXML
    private TextField valueField;
    @FXML
    private TextField renameFromField;
    @FXML
    private TextField newKeyField;
    @FXML
    private TextField findField;
    @FXML
    private TextField replacementField;
    @FXML
    private CheckBox regexBox;
    @FXML
    private Label matchLabel;
    @FXML
    private TextField targetField;
    @FXML
    private TextField variantsField;
    @FXML
    private CheckBox anyCaseBox;
    @FXML
    private Label caseVariantsLabel;
    @FXML
    private Label inputProblemLabel;
    @FXML
    private Button setButton;
    @FXML
    private Button changeButton;
    @FXML
    private Button removeButton;
    @FXML
    private Button renameButton;
    @FXML
    private Button replaceButton;
    @FXML
    private Button mergeButton;
    @FXML
    private Button undoButton;
    @FXML
    private Button redoButton;
    @FXML
    private Label summaryLabel;
    @FXML
    private Button reviewButton;

    /** One line of the table: a tag key's row, or (under it) one of its values with the keys that have it. */
    private record Line(BulkTagRow row, String key, String on, String value, String pending) {
    }

    public BulkEditView(BulkEditViewModel viewModel, ResourceBundle resources) {
        this.viewModel = viewModel;
        this.commands = BulkEditCommands.of(viewModel);
        FxmlViews.load(this, resources);
    }

    @FXML
    private void initialize() {
        titleLabel.textProperty().bind(viewModel.titleProperty());
        readingLabel.textProperty().bind(viewModel.readingTextProperty());
        shownWhenNotEmpty(readingLabel);
        skippedPane.textProperty().bind(viewModel.skippedTitleProperty());
        skippedList.setItems(viewModel.skipped());
        skippedList.setCellFactory(list -> wrappingCell(text -> text));
        shownWhenNotEmpty(skippedPane);
        problemsPane.textProperty().bind(viewModel.problemsTitleProperty());
        problemsList.setItems(viewModel.problems());
        problemsList.setCellFactory(list -> new ProblemCell());
        shownWhenNotEmpty(problemsPane);
        stepsPane.textProperty().bind(viewModel.stepsTitleProperty());
        stepsList.setItems(viewModel.steps());
        stepsList.setCellFactory(list -> wrappingCell(text -> text));
        stepsPane.visibleProperty().bind(Bindings.isNotEmpty(viewModel.steps()));
        stepsPane.managedProperty().bind(stepsPane.visibleProperty());

        column(keyColumn, Line::key);
        column(onColumn, Line::on);
        column(valueColumn, Line::value);
        column(pendingColumn, Line::pending);
        table.setRoot(new TreeItem<>());
        table.setRowFactory(view -> new ChangeRow());
        showRows();
        viewModel.rows().addListener((ListChangeListener<BulkTagRow>) change -> showRows());
        table.getSelectionModel().selectedItemProperty().addListener((observable, old, item) ->
                viewModel.selectedRowProperty().set(item == null ? null : item.getValue().row()));

        keyField.textProperty().bindBidirectional(viewModel.tagKeyProperty());
        renameFromField.textProperty().bindBidirectional(viewModel.tagKeyProperty());
        valueField.textProperty().bindBidirectional(viewModel.tagValueProperty());
        newKeyField.textProperty().bindBidirectional(viewModel.newKeyProperty());
        findField.textProperty().bindBidirectional(viewModel.findProperty());
        replacementField.textProperty().bindBidirectional(viewModel.replacementProperty());
        regexBox.selectedProperty().bindBidirectional(viewModel.regexProperty());
        matchLabel.textProperty().bind(viewModel.matchTextProperty());
        targetField.textProperty().bindBidirectional(viewModel.mergeTargetProperty());
        variantsField.textProperty().bindBidirectional(viewModel.mergeVariantsProperty());
        anyCaseBox.selectedProperty().bindBidirectional(viewModel.mergeAnyCaseProperty());
        caseVariantsLabel.textProperty().bind(viewModel.caseVariantsTextProperty());
        inputProblemLabel.textProperty().bind(viewModel.inputProblemProperty());
        Tooltip inputProblem = new Tooltip();
        inputProblem.textProperty().bind(viewModel.inputProblemProperty());
        inputProblemLabel.setTooltip(inputProblem);
        Tooltip caseVariants = new Tooltip();
        caseVariants.textProperty().bind(viewModel.caseVariantsTextProperty());
        caseVariantsLabel.setTooltip(caseVariants);

        setButton.disableProperty().bind(viewModel.canSetProperty().not());
        changeButton.disableProperty().bind(viewModel.canChangeProperty().not());
        removeButton.disableProperty().bind(viewModel.canRemoveProperty().not());
        renameButton.disableProperty().bind(viewModel.canRenameProperty().not());
        replaceButton.disableProperty().bind(viewModel.canReplaceProperty().not());
        mergeButton.disableProperty().bind(viewModel.canMergeProperty().not());
        undoButton.disableProperty().bind(viewModel.canUndoProperty().not());
        redoButton.disableProperty().bind(viewModel.canRedoProperty().not());
        reviewButton.disableProperty().bind(viewModel.canReviewProperty().not());
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
    }

    private static void shownWhenNotEmpty(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    private static void shownWhenNotEmpty(TitledPane pane) {
        pane.visibleProperty().bind(pane.textProperty().isNotEmpty());
        pane.managedProperty().bind(pane.visibleProperty());
    }

    private static void column(TreeTableColumn<Line, String> column, Function<Line, String> text) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue().getValue())));
        column.setCellFactory(c -> new TreeTableCell<>() {
            private final Tooltip tooltip = new Tooltip();

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                tooltip.setText(item);
                setTooltip(empty || item == null || item.isEmpty() ? null : tooltip);
            }
        });
    }

    /**
     * Gets "Tags of N keys" ready in the JavaFX thread's idle time, so that the first time the user selects several
     * keys does not load, make and style what it shows while they wait: first the table's cells, then (in later
     * turns) the planning and the review; nothing once its window closed. Nothing shows or stays: see
     * {@link #prepareCells()} and {@link BulkEditViewModel#prepare()}.
     */
    public void prepare() {
        Platform.runLater(() -> {
            if (inShowingWindow()) {
                prepareCells();
                Platform.runLater(() -> {
                    if (inShowingWindow()) {
                        viewModel.prepare();
                    }
                });
            }
        });
    }

    /** Whether this panel's window still shows: once it closed the app is closing, and nothing is made ready. */
    private boolean inShowingWindow() {
        return getScene() != null && getScene().getWindow() != null && getScene().getWindow().isShowing();
    }

    /**
     * Makes the table's rows and cells for made-up lines of every kind of change, styled and laid out, then empties it
     * again. All within one turn of the JavaFX thread, so the made-up lines are never drawn; the cells stay for the
     * real lines to use. A table that shows lines already has its cells and is left as it is. A table not laid out
     * yet (hidden while one key is selected) is given a size for it, which its parent's next layout replaces.
     */
    void prepareCells() {
        if (!table.getRoot().getChildren().isEmpty()) {
            return;
        }
        List<TreeItem<Line>> samples = new ArrayList<>();
        for (BulkTagRow.Change change : BulkTagRow.Change.values()) {
            String text = "Sample-" + change.name();
            BulkTagRow row = new BulkTagRow(text, text, text, BulkTagRow.ValuesOnKeys.later(() ->
                    List.of(new BulkTagRow.ValueOnKeys(text, text))), change, text);
            TreeItem<Line> item = tagKeyItem(row);
            item.setExpanded(true);
            samples.add(item);
        }
        table.getRoot().getChildren().setAll(samples);
        if (table.getWidth() <= 0 || table.getHeight() <= 0) {
            table.resize(PREPARED_WIDTH, PREPARED_HEIGHT);
        }
        table.applyCss();
        table.layout();
        table.getRoot().getChildren().clear();
        table.layout();
    }

    /**
     * Shows the ViewModel's rows, keeping open the tag keys the user opened and selected the tag key the user chose:
     * a step moves the tag keys it changes to the top, and the table, left to itself, would select whatever row came
     * into the chosen one's place (and put its tag key into the fields) or none. The chosen row is scrolled into view.
     */
    private void showRows() {
        List<String> open = table.getRoot().getChildren().stream().filter(TreeItem::isExpanded)
                .map(item -> item.getValue().key()).toList();
        TreeItem<Line> selected = table.getSelectionModel().getSelectedItem();
        String chosen = selected == null ? null : selected.getValue().row().key();
        table.getSelectionModel().clearSelection();
        List<TreeItem<Line>> items = viewModel.rows().stream().map(row -> {
            TreeItem<Line> item = tagKeyItem(row);
            item.setExpanded(open.contains(row.key()));
            return item;
        }).toList();
        table.getRoot().getChildren().setAll(items);
        items.stream().filter(item -> item.getValue().key().equals(chosen)).findFirst()
                .ifPresent(item -> {
                    table.getSelectionModel().select(item);
                    table.scrollTo(table.getRow(item));
                });
    }

    /**
     * A tag key's line, whose lines of values (one per value, with the keys that have it) are made when it is first
     * opened: a tag key may have another value on each of 1,000 selected keys.
     */
    private static TreeItem<Line> tagKeyItem(BulkTagRow row) {
        return new LazyTreeItem<>(new Line(row, row.key(), row.onText(), row.valueText(), row.pendingText()),
                !row.values().any(), () -> row.values().list().stream().map(value -> new TreeItem<>(
                        new Line(row, "", "", value.valueText(), value.keyNames()))).toList());
    }

    /** A cell as wide as its list, whose long text wraps instead of scrolling sideways. */
    private static <T> ListCell<T> wrappingCell(Function<T, String> text) {
        return new ListCell<>() {
            // One tooltip per cell: a tooltip is a window of its own, too slow to make for every item shown.
            private final Tooltip tooltip = new Tooltip();

            {
                setWrapText(true);
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                String shown = empty || item == null ? null : text.apply(item);
                setText(shown);
                tooltip.setText(shown);
                setTooltip(shown == null ? null : tooltip);
            }
        };
    }

    /** A row coloured by the pending change of its tag key. */
    private static final class ChangeRow extends TreeTableRow<Line> {
        @Override
        protected void updateItem(Line line, boolean empty) {
            super.updateItem(line, empty);
            BulkTagRow.Change change = empty || line == null || !line.key().equals(line.row().key())
                    ? BulkTagRow.Change.NONE : line.row().change();
            for (int i = 0; i < CHANGES.size(); i++) {
                pseudoClassStateChanged(CHANGES.get(i), change.ordinal() == i + 1);
            }
        }
    }

    /** A key's problem; clashing variants offer a button per value to keep. */
    private final class ProblemCell extends ListCell<BulkKeyProblem> {
        {
            // As wide as the list, whatever its content asks for: the sentence wraps instead.
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(BulkKeyProblem problem, boolean empty) {
            super.updateItem(problem, empty);
            if (empty || problem == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label text = new Label(problem.text());
            text.setWrapText(true);
            text.getStyleClass().add("bulk-problem");
            text.setMaxWidth(Double.MAX_VALUE);
            text.prefWidthProperty().bind(getListView().widthProperty().subtract(28));
            if (problem.choices().isEmpty()) {
                setGraphic(text);
            } else {
                FlowPane choices = new FlowPane();
                choices.getStyleClass().add("bulk-choices");
                for (String value : problem.choices()) {
                    Button choose = new Button(viewModel.choiceText(value));
                    choose.getStyleClass().add("bulk-choose");
                    choose.setOnAction(event -> viewModel.chooseVariantValue(problem, value));
                    choices.getChildren().add(choose);
                }
                setGraphic(new VBox(4, text, choices));
            }
            setText(null);
        }
    }

    /** The commands of the Edit menu that act on the bulk edit. */
    public BulkEditCommands commands() {
        return commands;
    }

    @FXML
    private void setTag() {
        viewModel.setTag();
    }

    @FXML
    private void changeValue() {
        viewModel.changeValue();
    }

    @FXML
    private void removeTag() {
        viewModel.removeTag();
    }

    @FXML
    private void renameTag() {
        viewModel.renameTag();
    }

    @FXML
    private void replaceInValues() {
        viewModel.replaceInValues();
    }

    @FXML
    private void mergeVariants() {
        viewModel.mergeVariants();
    }

    @FXML
    private void undo() {
        viewModel.undo();
    }

    @FXML
    private void redo() {
        viewModel.redo();
    }

    @FXML
    private void review() {
        viewModel.review();
    }
}
