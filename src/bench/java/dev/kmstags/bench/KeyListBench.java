package dev.kmstags.bench;

import atlantafx.base.theme.PrimerLight;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.kmstags.kms.KmsClients;
import dev.kmstags.kms.KmsConnection;
import dev.kmstags.kms.KmsKeyCatalog;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.ToDoubleFunction;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The key list benchmark: {@code N} keys (10,000 by default) on the bundled backend with {@code --latency-ms 20} (a
 * realistic AWS round trip) and, standing in for AWS, at the lowest CPU priority ({@code nice -n 19}, where the OS
 * has {@code nice}; {@code -Dbench.keyList.backendNice=0} shares the CPU equally), loaded through the real
 * KmsKeyCatalog into the real KeyListViewModel and KeyListView on a real, headless JavaFX toolkit. Reports the time
 * to the first rows shown, until every key is described, until every key's tags are read, and the longest
 * JavaFX-thread stall; compares the describe phase with its lower bound, latency x N / concurrency. First a few
 * concurrencies once each, then rounds at the catalog's default, each as loaded plainly and with a search text and
 * a sort by creation time active. Writes {@code <out>/keylist.json}. Run by {@code mvn -Pbench verify}; settings
 * are {@code -Dbench.keyList.*}.
 */
public final class KeyListBench {

    private static final String REGION = "us-east-1";
    private static final double TARGET_RATIO = 1.3;
    private static final double TARGET_FIRST_ROWS_MS = 1_000;
    private static final double TARGET_STALL_MS = 50;
    private static final double QUIET_BUSY_PERCENT = 10;
    private static final String FIRST_LOAD = "first load after start";

    record Settings(Path jar, Path outDir, int keys, int latencyMs, int rounds, int concurrency,
                    List<Integer> sweep, int backendNiceness) {

        static Settings fromSystemProperties() {
            return new Settings(
                    Path.of(System.getProperty("bench.jar", "target/kms-tag-manager.jar")).toAbsolutePath(),
                    Path.of(System.getProperty("bench.out", "target/bench")).toAbsolutePath(),
                    Integer.getInteger("bench.keyList.keys", 10_000),
                    Integer.getInteger("bench.keyList.latencyMs", 20),
                    Integer.getInteger("bench.keyList.rounds", 3),
                    Integer.getInteger("bench.keyList.concurrency", KmsKeyCatalog.DEFAULT_CONCURRENCY),
                    Arrays.stream(System.getProperty("bench.keyList.sweep", "8,16,24").split(","))
                            .map(String::strip).filter(s -> !s.isEmpty()).map(Integer::valueOf).toList(),
                    Integer.getInteger("bench.keyList.backendNice", 19));
        }
    }

