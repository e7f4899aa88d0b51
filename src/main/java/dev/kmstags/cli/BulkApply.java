package dev.kmstags.cli;

import dev.kmstags.domain.Arns;
import dev.kmstags.domain.TagPlan;
import dev.kmstags.domain.bulk.TagCallQuotas;
import dev.kmstags.inventory.KeyImportPlan;
import dev.kmstags.kms.bulk.BulkProgress;
import dev.kmstags.kms.bulk.BulkResult;
import dev.kmstags.kms.bulk.BulkSession;
import dev.kmstags.kms.bulk.BulkTagWriter;
import dev.kmstags.kms.bulk.KeyResult;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Commits the plans of {@code tags apply} with the bulk commit: each region with a writer of its own, paced to the
 * quotas, which are per region; the regions at the same time. Progress goes to standard error, at most once a
 * second. A signal ({@link Interruption}) stops starting new keys; the keys under way are finished.
 */
final class BulkApply {

    private static final long PROGRESS_INTERVAL_NANOS = Duration.ofSeconds(1).toNanos();

    private final CommandConnection connection;
    private final TagCallQuotas quotas;
    private final PrintStream err;

    BulkApply(CommandConnection connection, TagCallQuotas quotas, PrintStream err) {
        this.connection = connection;
        this.quotas = quotas;
        this.err = err;
    }

    /**
     * Commits {@code changes}; empty when a signal came before the commit started, so nothing was written.
     */
    Optional<BulkResult> apply(List<KeyImportPlan> changes, Interruption interruption) {
        Map<String, Map<String, TagPlan>> plansByRegion = new LinkedHashMap<>();
        for (KeyImportPlan change : changes) {
            String region = Arns.region(change.key().arn()).orElse(connection.defaultRegion());
            plansByRegion.computeIfAbsent(region, r -> new LinkedHashMap<>()).put(change.key().keyId(), change.plan());
        }
        Map<String, BulkSession> sessions = new LinkedHashMap<>();
        List<BulkTagWriter.Run> runs = new ArrayList<>();
        Progress progress = new Progress(changes.size());
        try {
            plansByRegion.keySet().forEach(region -> sessions.put(region,
                    BulkSession.open(connection.in(region), quotas)));
            boolean started = interruption.startCommit(() -> plansByRegion.forEach((region, plans) ->
                    runs.add(sessions.get(region).writer().start(plans, new BulkTagWriter.Listener() {
                        @Override
                        public void progress(BulkProgress regionProgress) {
                            progress.update(region, regionProgress);
                        }
                    }))), () -> runs.forEach(BulkTagWriter.Run::cancel));
            if (!started) {
                return Optional.empty();
            }
            List<BulkResult> results = runs.stream().map(run -> run.result().join()).toList();
            progress.print();
            return Optional.of(combined(changes, results));
        } finally {
            sessions.values().forEach(BulkSession::close);
        }
    }

    /** The regions' results as one, in the order of {@code changes}. */
    private static BulkResult combined(List<KeyImportPlan> changes, List<BulkResult> results) {
        Map<String, KeyResult> byKey = new LinkedHashMap<>();
        int throttles = 0;
        Map<String, KeyResult> all = new LinkedHashMap<>();
        for (BulkResult result : results) {
            all.putAll(result.keys());
            throttles += result.throttles();
        }
        for (KeyImportPlan change : changes) {
            byKey.put(change.key().keyId(), all.get(change.key().keyId()));
        }
        return new BulkResult(byKey, throttles);
    }

    /** The keys done of all regions, printed at most once a second. */
    private final class Progress {

        private final int total;
        private final Map<String, BulkProgress> byRegion = new ConcurrentHashMap<>();
        private long lastPrinted = System.nanoTime();

        Progress(int total) {
            this.total = total;
        }

        void update(String region, BulkProgress regionProgress) {
            byRegion.put(region, regionProgress);
            synchronized (this) {
                long now = System.nanoTime();
                if (now - lastPrinted >= PROGRESS_INTERVAL_NANOS) {
                    lastPrinted = now;
                    print();
                }
            }
        }

        synchronized void print() {
            int done = byRegion.values().stream().mapToInt(BulkProgress::done).sum();
            long secondsLeft = byRegion.values().stream().map(BulkProgress::remaining)
                    .mapToLong(Duration::toSeconds).max().orElse(0);
            err.println("Applying: " + done + " of " + total + " keys done"
                    + (done < total ? ", about " + Math.max(1, secondsLeft) + " s left" : ""));
        }
    }
}
