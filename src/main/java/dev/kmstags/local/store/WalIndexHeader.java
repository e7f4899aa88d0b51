package dev.kmstags.local.store;

import java.io.IOException;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The header of a data file's WAL index, read from the {@code -shm} file SQLite shares between the connections of
 * every process that has the file open (<a href="https://www.sqlite.org/walformat.html">the WAL format</a>, "the
 * WAL-index header"). SQLite rewrites it at every commit, whichever process commits: it counts the file's
 * transactions and holds the WAL's size, salts and checksums. So a header read twice, byte for byte the same, says
 * that no commit came in between; reading it takes no statement, no lock and no system call.
 *
 * <p>SQLite keeps two copies of the header: a writer writes the second, then the first; a reader reads the first, then
 * the second, and retries when they differ. So does {@link #read()}, which answers null instead of retrying.
 */
final class WalIndexHeader {

    /** One copy of the header: {@code WalIndexHdr} in SQLite's sources. */
    static final int COPY_BYTES = 48;
    /** Where the header's {@code iChange} lies: after {@code iVersion} and an unused field. */
    private static final int TRANSACTIONS_OFFSET = 8;

    /** A header that is never read: for a file whose WAL index cannot be mapped. Every read answers null. */
    static final WalIndexHeader UNREADABLE = new WalIndexHeader(null);

    private final MappedByteBuffer map;

    private WalIndexHeader(MappedByteBuffer map) {
        this.map = map;
    }

    /**
     * The header of {@code dataFile}'s WAL index, mapped read-only; {@link #UNREADABLE} when it cannot be (no
     * {@code -shm} file, or too short). Call it while a connection has the file open in WAL mode, so that SQLite has
     * made the file and keeps it.
     */
    static WalIndexHeader of(Path dataFile) {
        Path shm = dataFile.resolveSibling(dataFile.getFileName() + "-shm");
        try (FileChannel channel = FileChannel.open(shm, StandardOpenOption.READ)) {
            if (channel.size() < 2L * COPY_BYTES) {
                return UNREADABLE;
            }
            // The mapping outlives the channel; SQLite never shrinks the file while a connection has it open.
            return new WalIndexHeader(channel.map(FileChannel.MapMode.READ_ONLY, 0, 2L * COPY_BYTES));
        } catch (IOException | UnsupportedOperationException e) {
            return UNREADABLE;
        }
    }

    /**
     * How many transactions the header counts ({@code iChange}, in the machine's byte order): SQLite adds one at each
     * commit, whichever process commits.
     */
    static int transactions(byte[] header) {
        return ByteBuffer.wrap(header).order(ByteOrder.nativeOrder()).getInt(TRANSACTIONS_OFFSET);
    }

    /** The header as it is now; null while a commit is writing it (its two copies differ) or when unreadable. */
    byte[] read() {
        if (map == null) {
            return null;
        }
        byte[] first = new byte[COPY_BYTES];
        byte[] second = new byte[COPY_BYTES];
        map.get(0, first);
        VarHandle.loadLoadFence();
        map.get(COPY_BYTES, second);
        VarHandle.acquireFence();
        return Arrays.equals(first, second) ? first : null;
    }
}
