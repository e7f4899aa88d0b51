package dev.kmstags.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.kmstags.domain.KeySummary;
import dev.kmstags.domain.KeyTags;
import dev.kmstags.domain.bulk.BulkEdit;
import dev.kmstags.domain.bulk.BulkOperation;
import dev.kmstags.domain.bulk.BulkPlan;
import dev.kmstags.domain.bulk.BulkSelection;
import dev.kmstags.domain.bulk.TagCallQuotas;
import dev.kmstags.kms.KeyCatalog;
import dev.kmstags.kms.KmsClients;
import dev.kmstags.kms.KmsConnection;
import dev.kmstags.kms.KmsKeyCatalog;
import dev.kmstags.ui.bulkcommit.BulkCommitViewModel;
import dev.kmstags.ui.bulkcommit.KeyOutcome;
import dev.kmstags.ui.bulkcommit.SessionBulkCommits;
import dev.kmstags.ui.common.AppState;
import dev.kmstags.ui.common.Messages;
import dev.kmstags.ui.common.ScriptedDialogs;
import dev.kmstags.ui.common.UiQueueTaskExecutor;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The bulk commit benchmark (issue 14): against {@code serve --latency-ms 20 --quotas aws} with 1,000 customer keys,
 * each with the tags Team and Env, the commit through the app's {@link BulkCommitViewModel} (the progress and result
 * the window shows, on the real {@code BulkTagWriter} paced to AWS's default quotas):
 * <ul>
 *   <li>a change that needs one TagResource per key (set CostCenter on all): within 1.1 times the quota bound,
 *       1,000 / 10 a second = 100 s, and no key failed for throttling;</li>
 *   <li>a rename (Team to TeamName: one UntagResource and one TagResource per key): within 1.1 times its bound,
 *       1,000 / 5 a second = 200 s.</li>
 * </ul>
 * The keys are made on a backend without quotas, which is then started again with them. Each commit runs once: they
 * are bound by the quotas, not by the CPU. Writes {@code <out>/bulk.json}. Run by {@code mvn -Pbench verify};
 * settings are {@code -Dbench.bulk.*}; {@code -Dbench.skipBulk=true} skips it.
 */
public final class BulkCommitBench {

    private static final String REGION = "us-east-1";
    private static final double TARGET = 1.1;
    private static final int CONNECTIONS = 8;

    record Settings(Path jar, Path outDir, int keys, int latencyMs) {

        static Settings fromSystemProperties() {
            return new Settings(
                    Path.of(System.getProperty("bench.jar", "target/kms-tag-manager.jar")).toAbsolutePath(),
                    Path.of(System.getProperty("bench.out", "target/bench")).toAbsolutePath(),
                    Integer.getInteger("bench.bulk.keys", 1000),
                    Integer.getInteger("bench.bulk.latencyMs", 20));
        }
    }

