package dev.kmstags.kms.bulk;

import dev.kmstags.domain.TagPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A bulk commit of keys of several regions: each region's keys go to a {@link BulkTagWriter} of that region (its own
 * client and its own paces, since KMS's request quotas are per account and region), all regions at the same time,
 * and the user sees one commit: one progress, one cancel, one result in the order of the plans.
 */
public final class RegionalBulkCommit {

    /** The writer of one region; called once per region a commit has keys in. */
    @FunctionalInterface
    public interface Writers {
        BulkTagWriter in(String region);
    }

    private final Function<String, String> regionOf;
    private final Writers writers;

    /**
     * @param regionOf the region of a key, by the name the plans give it (key ID or ARN)
     * @param writers  opens the writer of a region
     */
    public RegionalBulkCommit(Function<String, String> regionOf, Writers writers) {
        this.regionOf = Objects.requireNonNull(regionOf, "regionOf");
        this.writers = Objects.requireNonNull(writers, "writers");
    }

    /** The plans of each region, in the order of {@code plans}. */
    public Map<String, Map<String, TagPlan>> byRegion(Map<String, TagPlan> plans) {
        Map<String, Map<String, TagPlan>> byRegion = new LinkedHashMap<>();
        plans.forEach((key, plan) -> byRegion.computeIfAbsent(regionOf.apply(key), region -> new LinkedHashMap<>())
                .put(key, plan));
        return byRegion;
    }

    /** Starts committing {@code plans} (key to its plan), each region on its own writer. */
    public BulkTagWriter.Run start(Map<String, TagPlan> plans, BulkTagWriter.Listener listener) {
        Map<String, Map<String, TagPlan>> byRegion = byRegion(plans);
        Map<String, BulkTagWriter> regionWriters = new LinkedHashMap<>();
        byRegion.keySet().forEach(region -> regionWriters.put(region, writers.in(region)));
        Progress progress = new Progress(plans.size(), listener);
        List<BulkTagWriter.Run> runs = new ArrayList<>();
        byRegion.forEach((region, regionPlans) -> runs.add(regionWriters.get(region).start(regionPlans,
                new BulkTagWriter.Listener() {
                    @Override
                    public void starting(String keyId) {
                        listener.starting(keyId);
                    }

                    @Override
                    public void progress(BulkProgress regionProgress) {
                        progress.update(region, regionProgress);
                    }
                })));
        return new Combined(runs, List.copyOf(plans.keySet()));
    }

    /** The regions' progress as one: keys done of all, the rates of all regions together, the longest time left. */
    private static final class Progress {

        private final int total;
        private final BulkTagWriter.Listener listener;
        private final Map<String, BulkProgress> byRegion = new ConcurrentHashMap<>();

        Progress(int total, BulkTagWriter.Listener listener) {
            this.total = total;
            this.listener = listener;
        }

        void update(String region, BulkProgress regionProgress) {
            BulkProgress all;
            synchronized (this) {
                byRegion.merge(region, regionProgress, (old, now) -> now.done() >= old.done() ? now : old);
                int done = 0;
                double tagRate = 0;
                double untagRate = 0;
                Duration left = Duration.ZERO;
                for (BulkProgress each : byRegion.values()) {
                    done += each.done();
                    tagRate += each.tagRate();
                    untagRate += each.untagRate();
                    left = each.remaining().compareTo(left) > 0 ? each.remaining() : left;
                }
                all = new BulkProgress(done, total, tagRate, untagRate, left);
            }
            listener.progress(all);
        }
    }

    /** The regions' runs as one. */
    private static final class Combined implements BulkTagWriter.Run {

        private final List<BulkTagWriter.Run> runs;
        private final CompletableFuture<BulkResult> result;

        Combined(List<BulkTagWriter.Run> runs, List<String> order) {
            this.runs = runs;
            this.result = CompletableFuture.allOf(runs.stream().map(BulkTagWriter.Run::result)
                    .toArray(CompletableFuture[]::new)).thenApply(done -> combined(order));
        }

        private BulkResult combined(List<String> order) {
            Map<String, KeyResult> all = new LinkedHashMap<>();
            int throttles = 0;
            for (BulkTagWriter.Run run : runs) {
                BulkResult regionResult = run.result().join();
                all.putAll(regionResult.keys());
                throttles += regionResult.throttles();
            }
            Map<String, KeyResult> ordered = new LinkedHashMap<>();
            order.forEach(key -> ordered.put(key, all.get(key)));
            return new BulkResult(ordered, throttles);
        }

        @Override
        public void cancel() {
            runs.forEach(BulkTagWriter.Run::cancel);
        }

        @Override
        public CompletableFuture<BulkResult> result() {
            return result;
        }
    }
}
