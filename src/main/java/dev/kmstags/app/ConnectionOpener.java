package dev.kmstags.app;

import dev.kmstags.kms.KmsConnection;
import dev.kmstags.kms.KmsCredentials;
import dev.kmstags.kms.KmsServices;
import dev.kmstags.kms.KmsSession;
import dev.kmstags.kms.MultiRegionServices;
import dev.kmstags.local.BackendOptions;
import dev.kmstags.local.LocalKmsBackend;
import dev.kmstags.local.quota.RequestQuotas;
import dev.kmstags.profiles.AwsEnvironment;
import dev.kmstags.profiles.AwsSetup;
import dev.kmstags.profiles.ConnectionTarget;
import dev.kmstags.ui.connection.ConnectionsViewModel;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the connection the user picked, one at a time: closes the previous session's client first, and starts
 * the bundled backend the first time it is asked for (it then runs until the app closes, since switching
 * regions or back to it is common). The backend's request quotas can be switched while it runs. A start that will
 * most likely open the bundled backend can have it started, and its client built, while the window is still being
 * made ({@link #prepareBundledBackend}).
 */
final class ConnectionOpener implements ConnectionsViewModel.Connector, AutoCloseable {

    private final BackendOptions backendOptions;
    /** The quotas the bundled backend throttles with; switched from the UI thread while it may be starting. */
    private volatile RequestQuotas backendQuotas;
    private volatile LocalKmsBackend backend;
    private KmsSession session;
    /** The open connection when it shows several regions; null otherwise. */
    private MultiRegionServices regions;
    private KmsConnection regionsConnection;
    private CompletableFuture<Prepared> prepared;
    private boolean closed;

    ConnectionOpener(BackendOptions backendOptions) {
        this.backendOptions = backendOptions;
        this.backendQuotas = backendOptions.quotas();
    }

    /** The quotas the app was started with ({@code --quotas}); {@link RequestQuotas#none()} when none were given. */
    RequestQuotas startQuotas() {
        return backendOptions.quotas();
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

    /**
     * Starts the bundled backend and builds a client for it in {@code region} on a thread of its own, then returns.
     * The first {@link #opener} that asks for the bundled backend waits for it and uses that client if it asks for
     * the same region; another connection closes the client unused, and the backend runs on, as after any use.
     * Does nothing once the backend has been started.
     */
    synchronized void prepareBundledBackend(String region) {
        if (closed || backend != null || prepared != null) {
            return;
        }
        CompletableFuture<Prepared> preparing = new CompletableFuture<>();
        prepared = preparing;
        BackendOptions options = backendOptions.withQuotas(backendQuotas);
        Thread thread = new Thread(() -> {
            try {
                preparing.complete(Prepared.start(options, region));
            } catch (IOException | RuntimeException e) {
                preparing.completeExceptionally(e);
            }
        }, "kmstags-prepare-backend");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public Callable<KmsServices> opener(ConnectionTarget target, String region, AwsSetup setup) {
        return () -> open(target, region, setup);
    }

    /** Opens {@code target} in each of {@code regions}, a client per region, built when the region is first read. */
    @Override
    public Callable<KmsServices> allRegionsOpener(ConnectionTarget target, List<String> regions, AwsSetup setup) {
        return () -> openAll(target, regions, setup);
    }

    private synchronized KmsServices openAll(ConnectionTarget target, List<String> regionIds, AwsSetup setup)
            throws IOException {
        if (closed) {
            throw new CancellationException("The app closed while the connection opened");
        }
        closeSession();
        KmsSession unused = takePrepared();
        if (unused != null) {
            unused.close();
        }
        KmsConnection base = connection(target, regionIds.get(0), setup);
        regions = MultiRegionServices.of(base, regionIds);
        regionsConnection = base;
        log().info("Opened {} in {} regions", base, regionIds.size());
        return regions;
    }

    private synchronized KmsServices open(ConnectionTarget target, String region, AwsSetup setup)
            throws IOException {
        if (closed) {
            throw new CancellationException("The app closed while the connection opened");
        }
        closeSession();
        KmsSession preparedSession = takePrepared();
        KmsConnection connection = connection(target, region, setup);
        if (preparedSession != null && preparedSession.connection().equals(connection)) {
            session = preparedSession;
        } else {
            if (preparedSession != null) {
                preparedSession.close();
            }
            session = KmsSession.open(connection);
        }
        StartupPhases.reached(StartupPhases.Phase.CLIENT);
        log().info("Opened {}", connection);
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
            StartupPhases.reached(StartupPhases.Phase.BACKEND);
            log().info("Bundled backend answers at {}", backend.endpoint());
            throttleWithTheLatestQuotas();
        }
        return backend;
    }

    /** The quotas may have been switched while the backend started. */
    private void throttleWithTheLatestQuotas() {
        RequestQuotas latest = backendQuotas;
        if (backend.throttle().quotas() != latest) {
            backend.throttle().quotas(latest);
        }
    }

    /**
     * Waits for the preparation, if one was started and not yet taken, and takes its backend; returns its
     * session, or null when there was none. A preparation that failed is forgotten: starting the backend again
     * then reports why it cannot start.
     */
    private KmsSession takePrepared() {
        if (prepared == null) {
            return null;
        }
        CompletableFuture<Prepared> preparing = prepared;
        prepared = null;
        try {
            Prepared done = preparing.join();
            backend = done.backend();
            throttleWithTheLatestQuotas();
            return done.session();
        } catch (CompletionException | CancellationException e) {
            log().warn("Could not start the bundled backend ahead of the window", e.getCause());
            return null;
        }
    }

    /** The logger, made when first needed: making it first sets the log up, which {@code main} need not wait for. */
    private static Logger log() {
        return LoggerFactory.getLogger(ConnectionOpener.class);
    }

    /** The connection of the open session; null while none is open. */
    synchronized KmsConnection currentConnection() {
        return session != null ? session.connection() : regionsConnection;
    }

    /**
     * The region of a key of the open connection, by key ID or ARN, when All regions is on; empty otherwise (the
     * connection's own region).
     */
    synchronized Optional<String> regionOfKey(String key) {
        return regions != null ? Optional.of(regions.regionOf(key)) : Optional.empty();
    }

    private void closeSession() {
        if (session != null) {
            session.close();
            session = null;
        }
        if (regions != null) {
            regions.close();
            regions = null;
            regionsConnection = null;
        }
    }

    /** Closes the open session's client, then stops the bundled backend if it was started. */
    @Override
    public synchronized void close() {
        closed = true;
        try {
            KmsSession unused = takePrepared();
            if (unused != null) {
                unused.close();
            }
            closeSession();
        } finally {
            if (backend != null) {
                backend.close();
                backend = null;
            }
        }
    }

    /** A bundled backend started ahead of the window, with a client for it in one region. */
    private record Prepared(LocalKmsBackend backend, KmsSession session) {

        static Prepared start(BackendOptions options, String region) throws IOException {
            LocalKmsBackend backend = LocalKmsBackend.start(options);
            StartupPhases.reached(StartupPhases.Phase.BACKEND);
            log().info("Bundled backend answers at {}", backend.endpoint());
            try {
                KmsSession session = KmsSession.open(KmsConnection.bundledBackend(backend.endpoint(), region,
                        options.accessKey(), options.secretKey()));
                StartupPhases.reached(StartupPhases.Phase.CLIENT);
                // The calls the key list makes first, made once now while the window is being built, so their
                // code is loaded and compiled by the time it makes them. A backend that throttles is left alone:
                // these calls would count against its quotas.
                if (options.quotas().isEmpty()) {
                    warmUp(session);
                }
                return new Prepared(backend, session);
            } catch (RuntimeException e) {
                backend.close();
                throw e;
            }
        }

        private static void warmUp(KmsSession session) {
            try {
                session.keyCatalog().listKeys(keys -> { });
            } catch (RuntimeException e) {
                // The key list makes these calls again and reports what goes wrong then.
                log().info("Listing the keys ahead of the window failed", e);
            }
        }
    }
}
