package dev.kmstags.local.store;

import dev.kmstags.domain.Tag;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one write transaction tells the {@link TagMirror}: the IDs of every key it wrote (its row or its tags), and
 * the whole state of the keys it knows, with its own writes applied. A key is known when the transaction takes it
 * from the mirror (held for the commit sequence row the transaction began with) or reads it whole, in either
 * case before writing it; a write other than a tag put or removal makes it unknown again. Once committed at
 * {@code N} the known keys are the file's at {@code N} and go into the mirror, so a key tagged again and again is
 * read from the file only the first time. A write rolled back to its savepoint forgets every known key.
 */
final class MirroredTransaction {

    private final Set<String> written = new HashSet<>();
    private final Map<String, TagMirror.MirroredKey> known = new HashMap<>();
    private TagMirror mirror;
    private TagMirror.Sequence sequenceBefore;

    /** A write transaction began; the file's commit sequence row read {@code sequenceBefore}. */
    void begin(TagMirror mirror, TagMirror.Sequence sequenceBefore) {
        this.mirror = mirror;
        this.sequenceBefore = sequenceBefore;
    }

    /** The key's whole state in this transaction, without reading the file; null when not known. */
    TagMirror.MirroredKey known(String keyId) {
        TagMirror.MirroredKey key = known.get(keyId);
        if (key != null || !mayLearn(keyId)) {
            return key;
        }
        key = mirror.get(keyId, sequenceBefore);
        if (key != null) {
            known.put(keyId, key);
        }
        return key;
    }

    /** Whether a whole read of the key now may be kept: in a write transaction, before the key was written. */
    boolean mayLearn(String keyId) {
        return mirror != null && !written.contains(keyId);
    }

    /** The key was read whole in this transaction, before it was written. */
    void learned(String keyId, TagMirror.MirroredKey key) {
        if (mayLearn(keyId)) {
            known.put(keyId, key);
        }
    }

    void tagsPut(String keyId, List<Tag> tags) {
        written.add(keyId);
        known.computeIfPresent(keyId, (id, key) -> key.withTagsPut(tags));
    }

    void tagsRemoved(String keyId, List<String> tagKeys) {
        written.add(keyId);
        known.computeIfPresent(keyId, (id, key) -> key.withTagsRemoved(tagKeys));
    }

    /** The key's row was inserted, changed or deleted. */
    void keyWritten(String keyId) {
        written.add(keyId);
        known.remove(keyId);
    }

    /** A write was rolled back to its savepoint: what it did to known keys is undone in the file, not here. */
    void rolledBackToSavepoint() {
        known.clear();
    }

    /** The transaction was committed at {@code sequence}. */
    void committed(long sequence) {
        if (mirror != null) {
            mirror.committed(sequence, written, known);
        }
        end();
    }

    /** The transaction was rolled back, or failed. */
    void rolledBack() {
        if (mirror != null) {
            mirror.forget(written);
        }
        end();
    }

    private void end() {
        written.clear();
        known.clear();
        mirror = null;
        sequenceBefore = null;
    }
}
