package dev.kmstags.ui.keylist;

import dev.kmstags.ui.common.Action;
import dev.kmstags.ui.common.FxmlViews;
import dev.kmstags.ui.common.KeyEntry;
import dev.kmstags.ui.common.TablePlaceholder;
import dev.kmstags.ui.common.Tone;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The table of keys with its header (title, count, filter, refresh). Binds to a {@link KeyListViewModel}; the table
 * is virtualised, and its rows follow the ViewModel's sorted list. Several keys can be selected (Ctrl and Shift).
 */
public final class KeyListView extends VBox {

    private static final PseudoClass READ_ONLY = PseudoClass.getPseudoClass("read-only");
    private static final PseudoClass NO_VALUE = PseudoClass.getPseudoClass("no-value");
    /** AtlantaFX's state of a text field whose text is wrong: a red border. */
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("danger");
    /** Rows to lay the table out with before keys arrive: more than fit in a window of 1920 x 1080. */
    private static final int SAMPLE_ROWS = 60;
    /** Where JavaFX's table behaviour keeps the row a Shift+click selects from. */
    private static final String TABLE_ANCHOR = "anchor";

    private final KeyListViewModel viewModel;
    private final ResourceBundle resources;
    /** Whether the table is being made to show the ViewModel's selection, so its changes are not the user's. */
    private boolean showingSelection;
    /** Whether the user's selection is to be handed to the ViewModel once the table has finished changing it. */
    private boolean selectionPending;

    @FXML
    private Label countLabel;
    @FXML
    private TextField searchField;
    @FXML
    private Button clearSearchButton;
    @FXML
    private Label searchProblemLabel;
    @FXML
    private Label regionSummaryLabel;
    @FXML
    private MenuButton tagColumnsButton;
    @FXML
    private Button selectAllButton;
    @FXML
    private Button refreshButton;
    @FXML
    private TableView<KeyRowViewModel> table;
    @FXML
    private TableColumn<KeyRowViewModel, String> aliasesColumn;
    @FXML
    private TableColumn<KeyRowViewModel, String> keyIdColumn;
    @FXML
    private TableColumn<KeyRowViewModel, String> descriptionColumn;
    @FXML
    private TableColumn<KeyRowViewModel, KeyRowViewModel> stateColumn;
    @FXML
    private TableColumn<KeyRowViewModel, Compliance> complianceColumn;
    @FXML
    private TableColumn<KeyRowViewModel, String> managerColumn;
    @FXML
    private TableColumn<KeyRowViewModel, Instant> createdColumn;
    @FXML
    private TablePlaceholder placeholder;

    public KeyListView(KeyListViewModel viewModel, ResourceBundle resources) {
        this.viewModel = viewModel;
        this.resources = resources;
        FxmlViews.load(this, resources);
    }

