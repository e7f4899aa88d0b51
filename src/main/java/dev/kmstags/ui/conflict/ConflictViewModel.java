package dev.kmstags.ui.conflict;

import dev.kmstags.domain.TagConflict;
import dev.kmstags.ui.Messages;
import java.util.List;
import java.util.Objects;

/**
 * The tags someone else changed while the user was editing, each as it was when the edit started, as it is in
 * KMS now, and as the user left it, for the dialog that lets the user reload or apply over the other change.
 */
public final class ConflictViewModel {

    /** One conflicting tag in words; an absent tag reads "(not set)". */
    public record Row(String key, String original, String theirs, String yours) {
    }

    /** What the user decides. */
    public enum Choice {
        /** Drop the edits and show what KMS holds now. */
        RELOAD,
        /** Apply the edits over the other change, knowingly. */
        APPLY_OVER_THEIRS,
        /** Write nothing and go on editing. */
        KEEP_EDITING
    }

    private final Messages messages;
    private final String keyName;
    private final List<Row> rows;

    public ConflictViewModel(String keyName, List<TagConflict> conflicts, Messages messages) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.keyName = Objects.requireNonNull(keyName, "keyName");
        this.rows = conflicts.stream()
                .map(c -> new Row(c.key(), shown(c.original()), shown(c.theirs()), shown(c.yours())))
                .toList();
    }

    private String shown(String value) {
        if (value == null) {
            return messages.get("conflict.absent");
        }
        return value.isEmpty() ? messages.get("review.emptyValue") : value;
    }

    public String title() {
        return messages.get("conflict.title");
    }

    /** "Someone else changed 2 tags of alias/x since you started editing. Nothing was written." */
    public String header() {
        return messages.format("conflict.header", rows.size(), keyName);
    }

    public List<Row> rows() {
        return rows;
    }
}
