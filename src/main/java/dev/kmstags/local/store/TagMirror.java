package dev.kmstags.local.store;

import dev.kmstags.domain.Tag;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keys' tags in memory, so that ListResourceTags needs no read of them through JDBC (most of its cost): per key ID,
 * its status (region, state, manager) and all its tags in SQLite's order, each valid for exactly one value of the
 * file's <em>commit sequence</em>, and never answered at another.
 *
 * <p><b>The commit sequence.</b> A one-row table in the file ({@code commit_sequence}, schema version 2) that every
 * write transaction adds one to, first thing after {@code BEGIN IMMEDIATE} ({@link WriteBatch}: one UPDATE per
 * batch), in whichever process it runs: the app, {@code serve} and the {@code tags} command each open the file
 * through this class's store. Releases before schema version 2 refuse the file, so none writes it without
 * counting. Hence each value of the sequence stands for exactly one state of the file's keys and tags.
 *
 * <p><b>What the mirror holds:</b> a sequence {@code S} and entries that are each the key's state at {@code S}.
 * Every step keeps that true:
 * <ul>
 *   <li>A read first reads the sequence (one small statement, on its reader connection, its own snapshot). Equal to
 *       {@code S} and the key held: the answer is the key at {@code S}, which was the file's state when that
 *       statement ran. Otherwise it reads the key, all its tags and the sequence by one statement (one snapshot)
 *       and answers from that; it is kept when read at {@code S}; read at a later sequence (another process, or a
 *       commit of ours not yet told), the mirror is emptied and takes that sequence; read at an earlier one (a
 *       commit of ours came between), it is not kept. A key that does not exist is not kept.</li>
 *   <li>A batch of our writes is committed at some {@code N}; the session records every key each write touched
 *       (its row or its tags). After the COMMIT, still holding the write lock and before any of its writers is
 *       answered, the mirror is told: at {@code S = N - 1} the file changed only in those keys, so they are
 *       forgotten and the rest is kept for {@code N}; at any other {@code S} (another process committed between,
 *       or a reader already moved the mirror on) everything is forgotten; either way {@code S} becomes {@code N}.
 *       A write that fails is rolled back and its keys are forgotten; a batch whose transaction fails forgets
 *       everything. Forgetting is always safe: the next read refills from the file.</li>
 * </ul>
 * The interleavings this covers:
 * <ul>
 *   <li><i>A reader between our COMMIT and the mirror's update</i> reads sequence {@code N} while the mirror is at
 *       {@code N - 1}: no answer from memory; its fresh read at {@code N} empties the mirror and refills it at
 *       {@code N}; the writer then finds {@code S = N}, not {@code N - 1}, and forgets everything.</li>
 *   <li><i>A reader that read the sequence just before our COMMIT</i> answers from memory at {@code N - 1}: the
 *       file's state when it read, as if it had come a moment earlier (as a read beside a write may). A fresh
 *       read at {@code N - 1} that arrives after the mirror moved to {@code N} is not kept.</li>
 *   <li><i>Another process commits</i> {@code M}: no read finds {@code S} again until the mirror has moved to
 *       {@code M} or later, emptied; our next commit {@code M + 1} finds {@code S != M} and forgets everything too.
 *       The other process's own mirror does the same with ours.</li>
 *   <li><i>Two of our readers fill the same key</i> at the same sequence: both read the same state; the second
 *       put replaces the first with an equal entry.</li>
 *   <li><i>The mirror's sequence may move back</i> (a writer's {@code N} after a reader took a later {@code M}):
 *       it is then empty, and what is put at {@code N} was read at {@code N}, so still true of {@code N}; reads
 *       that see {@code M} miss and move it on again.</li>
 * </ul>
 * Not covered: edits of the file by hand (the {@code sqlite3} shell) and a process of an earlier release that had
 * the file open before this release migrated it; they do not count their commits, and their changes are seen once
 * any commit of this release's moves the sequence on.
 *
 * <p><b>Memory:</b> a key may carry 50 tags of up to 128 + 256 characters, so 10,000 keys could take some 400 MB.
 * The mirror keeps the most recently used keys within {@link #DEFAULT_BUDGET_BYTES} (estimated from the text's
 * length), about 15,000 keys of 10 short tags, or 750 of the largest; those it lets go are read from the file
 * again when asked for.
 */
final class TagMirror {

    /** What the mirror may hold, estimated: enough for a usual account, bounded for the largest keys. */
    static final long DEFAULT_BUDGET_BYTES = 32L << 20;
    /** No sequence yet: nothing is kept until a read tells one. */
    private static final long NONE = -1;
    /** A map entry, the record, its status and their strings, about. */
    private static final int KEY_OVERHEAD_BYTES = 200;
    /** A Tag and its two strings, about, besides their characters. */
    private static final int TAG_OVERHEAD_BYTES = 100;

    /** A key as the mirror keeps it: its status and all its tags, ordered as SQLite orders tag keys. */
    record MirroredKey(KeyStatus status, List<Tag> tags) {

        MirroredKey {
            tags = List.copyOf(tags);
        }

