package dev.kmstags.local.protocol;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * The HTTP side of the bundled KMS backend: speaks the KMS wire protocol (AWS JSON 1.1 over {@code POST /},
 * {@code X-Amz-Target: TrentService.<Operation>}, SigV4 with service {@code kms}) on 127.0.0.1 only, and hands
 * every authenticated request to a {@link KmsRequestHandler}. Any AWS SDK or the AWS CLI can talk to
 * {@link #endpoint()}. Form-encoded requests signed for {@code iam} go to an IAM handler when one is given, so the
 * same endpoint answers the few IAM actions the app reads.
 *
 * <p>It runs on Jetty, whose connections wait for the network without holding a thread, within {@link HttpLimits}:
 * a bounded pool of threads, and requests that must arrive in time.
 */
public final class KmsHttpServer implements AutoCloseable {

    /** Every thread the server runs has a name that starts with this. */
    static final String THREAD_NAME = "kms-http";
    // Room for many clients connecting at once (the default is 50).
    private static final int ACCEPT_BACKLOG = 256;
    private static final long SHUTDOWN_WAIT_MS = 1_000;
    private static final String IAM_SERVICE = "iam";
    private static final String IAM_NAMESPACE = "https://iam.amazonaws.com/doc/2010-05-08/";

    private final Server server;
    private final URI endpoint;

    private KmsHttpServer(Server server, int port) {
        this.server = server;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
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
        return start(port, credentials, handler, latencyMs, clock, HttpLimits.DEFAULTS);
    }

    /** As {@link #start(int, Credentials, KmsRequestHandler, int, Clock)}, within the given limits. */
    public static KmsHttpServer start(int port, Credentials credentials, KmsRequestHandler handler, int latencyMs,
                                      Clock clock, HttpLimits limits) throws IOException {
        return start(port, credentials, handler, null, latencyMs, clock, limits);
    }

    /**
     * As {@link #start(int, Credentials, KmsRequestHandler, int, Clock, HttpLimits)}, and answers IAM's query
     * protocol too (form-encoded requests signed for service {@code iam}) with {@code iam}, when it is not null.
     */
    public static KmsHttpServer start(int port, Credentials credentials, KmsRequestHandler handler,
                                      QueryRequestHandler iam, int latencyMs, Clock clock, HttpLimits limits)
            throws IOException {
        Objects.requireNonNull(handler, "handler");
        if (latencyMs < 0) {
            throw new IllegalArgumentException("latency must not be negative: " + latencyMs);
        }
        ObjectMapper mapper = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
        // The AWS JSON requests: KMS's, and Organizations' for the tag policy, each signed for its own service.
        Map<String, SigV4Verifier> verifiers = Map.of(ServiceTarget.KMS, new SigV4Verifier(credentials, clock),
                ServiceTarget.ORGANIZATIONS, new SigV4Verifier(credentials, clock, ServiceTarget.ORGANIZATIONS));
        KmsExchangeHandler kms = new KmsExchangeHandler(verifiers, handler, mapper);
        if (iam == null) {
            return serve(port, kms, limits, latencyMs);
        }
        HttpHandler query = new QueryExchangeHandler(new SigV4Verifier(credentials, clock, IAM_SERVICE), iam,
                IAM_NAMESPACE);
        AsyncExchangeHandler both = exchange -> {
            if (!QueryExchangeHandler.accepts(exchange)) {
                return kms.handleAsync(exchange);
            }
            try {
                query.handle(exchange);
                return CompletableFuture.completedFuture(null);
            } catch (IOException e) {
                return CompletableFuture.failedFuture(e);
            }
        };
        return serve(port, both, limits, latencyMs);
    }

    /**
     * Serves any handler on {@code 127.0.0.1:port} exactly as the KMS protocol is served: the same server, threads,
     * limits and adapter. The backend benchmark's ceiling (a constant answer) runs on this.
     */
    public static KmsHttpServer serve(int port, HttpHandler handler, HttpLimits limits) throws IOException {
        return serve(port, handler, limits, 0);
    }

    /** As {@link #serve(int, HttpHandler, HttpLimits)}, every answer sent {@code latencyMs} after it is ready. */
    private static KmsHttpServer serve(int port, HttpHandler handler, HttpLimits limits, int latencyMs)
            throws IOException {
        QueuedThreadPool threads = new QueuedThreadPool(limits.maxThreads() - 1, Math.min(8, limits.maxThreads() - 1));
        threads.setName(THREAD_NAME);
        threads.setDaemon(true);
        Server server = new Server(threads);
        server.setErrorHandler(new PlainErrorHandler());
        server.setStopTimeout(SHUTDOWN_WAIT_MS);

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ScheduledExecutorScheduler scheduler = new ScheduledExecutorScheduler(THREAD_NAME + "-timer", true);
        ServerConnector connector = new ServerConnector(server, null, scheduler, null, 1, 1,
                new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        connector.setAcceptQueueSize(ACCEPT_BACKLOG);
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        SlowRequestReaper reaper = new SlowRequestReaper(limits);
        connector.addEventListener(reaper);
        server.addConnector(connector);
        server.setHandler(new ExchangeAdapter(handler, limits.maxDrainBytes(), latencyMs, scheduler));
        try {
            server.start();
        } catch (IOException e) {
            stopQuietly(server);
            // Jetty wraps the BindException; callers tell a port in use by it, as with the JDK's server.
            throw e.getCause() instanceof BindException bind ? bind : e;
        } catch (Exception e) {
            stopQuietly(server);
            throw new IOException("The HTTP server could not start: " + e.getMessage(), e);
        }
        reaper.start(scheduler);
        return new KmsHttpServer(server, connector.getLocalPort());
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            // It did not start; there is nothing left to stop.
        }
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
        stopQuietly(server);
    }
}
