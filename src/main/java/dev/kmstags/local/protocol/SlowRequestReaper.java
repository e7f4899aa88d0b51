package dev.kmstags.local.protocol;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.NanoTime;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Closes connections whose request does not arrive in time (see {@link HttpLimits}): a head not whole within the
 * header timeout, or a body that falls below the minimum rate once that time has passed. Jetty itself only knows
 * an idle timeout, which a client sending one byte now and then never reaches. Such connections hold no thread
 * while they wait, only a socket and a buffer; this bounds how long they hold even that.
 */
final class SlowRequestReaper implements Connection.Listener {

    private final Set<HttpConnection> open = ConcurrentHashMap.newKeySet();
    /** Connections found too slow once, with the start of the request found so. */
    private final Map<HttpConnection, Long> slowOnce = new ConcurrentHashMap<>();
    private final long headerTimeoutNanos;
    private final double minBodyBytesPerNano;
    private final long periodMs;
    private Scheduler scheduler;

    SlowRequestReaper(HttpLimits limits) {
        this.headerTimeoutNanos = limits.headerTimeout().toNanos();
        this.minBodyBytesPerNano = limits.minBodyBytesPerSecond() / 1e9;
        this.periodMs = Math.max(20, Math.min(250, limits.headerTimeout().toMillis() / 4));
    }

    /** Checks every open connection a few times per header timeout, on the server's scheduler thread. */
    void start(Scheduler newScheduler) {
        this.scheduler = newScheduler;
        scheduleNext();
    }

    private void scheduleNext() {
        if (scheduler.isRunning()) {
            scheduler.schedule(this::sweep, periodMs, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void onOpened(Connection connection) {
        if (connection instanceof HttpConnection http) {
            open.add(http);
        }
    }

    @Override
    public void onClosed(Connection connection) {
        open.remove(connection);
        slowOnce.remove(connection);
    }

    private void sweep() {
        try {
            long now = NanoTime.now();
            for (HttpConnection connection : open) {
                HttpParser parser = connection.getParser();
                long begin = parser.getBeginNanoTime();
                String why = tooSlow(parser, begin, now);
                if (why == null) {
                    slowOnce.remove(connection);
                } else if (Long.valueOf(begin).equals(slowOnce.put(connection, begin))) {
                    connection.getEndPoint().close(new TimeoutException(why));
                }
            }
        } finally {
            scheduleNext();
        }
    }

    /**
     * The parser belongs to another thread and its fields are read here without synchronisation, so a sweep may see
     * a state and a start that do not belong together (such as the start of 0 that a reset leaves): a connection is
     * closed only when two sweeps in a row find the same request too slow.
     *
     * @return why the request on this parser has taken too long, or null when it has not (or none is under way)
     */
    private String tooSlow(HttpParser parser, long begin, long now) {
        if (begin == 0 || parser.isStart() || !(parser.inHeaderState() || parser.inContentState())) {
            return null;
        }
        long elapsed = NanoTime.elapsed(begin, now);
        if (elapsed <= headerTimeoutNanos) {
            return null;
        }
        if (parser.inHeaderState()) {
            return "the request head did not arrive within the header timeout";
        }
        if (parser.getContentRead() < minBodyBytesPerNano * (elapsed - headerTimeoutNanos)) {
            return "the request body arrived slower than the minimum rate";
        }
        return null;
    }
}
