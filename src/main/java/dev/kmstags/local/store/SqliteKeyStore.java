package dev.kmstags.local.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The bundled backend's keys, aliases and tags in one SQLite file.
 *
 * <p>Every write runs in one transaction on the single writer connection, committed by one thread, one batch at a
 * time, so concurrent requests never lose an update. The file is in WAL mode: readers work beside the writer on
 * their own connections, and a commit is in the file (the OS's cache) before it returns, so a {@code kill -9} loses
 * no answered write; the WAL is copied into the file by a thread of its own ({@link WalCheckpointer}), not by the
 * commits. Keys' tags are mirrored in memory for as long as the file's commit sequence row says they are unchanged
 * ({@link TagMirror}).
 */
public final class SqliteKeyStore implements AutoCloseable {

    static final int READERS = 4;
    private static final int SQLITE_READONLY = 8;
    /** The most writes one commit takes; a queue longer than this is committed in several. */
    private static final int MAX_BATCH = 64;
    private static final String COMMITTER_THREAD_NAME = "sqlite-commit";
    private static final Logger LOG = LoggerFactory.getLogger(SqliteKeyStore.class);

    private final Path file;
    private final StoreSession writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Queue<WriteBatch.Pending<?>> pendingWrites = new ConcurrentLinkedQueue<>();
    private final BlockingQueue<StoreSession> readers;
    private final List<StoreSession> allReaders = new ArrayList<>();
    private final TagMirror mirror = new TagMirror();
    private final WalCheckpointer checkpointer;
    private final CommitSequenceReader sequenceReader;
    private final Thread committer;
    private volatile boolean closed;

    private SqliteKeyStore(Path file, StoreSession writer, List<StoreSession> readerSessions,
            WalCheckpointer checkpointer, WalIndexHeader walIndex) {
        this.file = file;
        this.writer = writer;
        this.checkpointer = checkpointer;
        this.sequenceReader = new CommitSequenceReader(walIndex);
        this.readers = new ArrayBlockingQueue<>(readerSessions.size(), false, readerSessions);
        this.allReaders.addAll(readerSessions);
        this.committer = new Thread(this::commitUntilClosed, COMMITTER_THREAD_NAME);
        committer.setDaemon(true);
        committer.start();
    }

    /**
     * Opens the file, creating it and its folders if needed (private to the user), checks that it can be written
     * and migrates its schema to this release's.
     *
     * @throws StoreException with a sentence naming the file, and the fix when the file is read-only
     */
    public static SqliteKeyStore open(Path file) {
        try {
            PrivateFiles.create(file);
        } catch (IOException e) {
            throw new StoreException("Could not create the data file " + file + ": " + e.getMessage(), e);
        }
        List<StoreSession> opened = new ArrayList<>();
        try {
            Connection writerConnection = connect(file, SQLiteConfig.TransactionMode.IMMEDIATE);
            opened.add(new StoreSession(writerConnection));
            checkWritable(writerConnection, file);
            Schema.migrate(writerConnection);
            leaveTransactionsToTheStore(writerConnection);
            List<StoreSession> readerSessions = new ArrayList<>();
            for (int i = 0; i < READERS; i++) {
                // In autocommit mode: read() begins and ends its transactions itself, and a single statement
                // needs none.
                Connection readerConnection = connect(file, SQLiteConfig.TransactionMode.DEFERRED);
                leaveTransactionsToTheStore(readerConnection);
                StoreSession reader = new StoreSession(readerConnection);
                opened.add(reader);
                readerSessions.add(reader);
            }
            Connection checkpointConnection = connect(file, SQLiteConfig.TransactionMode.DEFERRED);
            leaveTransactionsToTheStore(checkpointConnection);
            opened.add(new StoreSession(checkpointConnection));
            WalCheckpointer checkpointer = WalCheckpointer.start(writerConnection, checkpointConnection);
            return new SqliteKeyStore(file, opened.get(0), readerSessions, checkpointer, WalIndexHeader.of(file));
        } catch (SQLException | RuntimeException e) {
            opened.forEach(SqliteKeyStore::closeQuietly);
            if (e instanceof StoreException storeException) {
                throw storeException;
            }
            throw new StoreException("Could not open the data file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * SQLite opens a file it may not write read-only, without a word, and fails only at the first write: each
     * request would then answer an internal error that clients retry forever. So one write is tried at once (the
     * schema version set to itself) and rolled back.
     */
    private static void checkWritable(Connection connection, Path file) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            int version;
            try (ResultSet result = statement.executeQuery("PRAGMA user_version")) {
                version = result.getInt(1);
            }
            statement.execute("PRAGMA user_version = " + version);
        } catch (SQLException e) {
            if ((e.getErrorCode() & 0xFF) == SQLITE_READONLY) {
                throw new StoreException("The data file " + file + " is read-only, so no change could be saved."
                        + " Make it writable for this user (chmod u+w " + file + ") or use another data file.", e);
            }
            throw e;
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    /**
     * The store begins and ends every transaction itself ({@code BEGIN IMMEDIATE} and {@code COMMIT} of a write
     * batch, {@code BEGIN} and {@code COMMIT} of a read), and runs single statements in SQLite's autocommit mode.
     * The driver, in its autocommit mode, would after every statement that finishes run {@code begin;} and, when that
     * succeeds, {@code commit;}, to end a transaction the statement might have left open: two or three extra steps
     * for each of a write's three statements. So the driver is told autocommit is off (it then runs {@code begin;})
     * and that transaction is ended at once: SQLite stays in autocommit mode between the store's own transactions,
     * and the driver runs no statement of its own. Nothing here calls the connection's {@code commit()},
     * {@code rollback()} or {@code setAutoCommit()} after this (they would begin a transaction left open; decision
     * 0016).
     */
    private static void leaveTransactionsToTheStore(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("COMMIT");
        }
    }

    private static Connection connect(Path file, SQLiteConfig.TransactionMode mode) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // In WAL mode NORMAL loses nothing to a process crash: a commit is written to the WAL before it returns.
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(10_000);
        config.enforceForeignKeys(true);
        config.setTransactionMode(mode);
        // Nothing here asks for generated keys; left on, the driver runs a query of its own after every INSERT.
        config.setGetGeneratedKeys(false);
        return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    /** The file this store keeps its data in. */
    public Path file() {
        return file;
    }

    /** Runs {@code work} in one read transaction: it sees one consistent state of the file. */
    public <T> T read(Function<StoreSession, T> work) {
        StoreSession session = takeReader();
        try {
            execute(session, "BEGIN");
            try {
                return work.apply(session);
            } finally {
                endRead(session);
            }
        } finally {
            readers.add(session);
        }
    }

    /**
     * The region of the key with this ID and up to {@code limit} of its tags after {@code afterTagKey} (null for the
     * start), ordered by tag key; empty when no key has this ID. From memory when the file's commit sequence row (as
     * the {@link CommitSequenceReader} reads it) says the {@link TagMirror} holds the key as it is; else by one
     * statement outside a transaction, which sees one consistent state of the file and is kept in the mirror. When
     * that statement finds the row claimed by another store (it wrote the file last), this store claims it back so
     * that the mirror can fill again.
     */
    public Optional<KeyTagPage> keyTagPage(String keyId, String afterTagKey, int limit) {
        TagMirror.SequencedKey read = withReader(session -> {
            if (mirror.holds(keyId)) {
                TagMirror.Sequence sequence = sequenceReader.read(session).sequence();
                TagMirror.MirroredKey known = mirror.get(keyId, sequence);
                if (known != null) {
                    return new TagMirror.SequencedKey(sequence, known);
                }
            }
            long epoch = mirror.epoch();
            TagMirror.SequencedKey fresh = session.keyWithTags(keyId);
            if (fresh.key() != null) {
                mirror.put(keyId, fresh.key(), fresh.sequence(), epoch);
            }
            return fresh;
        });
        if (!mirror.owns(read.sequence())) {
            claimCommitSequence();
        }
        return Optional.ofNullable(read.key()).map(key -> key.page(afterTagKey, limit));
    }

    /**
     * A write of nothing, which claims the commit sequence row (see {@link WriteBatch}). It only lets the mirror
     * fill again, so a failure is left to the next write to meet.
     */
    private void claimCommitSequence() {
        try {
            write(session -> null);
        } catch (StoreException ignored) {
            // The answer was read from the file; the mirror stays unused until a write claims the row.
        }
    }

    /** How many times the commit sequence row was read by a statement; for tests. */
    long sequenceStatements() {
        return sequenceReader.statements();
    }

    /** The mirror of keys' tags; for tests. */
    TagMirror mirror() {
        return mirror;
    }

    /** Runs {@code work} on a reader connection in autocommit mode: each statement is its own snapshot. */
    <T> T withReader(Function<StoreSession, T> work) {
        StoreSession session = takeReader();
        try {
            return work.apply(session);
        } finally {
            readers.add(session);
        }
    }

    /**
     * Runs {@code work} in one write transaction, after every other write: it commits when {@code work} returns
     * and rolls back entirely when it throws. Writes that arrive while another is being committed are run one
     * after the other and committed together (see {@link WriteBatch}); this returns only once {@code work} is
     * committed (or rolled back).
     *
     * @throws IllegalStateException on the committer thread (in a stage chained to {@link #writeLater}), which
     *                               would wait for itself
     */
    public <T> T write(Function<StoreSession, T> work) {
        if (Thread.currentThread() == committer) {
            throw new IllegalStateException("A write cannot wait for another on the thread that commits them");
        }
        WriteBatch.Pending<T> mine = WriteBatch.Pending.waitedFor(work, Thread.currentThread());
        queue(mine);
        boolean interrupted = false;
        while (!mine.done()) {
            LockSupport.park(this);
            // Waiting is not interruptible, as a write cannot be taken back once queued; the flag is kept.
            interrupted |= Thread.interrupted();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return mine.outcome();
    }

    /**
     * As {@link #write}, without waiting: the future completes once {@code work} is committed, with its result, or
     * exceptionally with what it or the commit threw. A request thread that queues a write this way is free at
     * once; the committer thread completes the future once it has committed the write, and runs whatever was
     * chained to it.
     */
    public <T> CompletableFuture<T> writeLater(Function<StoreSession, T> work) {
        WriteBatch.Pending<T> mine = WriteBatch.Pending.completing(work);
        queue(mine);
        return mine.future();
    }

    /**
     * Queues a write for the committer thread ({@link #commitUntilClosed}) and wakes it. Once the store is closed
     * nobody commits any more: the write fails at once, on this thread.
     */
    private void queue(WriteBatch.Pending<?> pending) {
        pendingWrites.add(pending);
        if (closed) {
            commitWhileFree();
        } else {
            LockSupport.unpark(committer);
        }
    }

    /**
     * The committer thread's loop: one thread commits every write, batch after batch of whatever is queued, and
     * waits while nothing is. SQLite's state for the writer connection (its page cache, the WAL index, the JDBC
     * driver's objects) then stays with one thread and the core it runs on, and while it commits, the writes of
     * the requests that arrive meanwhile queue up for the next batch; when each request's own thread committed
     * (whichever found the writer free), TagResource under 8 connections took about a sixth more CPU
     * (docs/benchmarks.md). Once the store is closed, writes still queued fail and the thread ends.
     */
    private void commitUntilClosed() {
        while (!closed) {
            if (pendingWrites.isEmpty()) {
                LockSupport.park(this);
            }
            try {
                commitWhileFree();
            } catch (RuntimeException | Error e) {
                // A write's own failure is its caller's (WriteBatch); this is a bug here, and the writes go on.
                LOG.error("Committing the queued writes failed", e);
            }
        }
        commitWhileFree();
    }

    /**
     * Commits the queued writes for as long as the writer is free: takes the writer, commits one batch of whatever
     * is queued, lets the writer go, then tells each write of the batch it is done (wakes its thread or completes
     * its future, and so sends its answer) outside the lock. Run by the committer thread, and by a thread that
     * closes the store or queues a write after it closed, to fail what is left.
     */
    private void commitWhileFree() {
        while (!pendingWrites.isEmpty() && writeLock.tryLock()) {
            List<WriteBatch.Pending<?>> batch;
            try {
                batch = commitQueued();
            } finally {
                writeLock.unlock();
            }
            batch.forEach(WriteBatch.Pending::finish);
        }
    }

    /** Commits (or fails, once closed) one batch of the queued writes; under the write lock. */
    private List<WriteBatch.Pending<?>> commitQueued() {
        List<WriteBatch.Pending<?>> batch = new ArrayList<>();
        for (WriteBatch.Pending<?> next = pendingWrites.poll(); next != null; next = pendingWrites.poll()) {
            batch.add(next);
            if (batch.size() == MAX_BATCH) {
                break;
            }
        }
        if (closed) {
            StoreException failure = new StoreException("The data file is closed");
            batch.forEach(pending -> pending.fail(failure));
        } else if (!batch.isEmpty()) {
            WriteBatch.run(writer, batch, mirror, sequenceReader);
            checkpointer.committed();
        }
        return batch;
    }

    /** How many writes wait for the one under way; for tests of writes committed together. */
    int writersWaiting() {
        return pendingWrites.size();
    }

    private StoreSession takeReader() {
        ensureOpen();
        try {
            return readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while waiting for the data file");
        }
    }

    /** Ends a read transaction; should its COMMIT fail, a ROLLBACK leaves the connection fit for the next. */
    private static void endRead(StoreSession session) {
        try {
            execute(session, "COMMIT");
        } catch (StoreException e) {
            try {
                session.execute("ROLLBACK");
            } catch (SQLException ignored) {
                // no transaction left open; the COMMIT's error is the one reported
            }
            throw e;
        }
    }

    /** {@code BEGIN} or {@code COMMIT} of a read, prepared once per connection as every other statement. */
    private static void execute(StoreSession session, String sql) {
        try {
            session.execute(sql);
        } catch (SQLException e) {
            throw new StoreException("Could not " + sql + " a read of the data file: " + e.getMessage(), e);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException("The data file is closed");
        }
    }

    /** Waits for the write under way, then closes every connection. */
    @Override
    public void close() {
        writeLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            checkpointer.close();
            for (StoreSession reader : allReaders) {
                closeQuietly(reader);
            }
            writer.close();
        } finally {
            writeLock.unlock();
        }
        LockSupport.unpark(committer);
        // A write queued meanwhile fails, the store closed (so do any the committer thread finds as it ends).
        commitWhileFree();
    }

    private static void closeQuietly(StoreSession session) {
        try {
            session.close();
        } catch (RuntimeException ignored) {
            // already failing or closing; the first error is the one reported
        }
    }
}
