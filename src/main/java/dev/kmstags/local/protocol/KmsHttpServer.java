package dev.kmstags.local.protocol;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP side of the bundled KMS backend: speaks the KMS wire protocol (AWS JSON 1.1 over {@code POST /},
 * {@code X-Amz-Target: TrentService.<Operation>}, SigV4 with service {@code kms}) on 127.0.0.1 only, and hands
 * every authenticated request to a {@link KmsRequestHandler}. Any AWS SDK or the AWS CLI can talk to
 * {@link #endpoint()}.
 *
 * <p>It tunes the JDK's built-in server through system properties that the JDK reads once per JVM, so it should be
 * the first {@code com.sun.net.httpserver} server the JVM starts.
 */
public final class KmsHttpServer implements AutoCloseable {

    // Room for many clients connecting at once (the default is 50).
    private static final int ACCEPT_BACKLOG = 256;
    private static final long SHUTDOWN_WAIT_MS = 1_000;

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI endpoint;

    private KmsHttpServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
        this.endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * Starts answering on {@code 127.0.0.1:port}, checking signatures against the system clock.
     *
     * @param port      the TCP port; 0 picks a free one
     * @param latencyMs a delay added to every answer, errors included; 0 for none
     * @throws IOException when the port cannot be bound
     */
    public static KmsHttpServer start(int port, Credentials credentials, KmsRequestHandler handler, int latencyMs)
            throws IOException {
        return start(port, credentials, handler, latencyMs, Clock.systemUTC());
    }

    /**
     * As {@link #start(int, Credentials, KmsRequestHandler, int)}, with the clock that request times are checked
     * against.
     */
    public static KmsHttpServer start(int port, Credentials credentials, KmsRequestHandler handler, int latencyMs,
                                      Clock clock) throws IOException {
        Objects.requireNonNull(handler, "handler");
        if (latencyMs < 0) {
            throw new IllegalArgumentException("latency must not be negative: " + latencyMs);
        }
        configureJdkServer();
        HttpServer server = HttpServer.create(
                new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port), ACCEPT_BACKLOG);
        ObjectMapper mapper = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
        server.createContext("/", new KmsExchangeHandler(new SigV4Verifier(credentials, clock), handler, mapper,
                latencyMs));
        // A cached pool: with added latency many clients wait at once, and each waits in its own thread.
        ExecutorService executor = Executors.newCachedThreadPool(daemonThreads());
        server.setExecutor(executor);
        server.start();
        return new KmsHttpServer(server, executor);
    }

    /**
     * The JDK server reads these once, when the first server in the JVM is created. Without TCP_NODELAY, Nagle's
     * algorithm and delayed ACKs add about 40 ms to every keep-alive request. Without a drain amount of 0 the
     * server would, after refusing an oversized body, keep reading up to 64 KiB of it and block while the client
     * sends nothing; with it, a connection whose body was not read to the end is simply closed.
     */
    private static void configureJdkServer() {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        if (System.getProperty("sun.net.httpserver.drainAmount") == null) {
            System.setProperty("sun.net.httpserver.drainAmount", "0");
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "kms-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The TCP port the server answers on. */
    public int port() {
        return endpoint.getPort();
    }

    /** Where the server answers: {@code http://127.0.0.1:<port>}. */
    public URI endpoint() {
        return endpoint;
    }

    /** Stops accepting, drops open connections and stops the worker threads; returns within about a second. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(SHUTDOWN_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