    /** One measured load, with its setting and how busy the rest of the machine was. */
    record Run(String variant, int concurrency, double firstRowsMs, double allDescribedMs, double allTaggedMs,
               double describeBoundMs, double describeRatio, double longestStallMs, double longestStallAtMs,
               double longestPulseGapMs,
               int rows, int shownRows, double otherProcessesCpuPercent) {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromSystemProperties();
        Files.createDirectories(settings.outDir());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path data = Files.createTempFile("kms-keylist-bench-", ".db");
        Files.delete(data);
        System.out.printf(Locale.ROOT, "== Key list benchmark: %,d keys, %d ms latency, %d cores, Java %s%n",
                settings.keys(), settings.latencyMs(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        try {
            long setup = System.nanoTime();
            try (ServerProcess server = ServerProcess.serve(java, List.of(), settings.jar(), data)) {
                BenchAccount.create(server.port(), REGION, settings.keys());
            }
            System.out.printf(Locale.ROOT, "-- created the keys in %.1f s%n", (System.nanoTime() - setup) / 1e9);
            // The backend stands in for AWS, whose servers do not take the app's CPU: at the lowest priority it runs
            // on what the app leaves of the machine.
            try (ServerProcess server = ServerProcess.serve(java, List.of(), settings.jar(), data,
                    List.of("--latency-ms", String.valueOf(settings.latencyMs())), settings.backendNiceness())) {
                System.out.printf(Locale.ROOT, "-- backend at niceness %d%n", server.niceness());
                try (KeyListRun window = KeyListRun.open(startToolkit())) {
                    List<Run> runs = measure(settings, server, window);
                    write(settings, runs, server.niceness());
                }
            } finally {
                Platform.exit();
            }
        } finally {
            for (String suffix : List.of("", "-wal", "-shm")) {
                Files.deleteIfExists(Path.of(data + suffix));
            }
        }
        System.exit(0);
    }

    private static Stage startToolkit() throws Exception {
        CompletableFuture<Stage> stage = new CompletableFuture<>();
        Platform.startup(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            stage.complete(new Stage());
        });
        return stage.get();
    }

    /**
     * The first load after start (a cold JVM and a new window, reported on its own), the concurrencies of the
     * sweep once each, then the rounds; every load after the first reloads the same window, as a refresh does.
     */
    private static List<Run> measure(Settings settings, ServerProcess server, KeyListRun window) throws Exception {
        KmsConnection connection = KmsConnection.bundledBackend(
                URI.create("http://127.0.0.1:" + server.port()), REGION, "test", "test");
        List<Run> runs = new ArrayList<>();
        runs.add(run(settings, server, connection, window, FIRST_LOAD, settings.concurrency(), "", false));
        for (int concurrency : settings.sweep()) {
            runs.add(run(settings, server, connection, window, "plain", concurrency, "", false));
        }
        for (int round = 0; round < settings.rounds(); round++) {
            runs.add(run(settings, server, connection, window, "plain", settings.concurrency(), "", false));
            runs.add(run(settings, server, connection, window, "filtered+sorted", settings.concurrency(),
                    BenchAccount.oneTeam(), true));
        }
        return runs;
    }

    private static Run run(Settings settings, ServerProcess server, KmsConnection connection, KeyListRun window,
                           String variant, int concurrency, String search, boolean newestFirst) throws Exception {
        double quiet = HostCpu.awaitQuiet(QUIET_BUSY_PERCENT, Duration.ofSeconds(1), Duration.ofSeconds(60));
        long hostBusyStart = HostCpu.busyNanos();
        long selfStart = LoadPhase.processCpuNanos();
        long serverStart = server.cpuNanos();
        long wallStart = System.nanoTime();
        KeyListRun.Result result;
        try (KmsClient client = KmsClients.create(connection)) {
            result = window.load(new KmsKeyCatalog(client, connection, concurrency), settings.keys(), search,
                    newestFirst);
        }
        double others = otherProcessesPercent(hostBusyStart, selfStart, serverStart, server, wallStart);
        double bound = (double) settings.latencyMs() * settings.keys() / concurrency;
        Run run = new Run(variant, concurrency, result.firstRowsMs(), result.allDescribedMs(), result.allTaggedMs(),
                bound, result.allDescribedMs() / bound, result.longestStallMs(), result.longestStallAtMs(),
                result.longestPulseGapMs(),
                result.rows(), result.shownRows(), others);
        System.out.printf(Locale.ROOT, "   %-16s c=%2d  first rows %6.0f ms  all described %7.0f ms (bound %6.0f,"
                        + " ratio %.2f)  all tags %7.0f ms  longest stall %5.1f ms at %6.0f ms (pulse gap %5.1f)"
                        + "  rows %d/%d;"
                        + " others %.0f%% of CPU%s%n", variant, concurrency, run.firstRowsMs(), run.allDescribedMs(),
                bound, run.describeRatio(), run.allTaggedMs(), run.longestStallMs(), run.longestStallAtMs(),
                run.longestPulseGapMs(),
                run.shownRows(), run.rows(), others, quiet >= QUIET_BUSY_PERCENT ? " (machine was not quiet)" : "");
        if (result.rows() != settings.keys()) {
            throw new IllegalStateException("expected " + settings.keys() + " rows, got " + result.rows());
        }
        return run;
    }

    private static double otherProcessesPercent(long hostBusyStart, long selfStart, long serverStart,
                                                ServerProcess server, long wallStart) {
        long hostBusy = HostCpu.busyNanos() - hostBusyStart;
        long self = LoadPhase.processCpuNanos() - selfStart;
        long serverCpu = server.cpuNanos() - serverStart;
        double wall = System.nanoTime() - wallStart;
        if (hostBusyStart < 0 || selfStart < 0 || serverStart < 0) {
            return -1;
        }
        return Math.max(0, 100.0 * (hostBusy - self - serverCpu) / (wall * Runtime.getRuntime().availableProcessors()));
    }

    private static void write(Settings settings, List<Run> runs, int backendNiceness) throws Exception {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("timestamp", Instant.now().toString());
        report.put("cores", Runtime.getRuntime().availableProcessors());
        report.put("javaVersion", System.getProperty("java.version"));
        report.put("jvmOptions", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(option -> option.startsWith("-X")).toList());
        report.put("keys", settings.keys());
        report.put("latencyMs", settings.latencyMs());
        report.put("backendNiceness", backendNiceness);
        report.put("concurrency", settings.concurrency());
        report.put("rounds", settings.rounds());
        Map<String, Map<String, Object>> medians = new LinkedHashMap<>();
        for (String variant : List.of("plain", "filtered+sorted")) {
            medians.put(variant, medians(runs.stream()
                    .filter(r -> r.variant().equals(variant) && r.concurrency() == settings.concurrency())
                    .toList()));
        }
        report.put("medians", medians);
        report.put("firstLoadAfterStart", runs.get(0));
        report.put("sweep", sweep(runs));
        Map<String, Object> plain = medians.get("plain");
        List<Run> afterTheFirst = runs.stream().filter(r -> !r.variant().equals(FIRST_LOAD)).toList();
        double worstStall = afterTheFirst.stream().mapToDouble(Run::longestStallMs).max().orElse(-1);
        // On 2 shared cores a load during which other processes took a large share says more about them.
        double worstQuietStall = afterTheFirst.stream().filter(r -> r.otherProcessesCpuPercent() < QUIET_BUSY_PERCENT)
                .mapToDouble(Run::longestStallMs).max().orElse(-1);
        Map<String, Object> targets = new LinkedHashMap<>();
        Run firstLoad = runs.get(0);
        // The first load after start counts too: it is the one every user sees.
        targets.put("describeRatioUnder1.3", Math.max((double) plain.get("describeRatio"),
                firstLoad.describeRatio()) < TARGET_RATIO);
        targets.put("describeRatioOfTheFirstLoadAfterStart", firstLoad.describeRatio());
        targets.put("firstRowsUnder1s", Math.max((double) plain.get("firstRowsMs"), firstLoad.firstRowsMs())
                < TARGET_FIRST_ROWS_MS);
        double firstLoadStall = firstLoad.longestStallMs();
        targets.put("noStallOver50ms", Math.max(worstStall, firstLoadStall) <= TARGET_STALL_MS);
        targets.put("stallMsOfTheFirstLoadAfterStart", firstLoadStall);
        targets.put("noStallOver50msInLoadsAfterTheFirst", worstStall <= TARGET_STALL_MS);
        targets.put("worstStallMsOfLoadsAfterTheFirst", worstStall);
        targets.put("noStallOver50msWhileOthersTookUnder10PercentOfTheCpu", worstQuietStall <= TARGET_STALL_MS);
        targets.put("worstStallMsWhileOthersTookUnder10PercentOfTheCpu", worstQuietStall);
        report.put("targets", targets);
        report.put("runs", runs);
        Path json = settings.outDir().resolve("keylist.json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report);
        System.out.println();
        System.out.printf(Locale.ROOT, "Key list, %,d keys, %d ms latency, c=%d, medians of %d rounds:%n",
                settings.keys(), settings.latencyMs(), settings.concurrency(), settings.rounds());
        medians.forEach((variant, m) -> System.out.println("  " + variant + ": " + m));
        System.out.println("  " + FIRST_LOAD + ": " + runs.get(0));
        System.out.println("Targets: " + targets);
        System.out.println("Every figure: " + json);
    }

    /** The describe ratio at each concurrency tried, plain loads only (a median where there were several). */
    private static Map<Integer, Double> sweep(List<Run> runs) {
        Map<Integer, Double> ratios = new TreeMap<>();
        runs.stream().filter(r -> r.variant().equals("plain")).map(Run::concurrency).distinct().forEach(c ->
                ratios.put(c, median(runs.stream().filter(r -> r.variant().equals("plain") && r.concurrency() == c)
                        .toList(), Run::describeRatio)));
        return ratios;
    }

    private static Map<String, Object> medians(List<Run> runs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runs", runs.size());
        m.put("firstRowsMs", median(runs, Run::firstRowsMs));
        m.put("allDescribedMs", median(runs, Run::allDescribedMs));
        m.put("describeBoundMs", median(runs, Run::describeBoundMs));
        m.put("describeRatio", median(runs, Run::describeRatio));
        m.put("allTaggedMs", median(runs, Run::allTaggedMs));
        m.put("longestStallMs", median(runs, Run::longestStallMs));
        m.put("longestPulseGapMs", median(runs, Run::longestPulseGapMs));
        m.put("otherProcessesCpuPercent", median(runs, Run::otherProcessesCpuPercent));
        return m;
    }

    private static double median(List<Run> runs, ToDoubleFunction<Run> figure) {
        double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
        if (values.length == 0) {
            return -1;
        }
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
