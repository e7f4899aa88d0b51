package dev.kmstags.ui.tageditor;

import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;

/**
 * Brings a row of a table fully into view at once. {@link TableView#scrollTo(int)} goes by estimated row heights
 * and, for a row just added, by a row count the table learns only in its next layout: the row could stay below
 * the visible area, its cell undrawn, and the keys typed into it lost.
 */
final class RowScroller {

    private RowScroller() {
    }

    static void show(TableView<?> table, int index) {
        table.layout();
        if (table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            flow.scrollTo(index);
        } else {
            table.scrollTo(index);
        }
        table.layout();
    }
}
