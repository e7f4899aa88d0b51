package dev.kmstags.kms;

import dev.kmstags.domain.KeyManager;
import dev.kmstags.domain.KeySummary;
import dev.kmstags.domain.KeyTags;
import dev.kmstags.domain.Tag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.ListAliasesResponse;
import software.amazon.awssdk.services.kms.model.ListKeysResponse;

/**
 * The keys of one connection, read with ListKeys and ListAliases (every page), one DescribeKey per key, then one
 * ListResourceTags (every page) per customer managed key. ListKeys and ListAliases page along side by side while
 * the describes run on a bounded pool; described keys are handed over as they come, a few times a second, and the
 * aliases once they are all listed. The tags are read on the same pool once every key is described, so they never
 * hold the keys themselves back. A key whose describe or tags KMS refuses to these credentials is handed over
 * marked, and the listing goes on; so it does, without aliases, when KMS refuses to list those. No call starts
 * while its call gate holds it back ({@link #withCallGate}).
 */
public final class KmsKeyCatalog implements KeyCatalog {

    /**
     * Concurrent DescribeKey and ListResourceTags calls. 20 hides the round trips (10,000 keys described in about
     * 11 s at 20 ms a call, 1.1 times the bound of 10 s; see the key list in docs/benchmarks.md) and caps the rate at
     * 20 per round trip, 1,000 calls a second at 20 ms, leaving room under KMS's per-account request quotas; calls
     * KMS throttles all the same are retried by the SDK.
     */
    public static final int DEFAULT_CONCURRENCY = 20;
    /** How often, at most, keys or tags are handed over, so a UI thread gets few, large updates. */
    static final Duration HAND_OVER_INTERVAL = Duration.ofMillis(100);

    private static final int LIST_KEYS_LIMIT = 1000;
    private static final int LIST_ALIASES_LIMIT = 100;
    private static final int LIST_TAGS_LIMIT = 50;
    private static final Logger LOG = LoggerFactory.getLogger(KmsKeyCatalog.class);
    private static final AtomicInteger POOL_COUNT = new AtomicInteger();

    private final KmsClient client;
    private final KmsConnection connection;
    private final int concurrency;
    private final CallGate gate;
    private final TimedHandOver handOver = new TimedHandOver(HAND_OVER_INTERVAL);

    /** A catalog over {@code client}, which the caller keeps and closes. */
    public KmsKeyCatalog(KmsClient client, KmsConnection connection) {
        this(client, connection, DEFAULT_CONCURRENCY);
    }

