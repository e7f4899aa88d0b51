package dev.kmstags.ui.tageditor;

/** What to do with tag edits that were not applied when the user leaves them. */
public enum UnsavedEditsChoice {
    /** Open the review of the edits and stay. */
    REVIEW,
    /** Drop the edits and go on. */
    DISCARD,
    /** Stay, keeping the edits. */
    CANCEL
}
