package dev.kmstags.app;

import dev.kmstags.kms.KmsConnection;
import dev.kmstags.kms.KmsCredentials;
import dev.kmstags.kms.KmsServices;
import dev.kmstags.kms.KmsSession;
import dev.kmstags.local.BackendOptions;
import dev.kmstags.local.LocalKmsBackend;
import dev.kmstags.local.quota.RequestQuotas;
import dev.kmstags.profiles.AwsEnvironment;
import dev.kmstags.profiles.AwsSetup;
import dev.kmstags.profiles.ConnectionTarget;
import dev.kmstags.ui.connection.ConnectionsViewModel;
import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the connection the user picked, one at a time: closes the previous session's client first, and starts
 * the bundled backend the first time it is asked for (it then runs until the app closes, since switching
 * regions or back to it is common). The backend's request quotas can be switched while it runs.
 */
final class ConnectionOpener implements ConnectionsViewModel.Connector, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionOpener.class);

    private final BackendOptions backendOptions;
    /** The quotas the bundled backend throttles with; switched from the UI thread while it may be starting. */
    private volatile RequestQuotas backendQuotas;
    private volatile LocalKmsBackend backend;
    private KmsSession session;
    private boolean closed;

    ConnectionOpener(BackendOptions backendOptions) {
        this.backendOptions = backendOptions;
        this.backendQuotas = backendOptions.quotas();
    }

    /**
     * Makes the bundled backend throttle with {@code quotas}: at once when it runs (its data stays as it is), else
     * from its start.
     */
    void useBackendQuotas(RequestQuotas quotas) {
        backendQuotas = quotas;
        LocalKmsBackend running = backend;
        if (running != null) {
            running.throttle().quotas(quotas);
        }
    }

    @Override
    public Callable<KmsServices> opener(ConnectionTarget target, String region, AwsSetup setup) {
        return () -> open(target, region, setup);
    }

    private synchronized KmsServices open(ConnectionTarget target, String region, AwsSetup setup)
            throws IOException {
        if (closed) {
            throw new CancellationException("The app closed while the connection opened");
        }
        closeSession();
        KmsConnection connection = connection(target, region, setup);
        session = KmsSession.open(connection);
        LOG.info("Opened {}", connection);
        return session;
    }

    private KmsConnection connection(ConnectionTarget target, String region, AwsSetup setup) throws IOException {
        if (target instanceof ConnectionTarget.Profile profile) {
            return KmsConnection.profile(profile.name(), setup.files(), setup.kmsEndpoint(target), region);
        }
        if (target instanceof ConnectionTarget.Environment) {
            AwsEnvironment environment = setup.environment();
            return KmsConnection.environment(new KmsCredentials.StaticKeys(environment.accessKeyId().orElse(""),
                    environment.secretAccessKey().orElse(""), environment.sessionToken()),
                    setup.kmsEndpoint(target), region);
        }
        return KmsConnection.bundledBackend(bundledBackend().endpoint(), region, backendOptions.accessKey(),
                backendOptions.secretKey());
    }

    private LocalKmsBackend bundledBackend() throws IOException {
        if (backend == null) {
            // The backend creates the data file's folder itself, private to the user.
            backend = LocalKmsBackend.start(backendOptions.withQuotas(backendQuotas));
            LOG.info("Bundled backend answers at {}", backend.endpoint());
            // The quotas may have been switched while it started.
            RequestQuotas latest = backendQuotas;
            if (backend.throttle().quotas() != latest) {
                backend.throttle().quotas(latest);
            }
        }
        return backend;
    }

    /** The connection of the open session; null while none is open. */
    synchronized KmsConnection currentConnection() {
        return session == null ? null : session.connection();
    }

    private void closeSession() {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    /** Closes the open session's client, then stops the bundled backend if it was started. */
    @Override
    public synchronized void close() {
        closed = true;
        try {
            closeSession();
        } finally {
            if (backend != null) {
                backend.close();
                backend = null;
            }
        }
    }
}
