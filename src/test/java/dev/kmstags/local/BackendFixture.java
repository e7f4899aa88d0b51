package dev.kmstags.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.CreateKeyResponse;
import software.amazon.awssdk.services.kms.model.Tag;

/**
 * A bundled backend on a free port over a SQLite file in a test's temporary directory, with real SDK clients
 * pointed at it. Closing it closes the clients and the backend.
 */
final class BackendFixture implements AutoCloseable {

    static final String REGION = "us-east-1";

    private final BackendOptions options;
    private final Clock clock;
    private final List<KmsClient> clients = new ArrayList<>();
    private LocalKmsBackend backend;

    private BackendFixture(BackendOptions options, Clock clock) {
        this.options = options;
        this.clock = clock;
    }

    /** An empty backend (no demo data) over {@code directory/kms.db}. */
    static BackendFixture empty(Path directory) {
        return start(BackendOptions.defaults(directory.resolve("kms.db")).withPort(0).withSeed(false));
    }

    /** A backend with the demo account over {@code directory/kms.db}. */
    static BackendFixture seeded(Path directory) {
        return start(BackendOptions.defaults(directory.resolve("kms.db")).withPort(0));
    }

    static BackendFixture start(BackendOptions options) {
        return start(options, Clock.systemUTC());
    }

    /** A backend whose clock is {@code clock}, e.g. days ahead, so keys pending deletion are due. */
    static BackendFixture start(BackendOptions options, Clock clock) {
        BackendFixture fixture = new BackendFixture(options, clock);
        fixture.restart();
        return fixture;
    }

    /** Stops the backend (if it runs) and starts it again on the same file and a new free port. */
    void restart() {
        if (backend != null) {
            backend.close();
        }
        try {
            backend = LocalKmsBackend.start(options, clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    LocalKmsBackend backend() {
        return backend;
    }

    URI endpoint() {
        return backend.endpoint();
    }

    BackendOptions options() {
        return options;
    }

    /** A client for us-east-1 with the backend's credentials. */
    KmsClient client() {
        return client(REGION);
    }

    KmsClient client(String region) {
        return client(region, options.accessKey(), options.secretKey());
    }

    KmsClient client(String region, String accessKey, String secretKey) {
        KmsClient client = KmsClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(backend.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .region(Region.of(region))
                .build();
        clients.add(client);
        return client;
    }

    /** Creates a customer managed symmetric key in us-east-1 with these tags; returns its ID. */
    String createKey(Tag... tags) {
        CreateKeyResponse response = client().createKey(b -> b.description("test key").tags(tags));
        return response.keyMetadata().keyId();
    }

    static Tag tag(String key, String value) {
        return Tag.builder().tagKey(key).tagValue(value).build();
    }

    @Override
    public void close() {
        clients.forEach(KmsClient::close);
        if (backend != null) {
            backend.close();
        }
    }
}
