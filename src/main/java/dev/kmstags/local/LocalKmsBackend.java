package dev.kmstags.local;

import java.io.IOException;
import java.net.URI;

/**
 * The bundled KMS-compatible backend: a SQLite store behind the real KMS wire protocol on 127.0.0.1. Start it,
 * point any AWS SDK or the AWS CLI at {@link #endpoint()}, close it to stop serving and close the store.
 */
public final class LocalKmsBackend implements AutoCloseable {

    private final URI endpoint;

    private LocalKmsBackend(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** Opens (or creates and seeds) the store and starts answering; returns once requests are served. */
    public static LocalKmsBackend start(BackendOptions options) throws IOException {
        throw new UnsupportedOperationException("wired once the store and protocol land");
    }

    /** Where the backend answers, such as {@code http://127.0.0.1:4599}. */
    public URI endpoint() {
        return endpoint;
    }

    /** The TCP port the backend answers on. */
    public int port() {
        return endpoint.getPort();
    }

    /** Stops serving and closes the store. */
    @Override
    public void close() {
    }
}
