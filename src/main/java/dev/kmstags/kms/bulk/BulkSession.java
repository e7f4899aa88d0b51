package dev.kmstags.kms.bulk;

import dev.kmstags.domain.bulk.TagCallQuotas;
import dev.kmstags.kms.KmsClients;
import dev.kmstags.kms.KmsConnection;

/**
 * A {@link BulkTagWriter} with a client of its own for one connection (one region: quotas are per region), for
 * callers that hold no client, such as the command line. Close it once its commits have ended.
 */
public final class BulkSession implements AutoCloseable {

    private final KmsClients.Opened opened;
    private final BulkTagWriter writer;

    private BulkSession(KmsClients.Opened opened, BulkTagWriter writer) {
        this.opened = opened;
        this.writer = writer;
    }

    /**
     * Builds the client for {@code connection} and a writer paced to {@code quotas}; no call is made yet.
     *
     * @throws dev.kmstags.kms.KmsAccessException when AWS has no KMS in the connection's region
     * @throws dev.kmstags.profiles.AwsConfigException when a profile's files cannot be read
     */
    public static BulkSession open(KmsConnection connection, TagCallQuotas quotas) {
        KmsClients.Opened opened = KmsClients.open(connection);
        return new BulkSession(opened, new BulkTagWriter(opened.client(), connection, quotas));
    }

    public BulkTagWriter writer() {
        return writer;
    }

    @Override
    public void close() {
        opened.close();
    }
}
