package dev.kmstags.kms;

import dev.kmstags.domain.KeyManager;
import dev.kmstags.domain.KeySummary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.ListKeysResponse;

/**
 * The keys of one connection, read with ListKeys and ListAliases (every page) and one DescribeKey per key. The
 * describes of a page run on a small pool while the next page is fetched, and each page is handed over as soon as
 * it is described, so thousands of keys show up page by page instead of all at the end.
 */
public final class KmsKeyCatalog implements KeyCatalog {

    /** Concurrent DescribeKey calls: enough to hide the round trips, few enough to stay clear of KMS throttling. */
    public static final int DEFAULT_DESCRIBE_THREADS = 8;

    private static final AtomicInteger POOL_COUNT = new AtomicInteger();

    private final KmsClient client;
    private final KmsConnection connection;
    private final int describeThreads;

    /** A catalog over {@code client}, which the caller keeps and closes. */
    public KmsKeyCatalog(KmsClient client, KmsConnection connection) {
        this(client, connection, DEFAULT_DESCRIBE_THREADS);
    }

    public KmsKeyCatalog(KmsClient client, KmsConnection connection, int describeThreads) {
        this.client = Objects.requireNonNull(client, "client");
        this.connection = Objects.requireNonNull(connection, "connection");
        if (describeThreads < 1) {
            throw new IllegalArgumentException("describeThreads must be at least 1: " + describeThreads);
        }
        this.describeThreads = describeThreads;
    }

    /** The connection this catalog reads. */
    public KmsConnection connection() {
        return connection;
    }

    @Override
    public int listKeys(Consumer<List<KeySummary>> onBatch) {
        ExecutorService pool = Executors.newFixedThreadPool(describeThreads, daemonThreads());
        try {
            // Aliases are listed beside the first ListKeys page; every batch waits for them, the first one only.
            Future<Map<String, List<String>>> aliases = pool.submit(this::aliasesByKeyId);
            int count = 0;
            List<Future<Optional<KeyMetadata>>> previous = null;
            for (ListKeysResponse page : client.listKeysPaginator(request -> { })) {
                List<Future<Optional<KeyMetadata>>> described = new ArrayList<>(page.keys().size());
                for (KeyListEntry key : page.keys()) {
                    described.add(pool.submit(() -> describe(key.keyId())));
                }
                if (previous != null) {
                    count += handOver(previous, aliases, onBatch);
                }
                previous = described;
            }
            if (previous != null) {
                count += handOver(previous, aliases, onBatch);
            }
            return count;
        } catch (SdkException e) {
            throw KmsErrors.translate(e, connection);
        } finally {
            pool.shutdownNow();
        }
    }

    private int handOver(List<Future<Optional<KeyMetadata>>> described,
                         Future<Map<String, List<String>>> aliases, Consumer<List<KeySummary>> onBatch) {
        Map<String, List<String>> aliasesByKeyId = await(aliases);
        List<KeySummary> batch = new ArrayList<>(described.size());
        for (Future<Optional<KeyMetadata>> future : described) {
            await(future).ifPresent(metadata -> batch.add(summary(metadata, aliasesByKeyId)));
        }
        if (!batch.isEmpty()) {
            onBatch.accept(List.copyOf(batch));
        }
        return batch.size();
    }

    private Map<String, List<String>> aliasesByKeyId() {
        Map<String, List<String>> aliases = new HashMap<>();
        for (AliasListEntry alias : client.listAliasesPaginator(request -> { }).aliases()) {
            // Predefined alias/aws/* entries may have no target until AWS creates the key: nothing to show.
            if (alias.targetKeyId() != null && alias.aliasName() != null) {
                aliases.computeIfAbsent(alias.targetKeyId(), id -> new ArrayList<>()).add(alias.aliasName());
            }
        }
        return aliases;
    }

    /** The key's metadata, or empty when the key went away between ListKeys and DescribeKey. */
    private Optional<KeyMetadata> describe(String keyId) {
        try {
            return Optional.of(client.describeKey(request -> request.keyId(keyId)).keyMetadata());
        } catch (SdkException e) {
            if (KmsErrors.isNotFound(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    static KeySummary summary(KeyMetadata metadata, Map<String, List<String>> aliasesByKeyId) {
        return new KeySummary(
                metadata.keyId(),
                metadata.arn(),
                aliasesByKeyId.getOrDefault(metadata.keyId(), List.of()),
                metadata.description(),
                metadata.keyStateAsString(),
                KeyManager.fromKms(metadata.keyManagerAsString()),
                metadata.creationDate());
    }

    private <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Listing keys was interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SdkException sdk) {
                throw KmsErrors.translate(sdk, connection);
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static ThreadFactory daemonThreads() {
        int pool = POOL_COUNT.incrementAndGet();
        AtomicInteger thread = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, "kms-describe-" + pool + "-" + thread.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
