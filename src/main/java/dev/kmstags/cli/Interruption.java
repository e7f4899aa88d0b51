package dev.kmstags.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (SIGINT) or SIGTERM during {@code tags apply}: while a commit runs, the JVM's shutdown waits until the
 * commit has stopped starting keys, the keys under way are finished and the result is reported; before the commit
 * starts, the command just ends, having written nothing.
 */
final class Interruption implements AutoCloseable {

    /** Enough for the calls in flight (each bounded by the client's read timeout) and the report. */
    private static final long WAIT_SECONDS = 90;

    private final Thread hook = new Thread(this::signalled, "tags-apply-interruption");
    private final CountDownLatch finished = new CountDownLatch(1);
    private Runnable stopCommit;
    private boolean signalled;

    private Interruption() {
    }

    /** Listens for the signals until closed. */
    static Interruption listen() {
        Interruption interruption = new Interruption();
        Runtime.getRuntime().addShutdownHook(interruption.hook);
        return interruption;
    }

    /**
     * Starts the commit with {@code start}, unless a signal came first, and has a later signal call {@code stop}.
     *
     * @return false when a signal came first and nothing was started
     */
    synchronized boolean startCommit(Runnable start, Runnable stop) {
        if (signalled) {
            return false;
        }
        start.run();
        stopCommit = stop;
        return true;
    }

    /** Whether a signal asked the command to stop. */
    synchronized boolean wasSignalled() {
        return signalled;
    }

    private void signalled() {
        Runnable stop;
        synchronized (this) {
            signalled = true;
            stop = stopCommit;
        }
        if (stop != null) {
            stop.run();
            try {
                finished.await(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The command has reported and released what it held: a signal's shutdown may go on. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down already: the hook is running, and now returns.
        }
    }
}
