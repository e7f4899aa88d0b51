package dev.kmstags.ui.tageditor;

import dev.kmstags.ui.common.DialogModel;
import java.util.Objects;

/**
 * The question asked before edits that were not applied would be left: review them, discard them, or stay.
 *
 * @param title   the window title
 * @param header  which key's edits, in a sentence
 * @param content what the user can do
 */
public record UnsavedEditsQuestion(String title, String header, String content)
        implements DialogModel<UnsavedEditsChoice> {

    public UnsavedEditsQuestion {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(content, "content");
    }

    /** Closing the question stays, edits and all. */
    @Override
    public UnsavedEditsChoice dismissed() {
        return UnsavedEditsChoice.CANCEL;
    }
}
