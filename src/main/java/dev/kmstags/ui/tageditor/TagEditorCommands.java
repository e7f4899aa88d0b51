package dev.kmstags.ui.tageditor;

import dev.kmstags.ui.common.Action;
import java.util.Objects;

/**
 * The tag editor's commands of the Edit menu, each runnable while the editor allows it. The editor's view carries
 * them out, since most move the focus or end a cell edit first.
 */
public record TagEditorCommands(Action undo, Action redo, Action addTag, Action removeTag, Action revert,
                                Action revertAll, Action review) {

    public TagEditorCommands {
        Objects.requireNonNull(undo, "undo");
        Objects.requireNonNull(redo, "redo");
        Objects.requireNonNull(addTag, "addTag");
        Objects.requireNonNull(removeTag, "removeTag");
        Objects.requireNonNull(revert, "revert");
        Objects.requireNonNull(revertAll, "revertAll");
        Objects.requireNonNull(review, "review");
    }

    static TagEditorCommands of(TagEditorView view, TagEditorViewModel viewModel) {
        return new TagEditorCommands(
                Action.of(viewModel.canUndoProperty(), view::undo),
                Action.of(viewModel.canRedoProperty(), view::redo),
                Action.of(viewModel.canAddProperty(), view::addTag),
                Action.of(viewModel.canRemoveProperty(), view::removeOrRestore),
                Action.of(viewModel.canRevertProperty(), view::revert),
                Action.of(viewModel.canRevertAllProperty(), view::revertAll),
                Action.of(viewModel.canReviewProperty(), view::review));
    }
}
