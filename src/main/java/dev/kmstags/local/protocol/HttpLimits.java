package dev.kmstags.local.protocol;

import java.time.Duration;
import java.util.Objects;

/**
 * How much the bundled backend's HTTP server gives any one client: worker threads, and how long a request may take
 * to arrive. A request whose head has not arrived whole within {@code headerTimeout}, or whose body arrives slower
 * than {@code minBodyBytesPerSecond} once that much time has passed, is dropped; a connection that sends nothing
 * for {@code idleTimeout} is closed. Connections that wait on the network hold no thread.
 *
 * @param maxThreads            every thread the server may run: network, parsing and requests together
 * @param headerTimeout         from the first byte of a request until its head (request line and headers) is whole
 * @param minBodyBytesPerSecond the slowest a body may arrive, measured from the first byte of the request once
 *                              {@code headerTimeout} has passed
 * @param idleTimeout           how long a connection may send nothing, between requests or within one
 * @param maxDrainBytes         how much of a refused body is still read and thrown away, so that the client, which
 *                              sends all of it before reading, receives the answer instead of a reset connection
 */
public record HttpLimits(int maxThreads, Duration headerTimeout, int minBodyBytesPerSecond, Duration idleTimeout,
                         int maxDrainBytes) {

    /** What {@code serve} and the app's own backend run with. */
    public static final HttpLimits DEFAULTS = new HttpLimits(64, Duration.ofSeconds(5), 16 * 1024,
            Duration.ofSeconds(60), 8 * 1024 * 1024);

    public HttpLimits {
        Objects.requireNonNull(headerTimeout, "headerTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (maxThreads < 8) {
            throw new IllegalArgumentException("the server needs at least 8 threads: " + maxThreads);
        }
        if (headerTimeout.isNegative() || headerTimeout.isZero() || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (minBodyBytesPerSecond <= 0 || maxDrainBytes < 0) {
            throw new IllegalArgumentException("the body rate must be positive and the drain cap not negative");
        }
    }
}
