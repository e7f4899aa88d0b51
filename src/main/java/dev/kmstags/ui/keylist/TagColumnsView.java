package dev.kmstags.ui.keylist;

import dev.kmstags.domain.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

/**
 * The key table's tag columns and their chooser: keeps one column per tag key the {@link TagColumnsViewModel} shows,
 * right after the aliases (and the region), where they are in view in a narrow list, and fills the chooser menu with
 * the tag keys on offer each time it opens, under a field to type a tag key no loaded key has. While tag columns
 * show, the table keeps its columns' widths and scrolls sideways rather than squeezing every column.
 */
final class TagColumnsView {

    /** A key without the tag: an empty cell, dimmed (see the style sheet). */
    private static final PseudoClass ABSENT = PseudoClass.getPseudoClass("absent");
    /** A tag with an empty value: a dimmed word says so, as the cell would otherwise look like a missing tag. */
    private static final PseudoClass EMPTY_VALUE = PseudoClass.getPseudoClass("empty-value");

    private final TableView<KeyRowViewModel> table;
    private final TableColumn<KeyRowViewModel, ?> anchor;
    private final TagColumnsViewModel viewModel;
    private final ResourceBundle resources;
    private final List<TableColumn<KeyRowViewModel, List<Tag>>> columns = new ArrayList<>();

    /**
     * @param anchor the column the tag columns follow (with the region column, which comes right after it)
     */
    TagColumnsView(TableView<KeyRowViewModel> table, TableColumn<KeyRowViewModel, ?> anchor, MenuButton chooser,
                   TagColumnsViewModel viewModel, ResourceBundle resources) {
        this.table = table;
        this.anchor = anchor;
        this.viewModel = viewModel;
        this.resources = resources;
        viewModel.shownKeys().addListener((ListChangeListener<String>) change -> showColumns());
        table.getSortOrder().addListener((ListChangeListener<TableColumn<KeyRowViewModel, ?>>) change ->
                viewModel.sortedByTagProperty().set(table.getSortOrder().stream().anyMatch(columns::contains)));
        chooser.setOnShowing(event -> fill(chooser));
        // A menu without items does not open: one placeholder until it is filled.
        chooser.getItems().setAll(new MenuItem());
        showColumns();
    }

    private void showColumns() {
        List<TableColumn<KeyRowViewModel, List<Tag>>> wanted = new ArrayList<>();
        for (String tagKey : viewModel.shownKeys()) {
            wanted.add(columns.stream().filter(column -> tagKey.equals(column.getUserData())).findFirst()
                    .orElseGet(() -> column(tagKey)));
        }
        List<TableColumn<KeyRowViewModel, List<Tag>>> dropped = new ArrayList<>(columns);
        dropped.removeAll(wanted);
        table.getSortOrder().removeAll(dropped);
        table.getColumns().removeAll(columns);
        columns.clear();
        columns.addAll(wanted);
        int position = table.getColumns().indexOf(anchor) + 1;
        while (position < table.getColumns().size()
                && table.getColumns().get(position).getStyleClass().contains(RegionsView.COLUMN_STYLE)) {
            position++;
        }
        table.getColumns().addAll(position, wanted);
        table.setColumnResizePolicy(wanted.isEmpty() ? TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS
                : TableView.UNCONSTRAINED_RESIZE_POLICY);
    }

    private TableColumn<KeyRowViewModel, List<Tag>> column(String tagKey) {
        TableColumn<KeyRowViewModel, List<Tag>> column = new TableColumn<>(tagKey);
        column.setUserData(tagKey);
        column.getStyleClass().add("tag-column");
        column.setPrefWidth(130);
        column.setMinWidth(80);
        column.setCellValueFactory(cell -> cell.getValue().tagsProperty());
        column.setCellFactory(owner -> new TagValueCell(tagKey, resources.getString("keyList.tagColumn.emptyValue")));
        column.setComparator(TagColumnsViewModel.order(tagKey));
        return column;
    }

    private void fill(MenuButton chooser) {
        List<MenuItem> items = new ArrayList<>();
        List<String> offered = viewModel.offeredKeys();
        if (offered.isEmpty()) {
            MenuItem none = new MenuItem(resources.getString("keyList.tagColumns.none"));
            none.setDisable(true);
            items.add(none);
        }
        for (String tagKey : offered) {
            CheckMenuItem item = new CheckMenuItem(tagKey);
            item.setMnemonicParsing(false);
            item.setSelected(viewModel.shownKeys().contains(tagKey));
            item.selectedProperty().addListener((observable, old, selected) -> viewModel.setShown(tagKey, selected));
            items.add(item);
        }
        TextField typed = new TextField();
        typed.getStyleClass().add("tag-column-field");
        typed.setPromptText(resources.getString("keyList.tagColumns.typePrompt"));
        CustomMenuItem typedItem = new CustomMenuItem(typed, false);
        typed.setOnAction(event -> {
            if (viewModel.showTyped(typed.getText())) {
                chooser.hide();
            }
        });
        items.add(0, typedItem);
        items.add(1, new SeparatorMenuItem());
        chooser.getItems().setAll(items);
    }

    /** A tag's value; dimmed and empty for a key without the tag, a dimmed word for an empty value. */
    private static final class TagValueCell extends TableCell<KeyRowViewModel, List<Tag>> {

        private final String tagKey;
        private final String emptyValueText;

        TagValueCell(String tagKey, String emptyValueText) {
            this.tagKey = tagKey;
            this.emptyValueText = emptyValueText;
            getStyleClass().add("tag-value-cell");
        }

        @Override
        protected void updateItem(List<Tag> tags, boolean empty) {
            super.updateItem(tags, empty);
            TagColumnsViewModel.Cell cell = empty ? null : TagColumnsViewModel.cell(tags, tagKey);
            TagColumnsViewModel.CellKind kind = cell == null ? null : cell.kind();
            setText(cell == null ? null : kind == TagColumnsViewModel.CellKind.EMPTY_VALUE ? emptyValueText
                    : cell.value());
            pseudoClassStateChanged(ABSENT, kind == TagColumnsViewModel.CellKind.ABSENT);
            pseudoClassStateChanged(EMPTY_VALUE, kind == TagColumnsViewModel.CellKind.EMPTY_VALUE);
        }
    }
}
