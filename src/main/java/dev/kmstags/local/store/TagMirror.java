package dev.kmstags.local.store;

import dev.kmstags.domain.Tag;
import java.security.SecureRandom;
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
 * its status (region, state, manager) and all its tags in SQLite's order, valid only while the file is as this
 * store last left it, and never answered otherwise.
 *
 * <p><b>The commit sequence and its owner.</b> A one-row table in the file ({@code commit_sequence}: a value and the
 * owner that set it, schema version 3). Each store draws a random owner token when it opens. A write transaction
 * reads the row first thing after {@code BEGIN IMMEDIATE} ({@link WriteBatch}); when the owner is another store, it
 * <em>claims</em> the row: adds one to the value and sets itself as owner. When the owner is this store, it leaves
 * the row alone: no page of it is written at the commit, which is most of what counting commits cost. The app,
 * {@code serve} and the {@code tags} command each open the file through this store, and releases before schema
 * version 3 refuse the file, so every process that writes it does the same. Hence: <i>while the row reads
 * {@code (V, us)}, only our own commits have changed the file since we claimed {@code V}</i>. Our own commits are
 * counted in memory, by the mirror's <em>epoch</em>, which moves on after each of them (seqlock style).
 *
 * <p><b>What the mirror holds:</b> a sequence {@code S} (one we claimed) and entries that are each the key's state
 * after our latest commit told to the mirror (or after a later one of ours, committed but not yet told, which then
 * forgets the key when told). Every step keeps that true:
 * <ul>
 *   <li>A read first reads the row (one small statement, on its reader connection, its own snapshot; or, while the
 *       file's WAL-index header shows no commit since the row was last known, what was known: see
 *       {@link CommitSequenceReader}). Reading
 *       {@code (S, us)} and the key held: the answer is the key's state after a commit of ours no older than the
 *       row read, with no other process's commit between. Otherwise it notes the epoch, then reads the key, all its
 *       tags and the row by one statement (one snapshot), and answers from that. It keeps the key only when that
 *       row reads {@code (S, us)} and the epoch has not moved since it was noted: then no commit of ours was told
 *       between, so the snapshot holds every commit the mirror has been told of. Read at another owner, nothing is
 *       kept, and the store claims the row with an empty write, so that the next reads can fill the mirror again
 *       (only when processes take turns writing). A key that does not exist is not kept.</li>
 *   <li>A batch of our writes is committed; the session records every key each write touched (its row or its
 *       tags). After the COMMIT, still holding the write lock and before any of its writers is answered, the mirror
 *       is told the row's value {@code N} after the commit: at {@code S = N} (no claim: the file changed only by our
 *       writes) those keys are forgotten and the rest kept; else (a claim, after another process's commits)
 *       everything is forgotten and {@code S} becomes {@code N}; either way the epoch moves on. A write that fails
 *       is rolled back and its keys are forgotten; a batch whose transaction fails forgets everything. Forgetting
 *       is always safe: the next read refills from the file.</li>
 * </ul>
 * The interleavings this covers:
 * <ul>
 *   <li><i>A reader's snapshot taken before our COMMIT, kept after the mirror was told</i>: the epoch moved between
 *       its note and its put, so nothing is kept. (The row alone cannot tell: our commits leave it as it was.)</li>
 *   <li><i>A reader's snapshot taken after our COMMIT, kept before the mirror is told</i>: the entry is the file's
 *       state after that commit, which is in the file; being told, the mirror forgets the keys the commit wrote.</li>
 *   <li><i>A reader that read the row just before our COMMIT</i> answers from memory the state before it: the
 *       file's state when it read, as if it had come a moment earlier (as a read beside a write may).</li>
 *   <li><i>Another process commits</i>: it finds another owner, so it claims the row ({@code S + 1} or later, its
 *       own owner); from then on no read finds {@code (S, us)}, and until we claim again nothing is kept. Our next
 *       write finds the other owner, claims {@code M > S} and forgets everything. The other process's mirror does
 *       the same with ours. Each claimed value is claimed once, so a value names one owner's run of commits.</li>
 *   <li><i>Two of our readers fill the same key</i> at the same epoch: both read the same state (or a later
 *       commit's, which forgets it when told); the second put replaces the first.</li>
 *   <li><i>Our writer uses the mirror inside its transaction</i>: under the write lock every commit of ours has been
 *       told, so when the row reads {@code (S, us)} the entries are the file's state as the transaction begins.</li>
 * </ul>
 * Not covered: edits of the file by hand (the {@code sqlite3} shell) and a process of an earlier release that had
 * the file open before this release migrated it; they do not claim the row, and their changes are seen once any
 * commit of this release's claims it.
 *
 * <p><b>Memory:</b> a key may carry 50 tags of up to 128 + 256 characters, so 10,000 keys could take some 400 MB.
 * The mirror keeps the most recently used keys within {@link #DEFAULT_BUDGET_BYTES} (estimated from the text's
 * length), about 15,000 keys of 10 short tags, or 750 of the largest; those it lets go are read from the file
 * again when asked for.
 */
final class TagMirror {

    /** What the mirror may hold, estimated: enough for a usual account, bounded for the largest keys. */
    static final long DEFAULT_BUDGET_BYTES = 32L << 20;
    /** No sequence claimed yet: nothing is kept until a commit of ours tells one. */
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

    /** The file's commit sequence row: its value and the owner token of the store that claimed it (0: none). */
    record Sequence(long value, long owner) {
    }

    /** A key (null when there is none) and the commit sequence it was read at, by one statement. */
    record SequencedKey(Sequence sequence, MirroredKey key) {
    }

    private final long budgetBytes;
    private final long owner = newOwnerToken();
    // In order of use, so that the least recently used go first when over the budget.
    private final Map<String, MirroredKey> keys = new LinkedHashMap<>(256, 0.75f, true);
    private long sequence = NONE;
    // Moves on with each of our commits told, and whenever everything is forgotten; read without the lock.
    private volatile long epoch;
    private long weightBytes;

    TagMirror() {
        this(DEFAULT_BUDGET_BYTES);
    }

    TagMirror(long budgetBytes) {
        this.budgetBytes = budgetBytes;
    }

    private static long newOwnerToken() {
        SecureRandom random = new SecureRandom();
        long token = 0;
        while (token == 0) {
            token = random.nextLong();
        }
        return token;
    }

    /** This store's owner token: what its claims write into the commit sequence row. */
    long owner() {
        return owner;
    }

    /** Whether the row says the file is as this store's commits left it since it claimed the mirror's sequence. */
    synchronized boolean isCurrent(Sequence read) {
        return read.owner() == owner && read.value() == sequence;
    }

    /** Whether the row is this store's (whatever its value): writes need not claim it. */
    boolean owns(Sequence read) {
        return read.owner() == owner;
    }

    /** Whether the key is held at all: if not, reading the file's sequence first is of no use. */
    synchronized boolean holds(String keyId) {
        return keys.containsKey(keyId);
    }

    /** The key as it is when the file's row reads {@code read}; null when not held for that. */
    synchronized MirroredKey get(String keyId, Sequence read) {
        return isCurrent(read) ? keys.get(keyId) : null;
    }

    /** Noted before a read of the file whose result may be {@linkplain #put kept}. */
    long epoch() {
        return epoch;
    }

    /**
     * Keeps a key read together with the row {@code read}, by a read begun at {@code epochBefore}: only if the row is
     * still the mirror's and none of our commits was told since.
     */
    synchronized void put(String keyId, MirroredKey key, Sequence read, long epochBefore) {
        if (isCurrent(read) && epochBefore == epoch) {
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
     * Our batch was committed, the row's value {@code newSequence} after it (ours), writing (at most) the keys
     * {@code keysWritten}; of those, it knew {@code keysKnown} whole, as they are now.
     */
    synchronized void committed(long newSequence, Collection<String> keysWritten, Map<String, MirroredKey> keysKnown) {
        if (sequence == newSequence) {
            forget(keysWritten);
            epoch++;
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
        epoch++;
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
