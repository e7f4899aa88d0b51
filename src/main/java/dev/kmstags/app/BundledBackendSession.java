package dev.kmstags.app;

import dev.kmstags.kms.KmsServices;
import dev.kmstags.kms.KmsConnection;
import dev.kmstags.kms.KmsSession;
import dev.kmstags.local.BackendOptions;
import dev.kmstags.local.LocalKmsBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The bundled backend running in this JVM and the KMS session that talks to it; closing stops both. */
final class BundledBackendSession implements AutoCloseable {

    private final LocalKmsBackend backend;
    private final KmsSession kms;

    private BundledBackendSession(LocalKmsBackend backend, KmsSession kms) {
        this.backend = backend;
        this.kms = kms;
    }

    /** Starts the backend with {@code options} and opens a session on it that signs for {@code region}. */
    static BundledBackendSession start(BackendOptions options, String region) throws IOException {
        Path folder = options.dataFile().toAbsolutePath().getParent();
        if (folder != null) {
            Files.createDirectories(folder);
        }
        LocalKmsBackend backend = LocalKmsBackend.start(options);
        try {
            KmsConnection connection = KmsConnection.bundledBackend(backend.endpoint(), region,
                    options.accessKey(), options.secretKey());
            return new BundledBackendSession(backend, KmsSession.open(connection));
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
    }

    KmsConnection connection() {
        return kms.connection();
    }

    KmsServices services() {
        return kms;
    }

    @Override
    public void close() {
        try {
            kms.close();
        } finally {
            backend.close();
        }
    }
}
