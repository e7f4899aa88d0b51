package dev.kmstags.local.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Copies the WAL's pages into the data file (a checkpoint) on a thread of its own, so that no write waits for it.
 * Left to itself, SQLite runs a checkpoint inside the commit that takes the WAL past 1,000 pages: the copy and two
 * fsyncs, while the store's write lock is held and every other write waits. So the writer's connection checkpoints
 * by itself only past {@link #WRITER_CHECKPOINT_PAGES} (a bound on the WAL's size should commits be very large), and
 * this thread checkpoints on a connection of its own every {@link #COMMITS_PER_CHECKPOINT} commits, in PASSIVE mode:
 * it waits for no reader or writer, and writers go on committing meanwhile.
 *
 * <p>Durability is the same either way: a commit is in the WAL before it returns, and SQLite reads the WAL on
 * opening the file, whether or not its pages were copied; a {@code kill -9} during a checkpoint loses nothing.
 */
final class WalCheckpointer implements AutoCloseable {

    /**
     * Commits between two checkpoints. A TagResource commits one or two pages, so this is about as often as SQLite's
     * own 1,000 pages. Each checkpoint syncs the WAL and the file, and copies each page once however often it was
     * written since: under a steady load of tag writes, checkpoints every 250 commits cost the backend about 2% of its
     * CPU (docs/benchmarks.md).
     */
    static final int COMMITS_PER_CHECKPOINT = 1_000;
    /** Past this many pages in the WAL the writer's commit checkpoints itself, as SQLite does past 1,000. */
    static final int WRITER_CHECKPOINT_PAGES = 10_000;

    private final Connection connection;
    private final Thread thread;
    private final AtomicInteger commitsSince = new AtomicInteger();
    private volatile boolean closed;

    private WalCheckpointer(Connection connection) {
        this.connection = connection;
        this.thread = new Thread(this::run, "sqlite-wal-checkpoint");
        this.thread.setDaemon(true);
    }

    /**
     * Makes {@code writer} leave checkpoints to a thread on {@code own}, a connection of its own to the same file,
     * and starts that thread.
     */
    static WalCheckpointer start(Connection writer, Connection own) throws SQLException {
        try (Statement statement = writer.createStatement()) {
            statement.execute("PRAGMA wal_autocheckpoint = " + WRITER_CHECKPOINT_PAGES);
        }
        try (Statement statement = own.createStatement()) {
            statement.execute("PRAGMA wal_autocheckpoint = 0");
        }
        WalCheckpointer checkpointer = new WalCheckpointer(own);
        checkpointer.thread.start();
        return checkpointer;
    }

    /** A batch of writes was committed; every {@link #COMMITS_PER_CHECKPOINT} wakes the thread. */
    void committed() {
        if (commitsSince.incrementAndGet() == COMMITS_PER_CHECKPOINT) {
            LockSupport.unpark(thread);
        }
    }

    private void run() {
        while (!closed) {
            if (commitsSince.get() < COMMITS_PER_CHECKPOINT) {
                LockSupport.park(this);
                continue;
            }
            commitsSince.set(0);
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA wal_checkpoint(PASSIVE)");
            } catch (SQLException e) {
                // Another connection is checkpointing, or the file is closing: the next turn tries again, and
                // the writer's own checkpoint bounds the WAL meanwhile.
            }
        }
    }

    /** Stops the thread, after the checkpoint under way, and closes its connection. */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing anyway; nothing of it was the user's data
        }
    }
}
