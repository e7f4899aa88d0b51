package dev.kmstags.ui.tageditor;

import javafx.beans.InvalidationListener;
import javafx.css.PseudoClass;
import javafx.scene.control.TableRow;

/** A row of the tag table, styled by what it does to the key's tags: {@code :added}, {@code :changed}, {@code :removed}. */
final class TagTableRow extends TableRow<TagRowViewModel> {

    private static final PseudoClass ADDED = PseudoClass.getPseudoClass("added");
    private static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed");
    private static final PseudoClass REMOVED = PseudoClass.getPseudoClass("removed");

    private final InvalidationListener stateListener = observable -> showState();
    private TagRowViewModel shown;

    @Override
    protected void updateItem(TagRowViewModel row, boolean empty) {
        super.updateItem(row, empty);
        if (shown != null) {
            shown.stateProperty().removeListener(stateListener);
        }
        shown = empty ? null : row;
        if (shown != null) {
            shown.stateProperty().addListener(stateListener);
        }
        showState();
    }

    private void showState() {
        TagRowViewModel.State state = shown == null ? null : shown.stateProperty().get();
        pseudoClassStateChanged(ADDED, state == TagRowViewModel.State.ADDED);
        pseudoClassStateChanged(CHANGED, state == TagRowViewModel.State.CHANGED);
        pseudoClassStateChanged(REMOVED, state == TagRowViewModel.State.REMOVED);
    }
}