        /** Up to {@code limit} tags after {@code afterTagKey} (null for the start): the page SQLite would give. */
        KeyTagPage page(String afterTagKey, int limit) {
            int from = 0;
            if (afterTagKey != null) {
                while (from < tags.size() && compareAsSqlite(tags.get(from).key(), afterTagKey) <= 0) {
                    from++;
                }
            }
            return new KeyTagPage(status.keyId(), status.region(),
                    tags.subList(from, Math.min(tags.size(), from + limit)));
        }

        /** How many of its tags have none of {@code tagKeys}: what a put of those leaves as it is. */
        int tagsKeptBeside(Collection<String> tagKeys) {
            Set<String> replaced = new HashSet<>(tagKeys);
            return (int) tags.stream().filter(tag -> !replaced.contains(tag.key())).count();
        }

        /** The key once {@code put} are added, overwriting the values of tag keys it has. */
        MirroredKey withTagsPut(List<Tag> put) {
            Map<String, Tag> byKey = new HashMap<>();
            tags.forEach(tag -> byKey.put(tag.key(), tag));
            put.forEach(tag -> byKey.put(tag.key(), tag));
            List<Tag> after = new ArrayList<>(byKey.values());
            after.sort((a, b) -> compareAsSqlite(a.key(), b.key()));
            return new MirroredKey(status, after);
        }

        /** The key once the tags with {@code tagKeys} are removed. */
        MirroredKey withTagsRemoved(Collection<String> tagKeys) {
            Set<String> removed = new HashSet<>(tagKeys);
            return new MirroredKey(status, tags.stream().filter(tag -> !removed.contains(tag.key())).toList());
        }
    }

    /** A key (null when there is none) and the commit sequence it was read at, by one statement. */
    record SequencedKey(long sequence, MirroredKey key) {
    }

    private final long budgetBytes;
    // In order of use, so that the least recently used go first when over the budget.
    private final Map<String, MirroredKey> keys = new LinkedHashMap<>(256, 0.75f, true);
    private long sequence = NONE;
    private long weightBytes;

    TagMirror() {
        this(DEFAULT_BUDGET_BYTES);
    }

    TagMirror(long budgetBytes) {
        this.budgetBytes = budgetBytes;
    }

    /** Whether the key is held at any sequence: if not, reading the file's sequence first is of no use. */
    synchronized boolean holds(String keyId) {
        return keys.containsKey(keyId);
    }

    /** The key as it is when the file is at {@code fileSequence}; null when not held for that sequence. */
    synchronized MirroredKey get(String keyId, long fileSequence) {
        return fileSequence == sequence ? keys.get(keyId) : null;
    }

    /** Keeps a key read together with {@code readSequence}, if that is still the mirror's (or a later) one. */
    synchronized void put(String keyId, MirroredKey key, long readSequence) {
        if (readSequence > sequence) {
            forgetAll();
            sequence = readSequence;
        }
        if (readSequence == sequence) {
            keep(keyId, key);
        }
    }

    private void keep(String keyId, MirroredKey key) {
        MirroredKey replaced = keys.put(keyId, key);
        weightBytes += weightOf(key) - (replaced == null ? 0 : weightOf(replaced));
        Iterator<MirroredKey> leastRecentlyUsed = keys.values().iterator();
        while (weightBytes > budgetBytes && leastRecentlyUsed.hasNext()) {
            weightBytes -= weightOf(leastRecentlyUsed.next());
            leastRecentlyUsed.remove();
        }
    }

    /**
     * Our batch was committed at {@code newSequence}, writing (at most) the keys {@code keysWritten}; of those, it
     * knew {@code keysKnown} whole, as they are now.
     */
    synchronized void committed(long newSequence, Collection<String> keysWritten, Map<String, MirroredKey> keysKnown) {
        if (sequence == newSequence - 1) {
            forget(keysWritten);
        } else {
            forgetAll();
        }
        sequence = newSequence;
        keysKnown.forEach(this::keep);
    }

    /** These keys may have changed, or their change was rolled back: they are read from the file again. */
    synchronized void forget(Collection<String> keyIds) {
        for (String keyId : keyIds) {
            MirroredKey removed = keys.remove(keyId);
            if (removed != null) {
                weightBytes -= weightOf(removed);
            }
        }
    }

    /** Everything is read from the file again. */
    synchronized void forgetAll() {
        keys.clear();
        weightBytes = 0;
    }

    /** About how many bytes of memory a key takes in the mirror. */
    static long weightOf(MirroredKey key) {
        long bytes = KEY_OVERHEAD_BYTES;
        for (Tag tag : key.tags()) {
            bytes += TAG_OVERHEAD_BYTES + 2L * (tag.key().length() + tag.value().length());
        }
        return bytes;
    }

    /**
     * Orders text as SQLite's BINARY collation orders it, comparing UTF-8 bytes: that is code point order. Java's
     * {@link String#compareTo} compares UTF-16 units, which puts a character beyond U+FFFF (a surrogate pair)
     * before U+E000 to U+FFFF.
     */
    static int compareAsSqlite(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
