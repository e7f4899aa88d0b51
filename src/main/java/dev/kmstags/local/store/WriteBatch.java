package dev.kmstags.local.store;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Writes that queued up while another was being committed, run one after the other in one transaction and
 * committed once (group commit). Each runs within a savepoint of its own, so a write that fails is rolled back
 * alone, exactly as if it had had its transaction to itself; none is answered before the commit: the caller tells
 * each write it is done ({@link Pending#finish()}) once {@link #run} has returned.
 */
final class WriteBatch {

    /**
     * One caller's write, and how it ended once its batch was committed or rolled back: told to the thread that
     * waits for it, or to the future that stands for it.
     */
    static final class Pending<T> {

        private final Function<StoreSession, T> work;
        private final Thread waiter;
        private final CompletableFuture<T> future;
        // Written by the thread that commits it, read by its waiter: the result and failure before done.
        private volatile boolean done;
        private T result;
        private RuntimeException failure;

        private Pending(Function<StoreSession, T> work, Thread waiter, CompletableFuture<T> future) {
            this.work = work;
            this.waiter = waiter;
            this.future = future;
        }

        /** A write whose thread waits for it, and is woken once it is done. */
        static <T> Pending<T> waitedFor(Function<StoreSession, T> work, Thread waiter) {
            return new Pending<>(work, waiter, null);
        }

        /** A write nobody waits for: its {@link #future()} completes once it is done. */
        static <T> Pending<T> completing(Function<StoreSession, T> work) {
            return new Pending<>(work, null, new CompletableFuture<>());
        }

        boolean done() {
            return done;
        }

        CompletableFuture<T> future() {
            return future;
        }

        /** Tells the write's thread or future how it ended; once its batch is committed or rolled back. */
        void finish() {
            done = true;
            if (future != null) {
                if (failure != null) {
                    future.completeExceptionally(failure);
                } else {
                    future.complete(result);
                }
            } else if (waiter != Thread.currentThread()) {
                LockSupport.unpark(waiter);
            }
        }

        /** @return the work's result; throws what the work or the commit threw */
        T outcome() {
            if (failure != null) {
                throw failure;
            }
            return result;
        }

        /** Ends this write unrun, with {@code why}; {@link #finish()} tells it. */
        void fail(RuntimeException why) {
            failure = why;
        }

        private void run(StoreSession session) {
            result = work.apply(session);
        }
    }

    private WriteBatch() {
    }

    /**
     * Runs every write in one transaction on {@code session} and commits it, or rolls it back; the caller then tells
     * each write how it ended. The writer's
     * connection is in autocommit mode between batches, and a batch begins its transaction itself with
     * {@code BEGIN IMMEDIATE}: so the file's write lock is held only while a batch runs, and another process (the
     * {@code tags} command, a second app) can write the same file meanwhile. (The JDBC driver, left to manage
     * transactions, begins the next one the moment it commits, and an immediate one holds the lock for good.)
     *
     * <p>Each transaction reads the file's commit sequence row first (without a statement when the
     * {@link CommitSequenceReader} knows it) and claims it when another store owns it; once
     * committed (or not) it tells {@code mirror} which keys its writes touched, before any of its writers is
     * answered (see {@link TagMirror}).
     */
    static void run(StoreSession session, List<Pending<?>> batch, TagMirror mirror, CommitSequenceReader sequences) {
        try {
            session.execute("BEGIN IMMEDIATE");
            CommitSequenceReader.AtHeader begun = sequences.read(session);
            TagMirror.Sequence before = begun.sequence();
            long sequence = mirror.owns(before) ? before.value() : session.claimCommitSequence(mirror.owner());
            session.transaction().begin(mirror, before);
            boolean committed;
            if (batch.size() == 1) {
                committed = runAlone(session, batch.get(0));
            } else {
                for (Pending<?> pending : batch) {
                    runInSavepoint(session, pending);
                }
                session.execute("COMMIT");
                committed = true;
            }
            if (committed) {
                session.transaction().committed(sequence);
                sequences.committed(begun, new TagMirror.Sequence(sequence, mirror.owner()));
            } else {
                session.transaction().rolledBack();
            }
        } catch (SQLException | RuntimeException | Error e) {
            session.transaction().rolledBack();
            mirror.forgetAll();
            // The transaction itself failed (not one write's own error), or a write's work broke down (an Error):
            // nothing of it is in the file, and every write of it is told so, none left waiting.
            StoreException failure = new StoreException("Could not write the data file: " + e.getMessage(), e);
            rollbackQuietly(session);
            for (Pending<?> pending : batch) {
                if (pending.failure == null) {
                    pending.failure = failure;
                }
                pending.result = null;
            }
        }
    }

    /**
     * A write with the transaction to itself needs no savepoint: it commits when it succeeds, and the whole
     * transaction is rolled back when it fails.
     */
    private static boolean runAlone(StoreSession session, Pending<?> pending) throws SQLException {
        try {
            pending.run(session);
        } catch (RuntimeException e) {
            session.execute("ROLLBACK");
            pending.failure = e;
            return false;
        }
        session.execute("COMMIT");
        return true;
    }

    private static void runInSavepoint(StoreSession session, Pending<?> pending) throws SQLException {
        session.execute("SAVEPOINT one_write");
        try {
            pending.run(session);
        } catch (RuntimeException e) {
            session.execute("ROLLBACK TO one_write");
            session.transaction().rolledBackToSavepoint();
            pending.failure = e;
        } finally {
            session.execute("RELEASE one_write");
        }
    }

    private static void rollbackQuietly(StoreSession session) {
        try {
            session.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // No transaction was open, or the first error is the one reported.
        }
    }
}
