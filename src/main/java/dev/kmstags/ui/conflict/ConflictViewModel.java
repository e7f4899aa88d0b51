package dev.kmstags.ui.conflict;

import dev.kmstags.domain.TagMerge;
import dev.kmstags.ui.common.DialogModel;
import dev.kmstags.ui.common.Messages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The tags both the user and someone else changed, to different results, since the edit started: each as it was
 * then, as it is in KMS now and as the user left it, with the user's choice of whose version to keep (mine by
 * default). The merge of those choices goes to the review; nothing is written from here.
 */
public final class ConflictViewModel implements DialogModel<ConflictViewModel.Choice> {

    /** One conflicting tag in words (an absent tag reads "(not set)"), and whose version the user keeps. */
    public static final class Row {

        private final TagMerge.Conflict conflict;
        private final String key;
        private final String original;
        private final String theirs;
        private final String yours;
        private final ObjectProperty<TagMerge.Side> side = new SimpleObjectProperty<>(this, "side",
                TagMerge.Side.MINE);

        private Row(TagMerge.Conflict conflict, String key, String original, String theirs, String yours) {
            this.conflict = conflict;
            this.key = key;
            this.original = original;
            this.theirs = theirs;
            this.yours = yours;
        }

        /** The tag's key, or for a rename "Team → Owner". */
        public String key() {
            return key;
        }

        public String original() {
            return original;
        }

        public String theirs() {
            return theirs;
        }

        public String yours() {
            return yours;
        }

        /** Whose version of the tag the merge takes. */
        public ObjectProperty<TagMerge.Side> sideProperty() {
            return side;
        }

        @Override
        public String toString() {
            return key + ": " + original + " | " + theirs + " | " + yours + " -> " + side.get();
        }
    }

    /** What the user decides. */
    public enum Choice {
        /** Merge with the sides chosen per tag, and review what that writes. */
        REVIEW_MERGE,
        /** Drop the edits and show what KMS holds now. */
        RELOAD,
        /** Write nothing and go on editing. */
        KEEP_EDITING
    }

    private final Messages messages;
    private final String keyName;
    private final TagMerge merge;
    private final List<Row> rows;

    public ConflictViewModel(String keyName, TagMerge merge, Messages messages) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.keyName = Objects.requireNonNull(keyName, "keyName");
        this.merge = Objects.requireNonNull(merge, "merge");
        this.rows = merge.conflicts().stream().map(this::row).toList();
    }

    private Row row(TagMerge.Conflict conflict) {
        List<TagMerge.KeyValues> keys = conflict.keys();
        if (keys.size() == 1) {
            TagMerge.KeyValues tag = keys.get(0);
            return new Row(conflict, messages.shortened(tag.key()), shown(tag.original()), shown(tag.theirs()),
                    shown(tag.mine()));
        }
        String name = keys.stream().map(tag -> messages.shortened(tag.key()))
                .collect(Collectors.joining(" \u2192 "));
        return new Row(conflict, name, tags(keys, TagMerge.KeyValues::original),
                tags(keys, TagMerge.KeyValues::theirs), tags(keys, TagMerge.KeyValues::mine));
    }

    /** The keys of a rename on one side: "Team = payments", or "(not set)" when neither is there. */
    private String tags(List<TagMerge.KeyValues> keys, Function<TagMerge.KeyValues, String> side) {
        String present = keys.stream().filter(tag -> side.apply(tag) != null)
                .map(tag -> messages.format("review.line.tag", messages.shortened(tag.key()), shown(side.apply(tag))))
                .collect(Collectors.joining(", "));
        return present.isEmpty() ? messages.get("conflict.absent") : present;
    }

    private String shown(String value) {
        if (value == null) {
            return messages.get("conflict.absent");
        }
        return value.isEmpty() ? messages.get("review.emptyValue") : messages.shortened(value);
    }

    /** Closing the dialog without a choice writes nothing and keeps the edits. */
    @Override
    public Choice dismissed() {
        return Choice.KEEP_EDITING;
    }

    public String title() {
        return messages.get("conflict.title");
    }

    /** "2 tags of alias/x were changed both by you and by someone else since you started editing. ..." */
    public String header() {
        return messages.format("conflict.header", rows.size(), keyName);
    }

    /** What the choices do. */
    public String hint() {
        return messages.get("conflict.hint");
    }

    public List<Row> rows() {
        return rows;
    }

    /** The merge with each conflict taken from the side chosen in its row, ready for review. */
    public TagMerge.Result merged() {
        Map<TagMerge.Conflict, TagMerge.Side> choices = new LinkedHashMap<>();
        rows.forEach(row -> choices.put(row.conflict, row.side.get()));
        return merge.resolve(choices);
    }
}
