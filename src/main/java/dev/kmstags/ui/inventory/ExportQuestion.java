package dev.kmstags.ui.inventory;

import dev.kmstags.ui.common.DialogModel;
import java.util.Optional;

/**
 * File → Export tags asks which keys and in which shape.
 *
 * @param shownKeys    how many keys the list shows (after the search)
 * @param selectedKeys how many keys are selected; 0 offers only the keys shown
 * @param filtered     whether a search hides some keys, so the dialog says the export follows it
 */
public record ExportQuestion(int shownKeys, int selectedKeys, boolean filtered)
        implements DialogModel<Optional<ExportChoice>> {

    /** Closing the dialog exports nothing. */
    @Override
    public Optional<ExportChoice> dismissed() {
        return Optional.empty();
    }

    /** What the dialog chooses at first: the selected keys when several are selected, as one CSV row per key. */
    public ExportChoice proposed() {
        return new ExportChoice(dev.kmstags.inventory.ExportFormat.CSV, selectedKeys > 1);
    }
}
