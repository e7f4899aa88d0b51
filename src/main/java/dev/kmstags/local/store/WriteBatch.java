package dev.kmstags.local.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;
import java.util.function.Function;

/**
 * Writes that queued up while another was being committed, run one after the other in one transaction and
 * committed once (group commit). Each runs within a savepoint of its own, so a write that fails is rolled back
 * alone, exactly as if it had had its transaction to itself; none is answered before the commit.
 */
final class WriteBatch {

    /** One caller's write, and how it ended once its batch was committed or rolled back. */
    static final class Pending<T> {

        private final Function<StoreSession, T> work;
        private boolean done;
        private T result;
        private RuntimeException failure;

        Pending(Function<StoreSession, T> work) {
            this.work = work;
        }

        /** Read under the store's write lock. */
        boolean done() {
            return done;
        }

        /** @return the work's result; throws what the work or the commit threw */
        T outcome() {
            if (failure != null) {
                throw failure;
            }
            return result;
        }

        /** Ends this write unrun, with {@code why}. */
        void fail(RuntimeException why) {
            failure = why;
            done = true;
        }

        private void run(StoreSession session) {
            result = work.apply(session);
        }
    }

    private WriteBatch() {
    }

    /** Runs every write in one transaction on {@code session} and commits it; marks each done. */
    static void run(StoreSession session, List<Pending<?>> batch) {
        Connection connection = session.connection();
        try {
            if (batch.size() == 1) {
                runAlone(connection, session, batch.get(0));
            } else {
                for (Pending<?> pending : batch) {
                    runInSavepoint(connection, session, pending);
                }
                connection.commit();
            }
        } catch (SQLException | RuntimeException e) {
            // The transaction itself failed (not one write's own error): nothing of it is in the file.
            StoreException failure = new StoreException("Could not write the data file: " + e.getMessage(), e);
            rollbackQuietly(connection);
            for (Pending<?> pending : batch) {
                if (pending.failure == null) {
                    pending.failure = failure;
                }
                pending.result = null;
            }
        } finally {
            batch.forEach(pending -> pending.done = true);
        }
    }

    /**
     * A write with the transaction to itself needs no savepoint: it commits when it succeeds, and the whole
     * transaction is rolled back when it fails.
     */
    private static void runAlone(Connection connection, StoreSession session, Pending<?> pending)
            throws SQLException {
        try {
            pending.run(session);
        } catch (RuntimeException e) {
            connection.rollback();
            pending.failure = e;
            return;
        }
        connection.commit();
    }

    private static void runInSavepoint(Connection connection, StoreSession session, Pending<?> pending)
            throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            pending.run(session);
        } catch (RuntimeException e) {
            connection.rollback(savepoint);
            pending.failure = e;
        } finally {
            connection.releaseSavepoint(savepoint);
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The first error is the one reported.
        }
    }
}