    /** As {@link #KmsKeyCatalog(KmsClient, KmsConnection)}, with at most {@code concurrency} calls at once. */
    public KmsKeyCatalog(KmsClient client, KmsConnection connection, int concurrency) {
        this.client = Objects.requireNonNull(client, "client");
        this.connection = Objects.requireNonNull(connection, "connection");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1: " + concurrency);
        }
        this.concurrency = concurrency;
        this.gate = CallGate.OPEN;
    }

    private KmsKeyCatalog(KmsKeyCatalog catalog, CallGate gate) {
        this.client = catalog.client;
        this.connection = catalog.connection;
        this.concurrency = catalog.concurrency;
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    @Override
    public KeyCatalog withCallGate(CallGate newGate) {
        return new KmsKeyCatalog(this, newGate);
    }

    /** The connection this catalog reads. */
    public KmsConnection connection() {
        return connection;
    }

    @Override
    public int listKeys(Listener listener) {
        ExecutorService listings = Executors.newFixedThreadPool(2, daemonThreads("kms-list"));
        ExecutorService calls = Executors.newFixedThreadPool(concurrency, daemonThreads("kms-describe"));
        try {
            Aliases aliases = new Aliases(listings.submit(this::aliasesByKeyId), listener);
            CompletionService<Optional<KeySummary>> described = new ExecutorCompletionService<>(calls);
            AtomicInteger submitted = new AtomicInteger();
            Future<?> listing = listings.submit(() -> {
                for (ListKeysResponse page : client.listKeysPaginator(request -> request.limit(LIST_KEYS_LIMIT))) {
                    gate.awaitOpen();
                    for (KeyListEntry key : page.keys()) {
                        described.submit(() -> {
                            gate.awaitOpen();
                            return describe(key);
                        });
                        submitted.incrementAndGet();
                    }
                }
                return null;
            });
            List<KeySummary> keys = new ArrayList<>();
            handOver.run(described, listing, submitted::get, batch -> keys.addAll(aliases.handOver(batch)),
                    aliases::handOverIfListed);
            aliases.awaitAndHandOver();
            readTags(keys, calls, listener);
            logRefusals(keys);
            return keys.size();
        } catch (SdkException e) {
            throw KmsErrors.translate(e, connection, KmsCall.LIST_KEYS);
        } finally {
            listings.shutdownNow();
            calls.shutdownNow();
        }
    }

    private void readTags(List<KeySummary> keys, ExecutorService calls, Listener listener) {
        CompletionService<Optional<KeyTags>> read = new ExecutorCompletionService<>(calls);
        int submitted = 0;
        for (KeySummary key : keys) {
            // AWS managed keys cannot be tagged, and a key KMS would not describe is not worth asking about.
            if (key.described() && key.manager() == KeyManager.CUSTOMER) {
                read.submit(() -> {
                    gate.awaitOpen();
                    return tags(key);
                });
                submitted++;
            }
        }
        int count = submitted;
        handOver.run(read, CompletableFuture.completedFuture(null), () -> count, listener::tagsArrived, () -> { });
    }

    /** The aliases by key ID; empty when KMS refuses to list them to these credentials. */
    private Optional<Map<String, List<String>>> aliasesByKeyId() throws InterruptedException {
        Map<String, List<String>> aliases = new HashMap<>();
        try {
            for (ListAliasesResponse page : client.listAliasesPaginator(request -> request.limit(LIST_ALIASES_LIMIT))) {
                gate.awaitOpen();
                for (AliasListEntry alias : page.aliases()) {
                    // Predefined alias/aws/* entries may have no target until AWS creates the key: nothing to show.
                    if (alias.targetKeyId() != null && alias.aliasName() != null) {
                        aliases.computeIfAbsent(alias.targetKeyId(), id -> new ArrayList<>()).add(alias.aliasName());
                    }
                }
            }
        } catch (SdkException e) {
            if (KmsErrors.isAccessDenied(e)) {
                LOG.info("KMS refused to list the aliases to these credentials; keys are listed without them");
                return Optional.empty();
            }
            throw e;
        }
        return Optional.of(aliases);
    }

    /** The key as KMS describes it, marked when KMS refuses; empty when it went away since ListKeys. */
    private Optional<KeySummary> describe(KeyListEntry key) {
        try {
            return Optional.of(summary(client.describeKey(request -> request.keyId(key.keyId())).keyMetadata(),
                    Map.of()));
        } catch (SdkException e) {
            if (KmsErrors.isNotFound(e)) {
                return Optional.empty();
            }
            if (KmsErrors.isAccessDenied(e)) {
                return Optional.of(KeySummary.undescribed(key.keyId(), key.keyArn(), List.of()));
            }
            throw e;
        }
    }

    /** Every tag of the key, marked when KMS refuses; empty when the key went away since it was described. */
    /** The tags of {@code key}, named as {@link KeySummary#id()} names it. */
    private Optional<KeyTags> tags(KeySummary key) {
        String keyId = key.id();
        try {
            List<Tag> tags = client.listResourceTagsPaginator(request -> request.keyId(keyId).limit(LIST_TAGS_LIMIT))
                    .tags().stream()
                    .map(tag -> new Tag(tag.tagKey(), tag.tagValue() == null ? "" : tag.tagValue()))
                    .toList();
            return Optional.of(KeyTags.read(keyId, tags));
        } catch (SdkException e) {
            if (KmsErrors.isNotFound(e)) {
                return Optional.empty();
            }
            if (KmsErrors.isAccessDenied(e)) {
                return Optional.of(KeyTags.denied(keyId));
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
                metadata.creationDate(),
                true,
                metadata.deletionDate());
    }

    private static void logRefusals(List<KeySummary> keys) {
        long refused = keys.stream().filter(key -> !key.described()).count();
        if (refused > 0) {
            LOG.info("KMS refused to describe {} of {} keys to these credentials", refused, keys.size());
        }
    }

    private static ThreadFactory daemonThreads(String name) {
        int pool = POOL_COUNT.incrementAndGet();
        AtomicInteger thread = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, name + "-" + pool + "-" + thread.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * The alias listing, which runs beside the keys': handed over once, as soon as it is complete; keys handed over
     * after that carry their aliases. Used by the listing's calling thread only.
     */
    private static final class Aliases {

        private final Future<Optional<Map<String, List<String>>>> listing;
        private final Listener listener;
        private Map<String, List<String>> byKeyId;

        Aliases(Future<Optional<Map<String, List<String>>>> listing, Listener listener) {
            this.listing = listing;
            this.listener = listener;
        }

        void handOverIfListed() {
            if (byKeyId == null && listing.isDone()) {
                awaitAndHandOver();
            }
        }

        void awaitAndHandOver() {
            if (byKeyId == null) {
                Optional<Map<String, List<String>>> listed = TimedHandOver.result(listing);
                byKeyId = Map.copyOf(listed.orElse(Map.of()));
                if (listed.isPresent()) {
                    listener.aliasesArrived(byKeyId);
                } else {
                    listener.aliasesDenied();
                }
            }
        }

        /**
         * Hands {@code keys} over, with their aliases; before the aliases are listed, without them to a listener that
         * takes that, else once they are. Returns what was handed over.
         */
        List<KeySummary> handOver(List<KeySummary> keys) {
            if (byKeyId == null && listener.takesKeysBeforeAliases()) {
                listener.acceptBeforeAliases(keys);
                return keys;
            }
            awaitAndHandOver();
            List<KeySummary> withAliases = keys.stream()
                    .map(key -> key.withAliases(byKeyId.getOrDefault(key.keyId(), List.of())))
                    .toList();
            listener.accept(withAliases);
            return withAliases;
        }
    }
}
