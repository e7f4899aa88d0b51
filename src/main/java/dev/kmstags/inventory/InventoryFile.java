package dev.kmstags.inventory;

import java.util.List;

/**
 * An inventory file as read: its shape and its rows.
 *
 * @param format the shape, detected from the header (CSV) or the content (JSON)
 * @param rows   the rows in file order
 */
public record InventoryFile(ExportFormat format, List<ImportedRow> rows) {

    public InventoryFile {
        rows = List.copyOf(rows);
    }
}
