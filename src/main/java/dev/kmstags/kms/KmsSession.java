package dev.kmstags.kms;

import java.util.Objects;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * One open connection: its {@link KmsClient} and the services built on it. Close it to release the client; the
 * services stop working then.
 */
public final class KmsSession implements KmsServices, AutoCloseable {

    private final KmsConnection connection;
    private final KmsClient client;
    private final KmsKeyCatalog keyCatalog;
    private final KmsTagService tagService;

    private KmsSession(KmsConnection connection, KmsClient client) {
        this.connection = connection;
        this.client = client;
        this.keyCatalog = new KmsKeyCatalog(client, connection);
        this.tagService = new KmsTagService(client, connection);
    }

    /** Builds the client for {@code connection}; no call is made yet. */
    public static KmsSession open(KmsConnection connection) {
        Objects.requireNonNull(connection, "connection");
        return new KmsSession(connection, KmsClients.create(connection));
    }

    public KmsConnection connection() {
        return connection;
    }

    /** The keys of this connection's region. */
    @Override
    public KeyCatalog keyCatalog() {
        return keyCatalog;
    }

    /** The tags of this connection's keys. */
    @Override
    public TagService tagService() {
        return tagService;
    }

    @Override
    public void close() {
        client.close();
    }
}
