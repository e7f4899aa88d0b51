package dev.kmstags.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.Tag;

/**
 * One bundled backend for all tests of a class, over a SQLite file in its own temporary directory:
 * {@code @RegisterExtension static final SharedBackend backend = SharedBackend.empty();}. Instance fields may take
 * {@link #client()}, since the backend starts before any test instance is made.
 */
final class SharedBackend implements BeforeAllCallback, AfterAllCallback {

    private final boolean seeded;
    private Path directory;
    private BackendFixture fixture;
    private KmsClient client;

    private SharedBackend(boolean seeded) {
        this.seeded = seeded;
    }

    /** A backend that starts empty. */
    static SharedBackend empty() {
        return new SharedBackend(false);
    }

    /** A backend that starts with the demo account. */
    static SharedBackend seeded() {
        return new SharedBackend(true);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        directory = Files.createTempDirectory("kms-backend-test");
        fixture = seeded ? BackendFixture.seeded(directory) : BackendFixture.empty(directory);
        client = fixture.client();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        fixture.close();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** The backend and its options, for clients of other services. */
    BackendFixture fixture() {
        return fixture;
    }

    /** The us-east-1 client every test of the class shares. */
    KmsClient client() {
        return client;
    }

    /** A further client, for another region. */
    KmsClient client(String region) {
        return fixture.client(region);
    }

    /** Creates a customer managed key in us-east-1 with these tags; returns its ID. */
    String createKey(Tag... tags) {
        return fixture.createKey(tags);
    }
}