    @FXML
    private void initialize() {
        countLabel.textProperty().bind(viewModel.countTextProperty());
        searchField.textProperty().bindBidirectional(viewModel.searchTextProperty());
        searchField.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE && !searchField.getText().isEmpty()) {
                viewModel.clearSearch();
                event.consume();
            }
        });
        clearSearchButton.visibleProperty().bind(searchField.textProperty().isNotEmpty());
        searchProblemLabel.textProperty().bind(viewModel.searchProblemProperty());
        searchProblemLabel.visibleProperty().bind(viewModel.searchProblemProperty().isNotEmpty());
        searchProblemLabel.managedProperty().bind(searchProblemLabel.visibleProperty());
        searchField.pseudoClassStateChanged(INVALID, !viewModel.searchProblemProperty().get().isEmpty());
        viewModel.searchProblemProperty().addListener(
                (observable, old, problem) -> searchField.pseudoClassStateChanged(INVALID, !problem.isEmpty()));
        refreshButton.disableProperty().bind(viewModel.canRefreshProperty().not());
        selectAllButton.disableProperty().bind(Bindings.isEmpty(viewModel.sortedRows()));

        placeholder.bind(viewModel.placeholderTextProperty(), viewModel.busyProperty(), viewModel.canRetryProperty());

        aliasesColumn.setCellValueFactory(cell -> cell.getValue().aliasesTextProperty());
        aliasesColumn.setCellFactory(column -> new TextCell(KeyRowViewModel::noAliasesText,
                resources.getString("keyList.aliasesLoading")));
        aliasesColumn.setComparator(KeyRowViewModel.ALIASES_ORDER);
        keyIdColumn.setCellValueFactory(cell -> constant(cell.getValue().keyId()));
        descriptionColumn.setCellValueFactory(cell -> constant(cell.getValue().description()));
        descriptionColumn.setCellFactory(column -> new TextCell(row -> "", ""));
        stateColumn.setCellValueFactory(cell -> constant(cell.getValue()));
        stateColumn.setCellFactory(column -> new StateCell());
        stateColumn.setComparator(Comparator.comparing(KeyRowViewModel::stateText));
        complianceColumn.setCellValueFactory(cell -> cell.getValue().complianceProperty());
        complianceColumn.setCellFactory(column -> new ComplianceCell());
        managerColumn.setCellValueFactory(cell -> constant(cell.getValue().managerText()));
        createdColumn.setCellValueFactory(cell -> constant(cell.getValue().created()));
        createdColumn.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(Instant created, boolean empty) {
                super.updateItem(created, empty);
                KeyRowViewModel row = empty ? null : getTableRow().getItem();
                setText(row == null ? null : row.createdDateText());
            }
        });
        createdColumn.setComparator(KeyRowViewModel.CREATED_ORDER);

        table.setRowFactory(view -> new KeyRow());

        // The ViewModel's sorted list follows the table's comparator and sorts by itself, also when aliases arrive.
        table.setSortPolicy(view -> true);
        viewModel.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(viewModel.sortedRows());
        table.getSortOrder().add(aliasesColumn);
        new TagColumnsView(table, aliasesColumn, tagColumnsButton, viewModel.tagColumns(), resources);
        new RegionsView(table, regionSummaryLabel, viewModel.regionLoads(), resources);

        // The user's selection goes through the leave guards; when they refuse, the previous keys are selected again.
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<KeyRowViewModel>) change -> {
            if (!showingSelection && !selectionPending) {
                selectionPending = true;
                Platform.runLater(this::requestTableSelection);
            }
        });
        viewModel.selectedKeys().addListener((ListChangeListener<KeyEntry>) change -> {
            if (!Set.copyOf(viewModel.selectedKeys()).equals(Set.copyOf(tableSelection()))) {
                showSelectedKeys(true);
            }
        });
    }

    /**
     * Hands the table's selection to the ViewModel once a click has finished changing it (a Shift+click clears the
     * selection before it selects the range), so the leave guards are asked once per click; when they refuse, the
     * table selects the previous keys again.
     */
    private void requestTableSelection() {
        selectionPending = false;
        if (!viewModel.requestSelection(tableSelection())) {
            // The refused click left the table's anchor on the row it clicked; a Shift+click must start from the
            // keys selected again instead. The table's behaviour keeps its anchor under this key, and takes the first
            // row selected from now on when there is none.
            table.getProperties().remove(TABLE_ANCHOR);
            showSelectedKeys(false);
        }
    }

    private List<KeyRowViewModel> tableSelection() {
        return table.getSelectionModel().getSelectedItems().stream().filter(Objects::nonNull).toList();
    }

    /** Makes the table select the ViewModel's keys; {@code scroll} brings the first into view. */
    private void showSelectedKeys(boolean scroll) {
        // One pass over the rows, not one search of them per key: Ctrl+A selects every row.
        Map<KeyEntry, Integer> rowIndex = new HashMap<>();
        List<KeyRowViewModel> rows = table.getItems();
        for (int index = 0; index < rows.size(); index++) {
            rowIndex.putIfAbsent(rows.get(index), index);
        }
        int[] indices = viewModel.selectedKeys().stream().map(rowIndex::get).filter(Objects::nonNull)
                .mapToInt(Integer::intValue).toArray();
        showingSelection = true;
        try {
            table.getSelectionModel().clearSelection();
            if (indices.length > 0) {
                table.getSelectionModel().selectIndices(indices[0], Arrays.copyOfRange(indices, 1, indices.length));
                if (scroll) {
                    table.scrollTo(indices[0]);
                }
            }
        } finally {
            showingSelection = false;
        }
    }

    /**
     * Lays the table out once with made-up rows of every kind, then empties it again; call once the view is in its
     * scene with the scene's style sheets, before the window is shown. In a JVM that has just started, making,
     * styling and laying out the first cells is slow (about 0.25 s on two cores, and four times that while the
     * first keys load beside it); done here, the first keys find their cells made and that code run once.
     */
    public void prepareCells() {
        ObservableList<KeyRowViewModel> rows = table.getItems();
        // A TableView drops its sort order when given items that are not a SortedList.
        table.setItems(new SortedList<>(FXCollections.observableArrayList(viewModel.sampleRows(SAMPLE_ROWS))));
        applyCss();
        layout();
        // Selected too, as Ctrl+A selects them: the table's selection of many rows and the selected rows' styles
        // are then not run for the first time when the user selects every key. Not handed to the ViewModel.
        showingSelection = true;
        try {
            table.getSelectionModel().selectAll();
            applyCss();
            layout();
            table.getSelectionModel().clearSelection();
        } finally {
            showingSelection = false;
        }
        table.setItems(rows);
        applyCss();
        layout();
    }

    /** Moves the keyboard focus to the table, so the filter box shows its hint until the user wants it. */
    public void focusTable() {
        table.requestFocus();
    }

    /** View → Find: moves the keyboard focus to the search box while it can take it. */
    public Action findCommand() {
        return Action.of(searchField.disabledProperty().not(), this::focusSearch);
    }

    /** Moves the keyboard focus to the filter box. */
    public void focusSearch() {
        searchField.requestFocus();
        searchField.selectAll();
    }

    @FXML
    private void clearSearch() {
        viewModel.clearSearch();
        searchField.requestFocus();
    }

    @FXML
    private void selectAllShown() {
        viewModel.selectAllShown();
    }

    @FXML
    private void refresh() {
        viewModel.refresh();
    }

    private static <T> ReadOnlyObjectWrapper<T> constant(T value) {
        return new ReadOnlyObjectWrapper<>(value);
    }

    /**
     * A text cell that shows what {@code whenEmpty} says for its row, dimmed, for an empty value ({@code whenUnknown}
     * for a value not known yet), and the whole text as a tooltip, as long aliases and descriptions are cut short.
     * The tooltip is made when the pointer first enters the cell: making one for every cell would slow down filling
     * the table.
     */
    private static final class TextCell extends TableCell<KeyRowViewModel, String> {

        private final Function<KeyRowViewModel, String> whenEmpty;
        private final String whenUnknown;
        private Tooltip tooltip;

        TextCell(Function<KeyRowViewModel, String> whenEmpty, String whenUnknown) {
            this.whenEmpty = whenEmpty;
            this.whenUnknown = whenUnknown;
            addEventHandler(MouseEvent.MOUSE_ENTERED, event -> {
                if (tooltip == null && hasText()) {
                    tooltip = new Tooltip(getItem());
                    setTooltip(tooltip);
                }
            });
        }

        private boolean hasText() {
            return !isEmpty() && getItem() != null && !getItem().isEmpty();
        }

        @Override
        protected void updateItem(String value, boolean empty) {
            super.updateItem(value, empty);
            boolean missing = !empty && (value == null || value.isEmpty());
            KeyRowViewModel row = getTableRow() == null ? null : getTableRow().getItem();
            setText(empty ? null : value == null ? whenUnknown
                    : missing ? (row == null ? "" : whenEmpty.apply(row)) : value);
            pseudoClassStateChanged(NO_VALUE, missing);
            if (tooltip != null) {
                tooltip.setText(value);
                setTooltip(hasText() ? tooltip : null);
            }
        }
    }

    /**
     * A row that is marked read-only, with the reason as its tooltip, while its key's tags cannot be changed; that
     * may turn out only when the tags are read, so it follows the reason.
     */
    private static final class KeyRow extends TableRow<KeyRowViewModel> {

        /** Made for the first read-only key this row shows; most rows never need one. */
        private Tooltip reasonTooltip;
        private final ChangeListener<String> reasonListener = (observable, old, reason) -> showReason(reason);
        private KeyRowViewModel shown;

        @Override
        protected void updateItem(KeyRowViewModel row, boolean empty) {
            super.updateItem(row, empty);
            if (shown != null) {
                shown.readOnlyReasonTextProperty().removeListener(reasonListener);
            }
            shown = empty ? null : row;
            if (shown != null) {
                shown.readOnlyReasonTextProperty().addListener(reasonListener);
            }
            showReason(shown == null ? "" : shown.readOnlyReasonText());
        }

        private void showReason(String reason) {
            pseudoClassStateChanged(READ_ONLY, !reason.isEmpty());
            if (reason.isEmpty()) {
                setTooltip(null);
                return;
            }
            if (reasonTooltip == null) {
                reasonTooltip = new Tooltip();
            }
            reasonTooltip.setText(reason);
            setTooltip(reasonTooltip);
        }
    }

    /** The key state as a coloured badge, with a lock that read-only rows show (see the style sheet). */
    private static final class StateCell extends TableCell<KeyRowViewModel, KeyRowViewModel> {

        private final Label badge = new Label();

        StateCell() {
            badge.getStyleClass().add("state-badge");
            FontIcon lock = new FontIcon("fth-lock");
            lock.getStyleClass().add("read-only-lock");
            badge.setGraphic(lock);
            setText(null);
        }

        @Override
        protected void updateItem(KeyRowViewModel row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            badge.setText(row.stateText());
            for (Tone tone : Tone.values()) {
                badge.pseudoClassStateChanged(PseudoClass.getPseudoClass(tone.pseudoClassName()),
                        tone == row.stateTone());
            }
            setGraphic(badge);
        }
    }

    /** Compliant, non-compliant (its tooltip names the findings) or no policy; a style class per answer. */
    private static final class ComplianceCell extends TableCell<KeyRowViewModel, Compliance> {

        private final Tooltip findings = new Tooltip();

        ComplianceCell() {
            getStyleClass().add("compliance-cell");
            findings.setWrapText(true);
            findings.setMaxWidth(480);
        }

        @Override
        protected void updateItem(Compliance compliance, boolean empty) {
            super.updateItem(compliance, empty);
            KeyRowViewModel row = empty ? null : getTableRow().getItem();
            for (Compliance each : Compliance.values()) {
                pseudoClassStateChanged(PseudoClass.getPseudoClass(each.name().toLowerCase(Locale.ROOT)
                        .replace('_', '-')), row != null && each == compliance);
            }
            setText(row == null ? null : row.complianceText());
            findings.setText(row == null ? "" : row.findingsText());
            setTooltip(row == null || row.findingsText().isEmpty() ? null : findings);
        }
    }
}
