package dev.kmstags.ui.keylist;

import java.util.ResourceBundle;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/**
 * What the key list adds while it shows several regions: a Region column after the aliases, and a line under the
 * header that says how the regions' reading stands, with a line per region (and why a region was not read) as its
 * tooltip.
 */
final class RegionsView {

    /** The region column's style class. */
    static final String COLUMN_STYLE = "region-column";

    private final TableView<KeyRowViewModel> table;
    private final TableColumn<KeyRowViewModel, String> column;

    RegionsView(TableView<KeyRowViewModel> table, Label summary, RegionLoads loads, ResourceBundle resources) {
        this.table = table;
        column = new TableColumn<>(resources.getString("keyList.column.region"));
        column.getStyleClass().add(COLUMN_STYLE);
        column.setPrefWidth(115);
        column.setMinWidth(95);
        column.setMaxWidth(150);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().regionText()));

        summary.textProperty().bind(loads.summaryProperty());
        summary.visibleProperty().bind(loads.severalProperty());
        summary.managedProperty().bind(loads.severalProperty());
        Tooltip details = new Tooltip();
        details.textProperty().bind(loads.detailsProperty());
        details.getStyleClass().add("region-details");
        summary.setTooltip(details);

        showColumn(loads.severalProperty().get());
        loads.severalProperty().addListener((observable, old, several) -> showColumn(several));
    }

    private void showColumn(boolean several) {
        if (several && !table.getColumns().contains(column)) {
            table.getColumns().add(Math.min(1, table.getColumns().size()), column);
        } else if (!several) {
            table.getSortOrder().remove(column);
            table.getColumns().remove(column);
        }
    }
}
