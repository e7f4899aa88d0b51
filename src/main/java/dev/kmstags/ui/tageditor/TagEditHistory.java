package dev.kmstags.ui.tageditor;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * The undo and redo history of the tag table of one key: each step is the table before and after one edit (a
 * committed cell, an added, removed or restored row, a revert). A new edit drops what could be redone.
 */
final class TagEditHistory {

    private record Step(TableSnapshot before, TableSnapshot after) {
    }

    private final Deque<Step> undoable = new ArrayDeque<>();
    private final Deque<Step> redoable = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");

    /** Records one edit that took the table from {@code before} to {@code after}; nothing if it changed nothing. */
    void record(TableSnapshot before, TableSnapshot after) {
        if (before.equals(after)) {
            return;
        }
        undoable.push(new Step(before, after));
        redoable.clear();
        update();
    }

    /** The table as it was before the last edit, which can then be redone; empty when there is none. */
    Optional<TableSnapshot> undo() {
        Step step = undoable.poll();
        if (step == null) {
            return Optional.empty();
        }
        redoable.push(step);
        update();
        return Optional.of(step.before());
    }

    /** The table as the last undone edit left it; empty when nothing was undone. */
    Optional<TableSnapshot> redo() {
        Step step = redoable.poll();
        if (step == null) {
            return Optional.empty();
        }
        undoable.push(step);
        update();
        return Optional.of(step.after());
    }

    /** Forgets every step: another key is shown, or the tags were loaded or written anew. */
    void clear() {
        undoable.clear();
        redoable.clear();
        update();
    }

    private void update() {
        canUndo.set(!undoable.isEmpty());
        canRedo.set(!redoable.isEmpty());
    }

    ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }
}
