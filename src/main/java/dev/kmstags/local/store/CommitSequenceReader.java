package dev.kmstags.local.store;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads the file's commit sequence row (see {@link TagMirror}) without a statement while the file's WAL-index header
 * ({@link WalIndexHeader}) says that no commit has come since the row was last known.
 *
 * <p>What it knows is a header and the row at that header, and it learns it two ways:
 * <ul>
 *   <li><i>A statement read the row</i> after the header was read. No commit came between the two, or the header
 *       would have moved on for good and never be read again; so while the header reads the same, the row is what
 *       the statement read.</li>
 *   <li><i>A write transaction of this store committed.</i> It read the header after {@code BEGIN IMMEDIATE}, when no
 *       other commit can come until its own; SQLite counts each commit in the header once. When the header read
 *       after the COMMIT counts exactly one transaction more, no other process committed in between, and the row is
 *       as this transaction left it.</li>
 * </ul>
 * Each commit of another process moves the header on, so the first read after it runs the statement.
 */
final class CommitSequenceReader {

    /** The commit sequence row, and the WAL-index header it was read at (null when the header was unreadable). */
    record AtHeader(byte[] header, TagMirror.Sequence sequence) {
    }

    private final WalIndexHeader walIndex;
    private final AtomicLong statements = new AtomicLong();
    private volatile AtHeader known;

    CommitSequenceReader(WalIndexHeader walIndex) {
        this.walIndex = walIndex;
    }

    /** The row as it is now and the header it was read at: from what is known, or by a statement on {@code session}. */
    AtHeader read(StoreSession session) {
        byte[] header = walIndex.read();
        AtHeader last = known;
        if (header != null && last != null && Arrays.equals(header, last.header())) {
            return last;
        }
        statements.incrementAndGet();
        AtHeader read = new AtHeader(header, session.commitSequence());
        if (header != null) {
            known = read;
        }
        return read;
    }

    /**
     * A write transaction that read the row with {@link #read} after {@code BEGIN IMMEDIATE} committed, leaving the row
     * at {@code after}.
     */
    void committed(AtHeader begun, TagMirror.Sequence after) {
        if (begun.header() == null) {
            return;
        }
        byte[] header = walIndex.read();
        if (header != null && WalIndexHeader.transactions(header) == WalIndexHeader.transactions(begun.header()) + 1) {
            known = new AtHeader(header, after);
        }
    }

    /** How many times the row was read by a statement; for tests. */
    long statements() {
        return statements.get();
    }
}
