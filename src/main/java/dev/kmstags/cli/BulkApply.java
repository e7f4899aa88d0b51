package dev.kmstags.cli;

import dev.kmstags.domain.Arns;
import dev.kmstags.domain.TagPlan;
import dev.kmstags.domain.bulk.TagCallQuotas;
import dev.kmstags.inventory.KeyImportPlan;
import dev.kmstags.kms.bulk.BulkProgress;
import dev.kmstags.kms.bulk.BulkResult;
import dev.kmstags.kms.bulk.BulkSession;
import dev.kmstags.kms.bulk.BulkTagWriter;
import dev.kmstags.kms.bulk.RegionalBulkCommit;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Commits the plans of {@code tags apply} with the bulk commit: each region with a writer of its own, paced to the
 * quotas, which are per region; the regions at the same time ({@link RegionalBulkCommit}). Progress goes to standard error, at most once a
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
        Map<String, TagPlan> plans = new LinkedHashMap<>();
        Map<String, String> regionById = new HashMap<>();
        for (KeyImportPlan change : changes) {
            plans.put(change.key().id(), change.plan());
            regionById.put(change.key().id(), Arns.region(change.key().arn()).orElse(connection.defaultRegion()));
        }
        Map<String, BulkSession> sessions = new LinkedHashMap<>();
        RegionalBulkCommit commit = new RegionalBulkCommit(regionById::get, region -> sessions.get(region).writer());
        List<BulkTagWriter.Run> runs = new ArrayList<>();
        Progress progress = new Progress();
        try {
            commit.byRegion(plans).keySet().forEach(region -> sessions.put(region,
                    BulkSession.open(connection.in(region), quotas)));
            boolean started = interruption.startCommit(() -> runs.add(commit.start(plans, progress)),
                    () -> runs.forEach(BulkTagWriter.Run::cancel));
            if (!started) {
                return Optional.empty();
            }
            BulkResult result = runs.get(0).result().join();
            progress.print();
            return Optional.of(result);
        } finally {
            sessions.values().forEach(BulkSession::close);
        }
    }

    /**
     * The keys done of all regions, printed at most once a second. Reports come from the commit's threads, and one
     * may overtake a later one: only the furthest counts.
     */
    private final class Progress implements BulkTagWriter.Listener {

        private BulkProgress last;
        private long lastPrinted = System.nanoTime();

        @Override
        public synchronized void progress(BulkProgress all) {
            if (last != null && all.done() < last.done()) {
                return;
            }
            last = all;
            long now = System.nanoTime();
            if (now - lastPrinted >= PROGRESS_INTERVAL_NANOS) {
                lastPrinted = now;
                print();
            }
        }

        synchronized void print() {
            if (last == null) {
                return;
            }
            int done = last.done();
            int total = last.total();
            err.println("Applying: " + done + " of " + total + " keys done"
                    + (done < total ? ", about " + Math.max(1, last.remaining().toSeconds()) + " s left" : ""));
        }
    }
}
