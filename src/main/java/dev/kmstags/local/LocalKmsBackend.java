package dev.kmstags.local;

import dev.kmstags.local.protocol.Credentials;
import dev.kmstags.local.protocol.KmsHttpServer;
import dev.kmstags.local.quota.Throttle;
import dev.kmstags.local.service.KmsService;
import dev.kmstags.local.store.SqliteKeyStore;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bundled KMS-compatible backend: a SQLite store behind the real KMS wire protocol on 127.0.0.1. Start it,
 * point any AWS SDK or the AWS CLI at {@link #endpoint()}, close it to stop serving and close the store.
 */
public final class LocalKmsBackend implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalKmsBackend.class);

    private final SqliteKeyStore store;
    private final KmsHttpServer server;
    private final FaultInjector faults;
    private final Throttle throttle;

    private LocalKmsBackend(SqliteKeyStore store, KmsHttpServer server, FaultInjector faults, Throttle throttle) {
        this.store = store;
        this.server = server;
        this.faults = faults;
        this.throttle = throttle;
    }

    /** Opens (or creates and seeds) the store and starts answering; returns once requests are served. */
    public static LocalKmsBackend start(BackendOptions options) throws IOException {
        return start(options, Clock.systemUTC());
    }

    static LocalKmsBackend start(BackendOptions options, Clock clock) throws IOException {
        SqliteKeyStore store = SqliteKeyStore.open(options.dataFile());
        try {
            new ExpiredKeys(clock).purge(store);
            if (options.seed() && new DemoAccount(clock).seedIfEmpty(store)) {
                LOG.info("Seeded the demo account into {}", options.dataFile());
            }
            FaultInjector faults = new FaultInjector(new KmsService(store, clock));
            // Throttled requests are refused before anything else looks at them, as in KMS.
            Throttle throttle = new Throttle(faults, options.quotas());
            KmsHttpServer server = KmsHttpServer.start(options.port(),
                    new Credentials(options.accessKey(), options.secretKey()), throttle, options.latencyMs());
            return new LocalKmsBackend(store, server, faults, throttle);
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Where the backend answers, such as {@code http://127.0.0.1:4599}. */
    public URI endpoint() {
        return server.endpoint();
    }

    /** Failures to inject on purpose, to show and test how clients cope with them. */
    public FaultInjector faults() {
        return faults;
    }

    /** The request quotas the backend throttles with; they can be changed while it runs. */
    public Throttle throttle() {
        return throttle;
    }

    /** The TCP port the backend answers on. */
    public int port() {
        return server.port();
    }

    /** Stops serving, then closes the store once the writes under way are done. */
    @Override
    public void close() {
        try {
            server.close();
        } finally {
            store.close();
        }
    }
}
