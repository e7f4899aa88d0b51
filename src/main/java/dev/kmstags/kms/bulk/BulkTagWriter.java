package dev.kmstags.kms.bulk;

import dev.kmstags.domain.TagPlan;
import dev.kmstags.domain.bulk.TagCallQuotas;
import dev.kmstags.kms.KmsCall;
import dev.kmstags.kms.KmsConnection;
import dev.kmstags.kms.KmsErrors;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Commits the tag plans of many keys in the background, paced to the account's request quotas. Each key is
 * re-read and merged three ways first: a key whose same tag keys someone changed meanwhile is a conflict and is
 * not written, a key where they changed other tags is merged and written, and the rest goes on either way.
 *
 * <p>TagResource and UntagResource each have a {@link Pace} at their quota, which slows down on throttling and
 * creeps back up; a throttled call is retried, never failed. A few threads work on keys at once, so the latency
 * of one call does not cap the rate: the paces, not the threads, decide how fast calls go.
 * See docs/decisions/0010-bulk-commit-pacing.md.
 */
public final class BulkTagWriter {

    private static final Logger LOG = LoggerFactory.getLogger(BulkTagWriter.class);

    /** Keys worked on at once: enough to hide a latency of 100 ms at 10 calls per second, few enough to be light. */
    public static final int DEFAULT_THREADS = 4;
    /** ListResourceTags is paced too, far below its quota, so a bulk commit leaves room for the key list. */
    public static final double READ_RATE = 50;
    /** How long the first throttle holds an operation's calls back. */
    public static final Duration DEFAULT_BACK_OFF = Duration.ofMillis(500);

    /** Hears how a commit goes, on the commit's threads. */
    public interface Listener {

        /** The commit is about to start on {@code keyId} (re-read it, then write it). */
        default void starting(String keyId) {
        }

        /** A key is done. */
        default void progress(BulkProgress progress) {
        }
    }

    /** A commit under way. */
    public interface Run {

        /** Starts no new key; the keys being written are finished. */
        void cancel();

        /** The result, once every started key is finished. */
        CompletableFuture<BulkResult> result();
    }

    private final KmsClient client;
    private final KmsConnection connection;
    private final int threads;
    private final KeyCommit.Paces paces;

    /** A writer at {@code quotas}, on the system clock, with {@link #DEFAULT_THREADS} threads. */
    public BulkTagWriter(KmsClient client, KmsConnection connection, TagCallQuotas quotas) {
        this(client, connection, DEFAULT_THREADS, new KeyCommit.Paces(Pace.of(READ_RATE, DEFAULT_BACK_OFF),
                Pace.of(quotas.untagPerSecond(), DEFAULT_BACK_OFF), Pace.of(quotas.tagPerSecond(), DEFAULT_BACK_OFF)));
    }

    /** A writer with its own paces for ListResourceTags, UntagResource and TagResource. */
    public BulkTagWriter(KmsClient client, KmsConnection connection, int threads, Pace read, Pace untag, Pace tag) {
        this(client, connection, threads, new KeyCommit.Paces(read, untag, tag));
    }

    private BulkTagWriter(KmsClient client, KmsConnection connection, int threads, KeyCommit.Paces paces) {
        this.client = Objects.requireNonNull(client, "client");
        this.connection = Objects.requireNonNull(connection, "connection");
        if (threads < 1) {
            throw new IllegalArgumentException("At least one thread: " + threads);
        }
        this.threads = threads;
        this.paces = paces;
    }

    /** Starts committing {@code plans} (key ID to the plan from its tags as loaded), in their order. */
    public Run start(Map<String, TagPlan> plans, Listener listener) {
        return new Commit(new LinkedHashMap<>(plans), listener).start();
    }

    /** One run of {@link #start}. */
    private final class Commit implements Run {

        private final Map<String, TagPlan> plans;
        private final Listener listener;
        private final Iterator<String> next;
        private final Map<String, KeyResult> results = new ConcurrentHashMap<>();
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final AtomicInteger throttles = new AtomicInteger();
        private final AtomicInteger untagsLeft = new AtomicInteger();
        private final AtomicInteger tagsLeft = new AtomicInteger();
        private final AtomicInteger workersLeft = new AtomicInteger();
        private final CompletableFuture<BulkResult> result = new CompletableFuture<>();
        private final KeyCommit keyCommit;

        Commit(Map<String, TagPlan> plans, Listener listener) {
            this.plans = plans;
            this.listener = Objects.requireNonNull(listener, "listener");
            this.next = plans.keySet().iterator();
            this.keyCommit = new KeyCommit(client, connection, paces, throttles);
            plans.values().forEach(plan -> {
                untagsLeft.addAndGet(plan.keysToUntag().isEmpty() ? 0 : 1);
                tagsLeft.addAndGet(plan.tagsToSet().isEmpty() ? 0 : 1);
            });
        }

        Run start() {
            int count = Math.max(1, Math.min(threads, plans.size()));
            workersLeft.set(count);
            for (int i = 0; i < count; i++) {
                Thread worker = new Thread(this::work, "bulk-commit-" + i);
                worker.setDaemon(true);
                worker.start();
            }
            return this;
        }

        @Override
        public void cancel() {
            cancelled.set(true);
        }

        @Override
        public CompletableFuture<BulkResult> result() {
            return result;
        }

        private void work() {
            try {
                for (String keyId = take(); keyId != null; keyId = take()) {
                    listener.starting(keyId);
                    results.put(keyId, commitOne(keyId));
                    listener.progress(progress());
                }
            } finally {
                if (workersLeft.decrementAndGet() == 0) {
                    finish();
                }
            }
        }

        private KeyResult commitOne(String keyId) {
            TagPlan plan = plans.get(keyId);
            try {
                return keyCommit.commit(keyId, plan);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel();
                return new KeyResult.Skipped(KeyResult.Reason.CANCELLED);
            } catch (RuntimeException e) {
                LOG.warn("The bulk commit of {} failed", keyId, e);
                return new KeyResult.Failed(KmsErrors.translate(e, connection, KmsCall.CHANGE_TAGS), null);
            } finally {
                untagsLeft.addAndGet(plan.keysToUntag().isEmpty() ? 0 : -1);
                tagsLeft.addAndGet(plan.tagsToSet().isEmpty() ? 0 : -1);
            }
        }

        /** The next key to start, or null when there is none or the commit was cancelled. */
        private synchronized String take() {
            return !cancelled.get() && next.hasNext() ? next.next() : null;
        }

        private BulkProgress progress() {
            double tagRate = paces.tag().rate();
            double untagRate = paces.untag().rate();
            Duration left = new TagCallQuotas(tagRate, untagRate).timeFor(untagsLeft.get(), tagsLeft.get());
            return new BulkProgress(results.size(), plans.size(), tagRate, untagRate, left);
        }

        private void finish() {
            Map<String, KeyResult> ordered = new LinkedHashMap<>();
            for (String keyId : plans.keySet()) {
                ordered.put(keyId, results.getOrDefault(keyId, new KeyResult.Skipped(KeyResult.Reason.CANCELLED)));
            }
            result.complete(new BulkResult(ordered, throttles.get()));
        }
    }
}
