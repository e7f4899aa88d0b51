package dev.kmstags.ui.bulk;

import dev.kmstags.ui.common.Action;
import java.util.Objects;

/** The bulk edit's commands of the Edit menu, each runnable while the bulk edit allows it. */
public record BulkEditCommands(Action undo, Action redo, Action review) {

    public BulkEditCommands {
        Objects.requireNonNull(undo, "undo");
        Objects.requireNonNull(redo, "redo");
        Objects.requireNonNull(review, "review");
    }

    static BulkEditCommands of(BulkEditViewModel viewModel) {
        return new BulkEditCommands(Action.of(viewModel.canUndoProperty(), viewModel::undo),
                Action.of(viewModel.canRedoProperty(), viewModel::redo),
                Action.of(viewModel.canReviewProperty(), viewModel::review));
    }
}