    /** One commit: what it changed, its quota bound, the time it took, how it ended for the keys. */
    record Commit(String what, int keys, double boundSeconds, double seconds, double ratio, boolean withinTarget,
                  int throttles, Map<KeyOutcome.Kind, Long> outcomes) {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromSystemProperties();
        Files.createDirectories(settings.outDir());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path work = Files.createTempDirectory("kms-bulk-bench-");
        System.out.printf(Locale.ROOT, "== Bulk commit benchmark: %,d keys; %d ms latency; --quotas aws; %d cores;"
                        + " Java %s%n", settings.keys(), settings.latencyMs(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        List<Commit> commits = new ArrayList<>();
        try {
            Path data = work.resolve("bulk.db");
            try (ServerProcess server = ServerProcess.serve(java, List.of(), settings.jar(), data)) {
                create(server.port(), settings.keys());
            }
            try (ServerProcess server = ServerProcess.serve(java, List.of(), settings.jar(), data,
                    List.of("--latency-ms", String.valueOf(settings.latencyMs()), "--quotas", "aws"), 0)) {
                KmsConnection connection = KmsConnection.bundledBackend(
                        URI.create("http://127.0.0.1:" + server.port()), REGION, "test", "test");
                commits.add(commit(connection, settings, "set CostCenter on all (one TagResource per key)",
                        new BulkOperation.SetTag("CostCenter", "CC-4711"),
                        keys -> TagCallQuotas.AWS_DEFAULT.timeFor(0, keys)));
                commits.add(commit(connection, settings, "rename Team to TeamName (UntagResource + TagResource)",
                        new BulkOperation.RenameKey("Team", "TeamName"),
                        keys -> TagCallQuotas.AWS_DEFAULT.timeFor(keys, 0)));
            }
        } finally {
            try (var files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        write(settings, commits);
        System.exit(0);
    }

    /** {@code keys} enabled customer managed keys, each tagged Team and Env. */
    private static void create(int port, int keys) throws Exception {
        long start = System.nanoTime();
        ExecutorService threads = Executors.newFixedThreadPool(CONNECTIONS);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int c = 0; c < CONNECTIONS; c++) {
                int connection = c;
                done.add(threads.submit(() -> {
                    try (KmsCalls calls = new KmsCalls(port, REGION)) {
                        for (int i = connection; i < keys; i += CONNECTIONS) {
                            calls.call("CreateKey", ("{\"Description\":\"Bulk benchmark key %d\",\"Tags\":["
                                    + "{\"TagKey\":\"Team\",\"TagValue\":\"team-%d\"},"
                                    + "{\"TagKey\":\"Env\",\"TagValue\":\"%s\"}]}")
                                    .formatted(i, i % BenchAccount.TEAMS, i % 3 == 0 ? "prod" : "dev"));
                        }
                    }
                    return null;
                }));
            }
            for (Future<Void> future : done) {
                future.get();
            }
        } finally {
            threads.shutdownNow();
        }
        System.out.printf(Locale.ROOT, "-- created %,d keys in %.1f s%n", keys, (System.nanoTime() - start) / 1e9);
    }

    /**
     * Reads every key and its tags as the key list does, plans {@code operation} on all of them as the bulk editor
     * does, and times its commit through the view model, from Apply until the result shows.
     */
    private static Commit commit(KmsConnection connection, Settings settings, String what, BulkOperation operation,
                                 Function<Integer, Duration> quotaBound) throws Exception {
        BulkPlan plan = BulkEdit.EMPTY.then(operation).plan(selection(connection));
        int keys = plan.ready().size();
        if (keys != settings.keys()) {
            throw new IllegalStateException("expected " + settings.keys() + " keys to change, got " + keys);
        }
        UiQueueTaskExecutor executor = new UiQueueTaskExecutor();
        BulkCommitViewModel viewModel = new BulkCommitViewModel(executor, Messages.load(Locale.US),
                new ScriptedDialogs(), new AppState(), new SessionBulkCommits(() -> connection,
                () -> TagCallQuotas.AWS_DEFAULT), tags -> { });
        double bound = quotaBound.apply(keys).toNanos() / 1e9;
        System.out.printf(Locale.ROOT, "-- %s: %,d keys, quota bound %.1f s%n", what, keys, bound);
        long start = System.nanoTime();
        viewModel.start(plan);
        executor.runUntil("the commit ended", () -> !viewModel.runningProperty().get(), Duration.ofMinutes(30));
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<KeyOutcome.Kind, Long> outcomes = new LinkedHashMap<>();
        viewModel.outcomes().forEach(outcome -> outcomes.merge(outcome.kind(), 1L, Long::sum));
        double ratio = seconds / bound;
        Commit commit = new Commit(what, keys, bound, seconds, ratio,
                ratio <= TARGET && outcomes.getOrDefault(KeyOutcome.Kind.APPLIED, 0L) == keys,
                viewModel.throttlesProperty().get(), outcomes);
        System.out.printf(Locale.ROOT, "   %.1f s = %.3f times the bound; %d calls throttled; %s; %s%n", seconds,
                ratio, commit.throttles(), outcomes, viewModel.summaryProperty().get());
        return commit;
    }

    /** Every key and its tags, read as the key list reads them. */
    private static BulkSelection selection(KmsConnection connection) {
        List<KeySummary> keys = new ArrayList<>();
        Map<String, KeyTags> tags = new ConcurrentHashMap<>();
        try (KmsClient client = KmsClients.create(connection)) {
            new KmsKeyCatalog(client, connection).listKeys(new KeyCatalog.Listener() {
                @Override
                public void accept(List<KeySummary> described) {
                    keys.addAll(described);
                }

                @Override
                public void tagsArrived(List<KeyTags> arrived) {
                    arrived.forEach(keyTags -> tags.put(keyTags.keyId(), keyTags));
                }
            });
        }
        return BulkSelection.of(keys, tags);
    }

    private static void write(Settings settings, List<Commit> commits) throws Exception {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("timestamp", Instant.now().toString());
        report.put("cores", Runtime.getRuntime().availableProcessors());
        report.put("javaVersion", System.getProperty("java.version"));
        report.put("keys", settings.keys());
        report.put("latencyMs", settings.latencyMs());
        report.put("quotas", "aws");
        report.put("target", TARGET);
        report.put("commits", commits);
        Path json = settings.outDir().resolve("bulk.json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report);
        System.out.println();
        System.out.println("Bulk commit (s, times the quota bound, within 1.1 and no key failed):");
        commits.forEach(commit -> System.out.printf(Locale.ROOT, "  %-60s %7.1f %6.3f %s%n", commit.what(),
                commit.seconds(), commit.ratio(), commit.withinTarget()));
        System.out.println("Every figure: " + json);
    }
}
