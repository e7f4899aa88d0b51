package dev.kmstags.kms;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * One open connection: its {@link KmsClient} and the services built on it. Close it to release the client; the
 * services stop working then.
 */
public final class KmsSession implements KmsServices, AutoCloseable {

    private final KmsConnection connection;
    private final KmsClients.Opened opened;
    private final KmsKeyCatalog keyCatalog;
    private final KmsTagService tagService;
    private IamClient iam;
    private AccessPolicies accessPolicies;

    private KmsSession(KmsConnection connection, KmsClients.Opened opened) {
        this.connection = connection;
        this.opened = opened;
        KmsClient client = opened.client();
        this.keyCatalog = new KmsKeyCatalog(client, connection);
        this.tagService = new KmsTagService(client, connection);
    }

    /**
     * Builds the client for {@code connection}; no call is made yet.
     *
     * @throws dev.kmstags.profiles.AwsConfigException when a profile's files cannot be read
     */
    public static KmsSession open(KmsConnection connection) {
        Objects.requireNonNull(connection, "connection");
        return new KmsSession(connection, KmsClients.open(connection));
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

    /** The account of the credentials, from STS; empty for endpoints other than AWS's own. */
    @Override
    public Optional<String> callerAccountId() {
        return CallerIdentity.accountId(connection, opened.credentials());
    }

    /** The account's identity policies, read through IAM with this connection's credentials; kept once read. */
    @Override
    public synchronized AccessPolicies accessPolicies() {
        if (accessPolicies == null) {
            iam = KmsClients.iam(connection, opened.credentials());
            accessPolicies = new IamAccessPolicies(iam, Clock.systemUTC());
        }
        return accessPolicies;
    }

    /** The account's effective tag policy, from Organizations at AWS's endpoint or the connection's own. */
    @Override
    public EffectiveTagPolicy effectiveTagPolicy() {
        return OrganizationsTagPolicy.read(connection, opened.credentials());
    }

    @Override
    public void close() {
        try {
            synchronized (this) {
                if (iam != null) {
                    iam.close();
                }
            }
        } finally {
            opened.close();
        }
    }
}
