package dev.kmstags.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kmstags.local.iam.IamQueryActions;
import dev.kmstags.local.protocol.Credentials;
import dev.kmstags.local.protocol.HttpLimits;
import dev.kmstags.local.protocol.KmsHttpServer;
import dev.kmstags.local.protocol.KmsRequest;
import dev.kmstags.local.protocol.KmsRequestHandler;
import dev.kmstags.local.quota.Throttle;
import dev.kmstags.local.service.BackendOperations;
import dev.kmstags.local.service.KmsAccount;
import dev.kmstags.local.store.SqliteKeyStore;
import dev.kmstags.domain.policy.TagPolicy;
import dev.kmstags.domain.policy.TagPolicyException;
import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bundled KMS-compatible backend: a SQLite store behind the real KMS wire protocol on 127.0.0.1. Start it,
 * point any AWS SDK or the AWS CLI at {@link #endpoint()}, close it to stop serving and close the store.
 */
public final class LocalKmsBackend implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalKmsBackend.class);
    private static final int FIRST_UNPRIVILEGED_PORT = 1024;

    private final SqliteKeyStore store;
    private final KmsHttpServer server;
    private final FaultInjector faults;
    private final Throttle throttle;
    private final List<String> notices;

    private LocalKmsBackend(SqliteKeyStore store, KmsHttpServer server, FaultInjector faults, Throttle throttle,
                            List<String> notices) {
        this.store = store;
        this.server = server;
        this.faults = faults;
        this.throttle = throttle;
        this.notices = List.copyOf(notices);
    }

    /** Opens (or creates and seeds) the store and starts answering; returns once requests are served. */
    public static LocalKmsBackend start(BackendOptions options) throws IOException {
        return start(options, Clock.systemUTC());
    }

    /**
     * Binds the port first, so a port that cannot be had leaves no data file behind; requests that arrive before
     * the store is open wait for it.
     */
    static LocalKmsBackend start(BackendOptions options, Clock clock) throws IOException {
        WhenReady ready = new WhenReady();
        // Throttled requests are refused before anything else looks at them, as in KMS.
        Throttle throttle = new Throttle(ready, options.quotas());
        KmsHttpServer server = bind(options, throttle);
        SqliteKeyStore store = null;
        try {
            List<String> notices = new ArrayList<>();
            Path file = options.dataFile();
            boolean wasEmpty = Files.isRegularFile(file) && Files.size(file) == 0;
            othersCanRead(file).ifPresent(mode -> notices.add("The data file " + file + " can be read by other"
                    + " users (" + mode + "); it holds the secret the backend signs its list markers with."
                    + " To keep it private: chmod 600 " + file));
            store = SqliteKeyStore.open(file);
            new ExpiredKeys(clock).purge(store);
            if (options.seed() && new DemoAccount(clock).seedIfEmpty(store)) {
                LOG.info("Seeded the demo account into {}", file);
                if (wasEmpty) {
                    notices.add("The data file " + file
                            + " was empty (0 bytes); it now holds a new store with the demo account.");
                }
            } else if (wasEmpty) {
                notices.add("The data file " + file + " was empty (0 bytes); it now holds a new, empty store.");
            }
            FaultInjector faults = new FaultInjector(new BackendOperations(store, clock, tagPolicy(options)));
            ready.serve(faults);
            return new LocalKmsBackend(store, server, faults, throttle, notices);
        } catch (IOException | RuntimeException e) {
            ready.refuse();
            server.close();
            if (store != null) {
                store.close();
            }
            throw e;
        }
    }

    /**
     * The text DescribeEffectivePolicy answers with: the policy file's, checked as the app will read it; the demo
     * account's when seeding; else none.
     */
    private static Optional<String> tagPolicy(BackendOptions options) throws IOException {
        if (options.tagPolicy() == null) {
            return options.seed() ? Optional.of(DemoAccount.tagPolicy()) : Optional.empty();
        }
        String text = Files.readString(options.tagPolicy(), StandardCharsets.UTF_8);
        try {
            TagPolicy.parse(text);
        } catch (TagPolicyException e) {
            throw new IOException("The tag policy " + options.tagPolicy() + " cannot be read: " + e.getMessage(), e);
        }
        return Optional.of(text);
    }

    private static KmsHttpServer bind(BackendOptions options, KmsRequestHandler handler) throws IOException {
        try {
            // IAM answers from the demo account's identities, whose policies decide access by the demo keys' tags.
            return KmsHttpServer.start(options.port(), new Credentials(options.accessKey(), options.secretKey()),
                    handler, IamQueryActions.demo(KmsAccount.ACCOUNT_ID), options.latencyMs(), Clock.systemUTC(),
                    HttpLimits.DEFAULTS);
        } catch (BindException e) {
            String hint = options.port() > 0 && options.port() < FIRST_UNPRIVILEGED_PORT
                    ? " (ports below " + FIRST_UNPRIVILEGED_PORT + " need administrator rights; choose another)" : "";
            BindException named = new BindException("Could not listen on 127.0.0.1:" + options.port() + ": "
                    + e.getMessage() + hint);
            named.initCause(e);
            throw named;
        }
    }

    /** The mode of an existing data file that users other than its owner may read, such as rw-r--r--. */
    private static Optional<String> othersCanRead(Path file) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix") || !Files.exists(file)) {
            return Optional.empty();
        }
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
        boolean readable = mode.contains(PosixFilePermission.GROUP_READ)
                || mode.contains(PosixFilePermission.OTHERS_READ);
        return readable ? Optional.of(PosixFilePermissions.toString(mode)) : Optional.empty();
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

    /**
     * What the user should know about the data file, found at start: it was empty and has been seeded, or other
     * users can read it. {@code serve} prints these on standard error.
     */
    public List<String> notices() {
        return notices;
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

    /** Holds the requests that arrive while the store is being opened, until it is open (or failed to open). */
    private static final class WhenReady implements KmsRequestHandler {

        private final CountDownLatch opened = new CountDownLatch(1);
        private volatile KmsRequestHandler target;

        void serve(KmsRequestHandler handler) {
            target = handler;
            opened.countDown();
        }

        void refuse() {
            opened.countDown();
        }

        @Override
        public ObjectNode handle(KmsRequest request) {
            return ready().handle(request);
        }

        @Override
        public CompletionStage<ObjectNode> handleAsync(KmsRequest request) {
            return ready().handleAsync(request);
        }

        private KmsRequestHandler ready() {
            try {
                opened.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            KmsRequestHandler handler = target;
            if (handler == null) {
                throw new IllegalStateException("The data file could not be opened");
            }
            return handler;
        }
    }
}
