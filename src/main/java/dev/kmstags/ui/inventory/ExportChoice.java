package dev.kmstags.ui.inventory;

import dev.kmstags.inventory.ExportFormat;
import java.util.Objects;

/**
 * What the user chose to export.
 *
 * @param format       the file's shape
 * @param selectedOnly whether only the selected keys are written; else the keys shown (after the search)
 */
public record ExportChoice(ExportFormat format, boolean selectedOnly) {

    public ExportChoice {
        Objects.requireNonNull(format, "format");
    }
}
