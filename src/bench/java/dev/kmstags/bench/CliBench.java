package dev.kmstags.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.kmstags.cli.TagsCommand;
import dev.kmstags.domain.KeySummary;
import dev.kmstags.domain.KeyTags;
import dev.kmstags.kms.KeyCatalog;
import dev.kmstags.kms.KmsAccessException;
import dev.kmstags.kms.KmsClients;
import dev.kmstags.kms.KmsConnection;
import dev.kmstags.kms.KmsKeyCatalog;
import dev.kmstags.kms.MultiRegionServices;
import dev.kmstags.local.BackendOptions;
import dev.kmstags.profiles.AwsEnvironment;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The command line benchmark (issue 15): against {@code serve --latency-ms 20} with the backend at the lowest CPU
 * priority, standing in for AWS as in the key list benchmark,
 * <ul>
 *   <li>{@code tags export} of 10,000 keys (three tags each) to CSV against the time {@link KmsKeyCatalog} needs to
 *       read their tags, as the key list loads them (target: within 1.1 times);</li>
 *   <li>{@code tags plan} of that export, unchanged (same bound);</li>
 *   <li>{@code tags export --all-regions} with 500 keys in each of 17 regions against {@code --region} of the
 *       largest alone (target: within 1.2 times);</li>
 *   <li>the key list's All regions ({@link MultiRegionServices}'s catalog, every region at once) over the 17 regions
 *       against {@link KmsKeyCatalog} of the largest alone (same target), with the CPU time the server process and
 *       this JVM used during each run, which tells a run bound by the 2 cores from one that waits.</li>
 * </ul>
 * {@code -Dbench.cli.onlyRegions=true} runs only the parts with many regions.
 * Each command runs both as a process ({@code java -XX:TieredStopAtLevel=1 -cp ... Launcher tags ...}, what a
 * script waits for, JVM start included) and in this JVM ({@link TagsCommand#run}, warm, the loading and writing
 * alone), rounds alternating, after one load and one export in this JVM that are not measured. Writes
 * {@code <out>/cli.json}. Run by {@code mvn -Pbench verify}; settings are {@code -Dbench.cli.*};
 * {@code -Dbench.skipCli=true} skips it.
 */
public final class CliBench {

    private static final String REGION = "us-east-1";
    private static final double EXPORT_TARGET = 1.1;
    private static final double REGIONS_TARGET = 1.2;
    /** How long each run waits, at most, for the other processes to go quiet (under 10% of the CPU). */
    private static final Duration QUIET_WAIT =
            Duration.ofSeconds(Integer.getInteger("bench.cli.quietWaitSeconds", 30));

    record Settings(Path jar, Path outDir, int keys, int latencyMs, int rounds, int regions, int keysPerRegion,
                    int backendNiceness, String childJvmOption, boolean onlyRegions) {

        static Settings fromSystemProperties() {
            return new Settings(
                    Path.of(System.getProperty("bench.jar", "target/kms-tag-manager.jar")).toAbsolutePath(),
                    Path.of(System.getProperty("bench.out", "target/bench")).toAbsolutePath(),
                    Integer.getInteger("bench.cli.keys", 10_000),
                    Integer.getInteger("bench.cli.latencyMs", 20),
                    Integer.getInteger("bench.cli.rounds", 3),
                    Integer.getInteger("bench.cli.regions", 17),
                    Integer.getInteger("bench.cli.keysPerRegion", 500),
                    Integer.getInteger("bench.cli.backendNice", 19),
                    System.getProperty("bench.cli.childJvmOption", "-XX:TieredStopAtLevel=1"),
                    Boolean.getBoolean("bench.cli.onlyRegions"));
        }
    }

    /**
     * One timed run: what, how (process or in this JVM), the wall time, how busy the whole machine was, and the CPU
     * time the server process and this JVM used during it (-1 when not measured).
     */
    record Run(String what, String how, int round, double ms, double hostBusyPercent, double serverCpuMs,
               double harnessCpuMs) {

        /** The CPU time of the server and this JVM together, in cores kept busy on average over the run. */
        double coresBusy() {
            return serverCpuMs < 0 || harnessCpuMs < 0 ? -1 : (serverCpuMs + harnessCpuMs) / ms;
        }
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromSystemProperties();
        Files.createDirectories(settings.outDir());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path work = Files.createTempDirectory("kms-cli-bench-");
        System.out.printf(Locale.ROOT, "== Command line benchmark: %,d keys; %d regions x %,d keys; %d ms latency;"
                        + " %d cores; Java %s%n", settings.keys(), settings.regions(), settings.keysPerRegion(),
                settings.latencyMs(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        Map<String, Object> report = new LinkedHashMap<>();
        List<Run> runs = new ArrayList<>();
        try {
            Path oneRegion = work.resolve("one-region.db");
            Path manyRegions = work.resolve("many-regions.db");
            List<String> regions = create(settings, java, oneRegion, manyRegions);
            if (!settings.onlyRegions()) {
                oneRegion(settings, java, work, oneRegion, runs);
            }
            String largest = regions.get(0);
            try (ServerProcess server = serve(settings, java, manyRegions)) {
                Commands commands = new Commands(settings, java, work, server.port());
                Path export = work.resolve("regions.csv");
                // Not measured: this JVM's first load of many regions.
                keyList(server.port(), regions);
                for (int round = 0; round < settings.rounds(); round++) {
                    runs.add(timed(server, "key list, largest region alone (KmsKeyCatalog)", "in this JVM", round,
                            () -> keyList(server.port(), List.of(largest))));
                    runs.add(timed(server, "key list, All regions (MultiRegionServices)", "in this JVM", round,
                            () -> keyList(server.port(), regions)));
                    if (settings.onlyRegions()) {
                        continue;
                    }
                    runs.add(timed("tags export --region (largest alone)", "process", round,
                            () -> commands.process("export", "--profile", "bench", "--region", largest,
                                    "-o", export.toString())));
                    runs.add(timed("tags export --all-regions", "process", round,
                            () -> commands.process("export", "--profile", "bench", "--all-regions",
                                    "-o", export.toString())));
                    runs.add(timed("tags export --region (largest alone)", "in this JVM", round,
                            () -> commands.inJvm("export", "--profile", "bench", "--region", largest,
                                    "-o", export.toString())));
                    runs.add(timed("tags export --all-regions", "in this JVM", round,
                            () -> commands.inJvm("export", "--profile", "bench", "--all-regions",
                                    "-o", export.toString())));
                }
            }
        } finally {
            try (var files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        write(settings, runs, report);
        System.exit(0);
    }

    /** Export and plan of the one-region file against the key list's loading. */
    private static void oneRegion(Settings settings, Path java, Path work, Path oneRegion, List<Run> runs)
            throws Exception {
        try (ServerProcess server = serve(settings, java, oneRegion)) {
            Commands commands = new Commands(settings, java, work, server.port());
            Path export = work.resolve("export.csv");
            // Not measured: this JVM's first load compiles the SDK's and the catalog's code.
            catalog(server.port(), settings.keys());
            commands.inJvm("export", "--profile", "bench", "-o", export.toString());
            for (int round = 0; round < settings.rounds(); round++) {
                runs.add(timed("key list loading (KmsKeyCatalog)", "in this JVM", round,
                        () -> catalog(server.port(), settings.keys())));
                runs.add(timed("tags export", "process", round,
                        () -> commands.process("export", "--profile", "bench", "-o", export.toString())));
                runs.add(timed("tags export", "in this JVM", round,
                        () -> commands.inJvm("export", "--profile", "bench", "-o", export.toString())));
                runs.add(timed("tags plan (unchanged export)", "process", round,
                        () -> commands.process("plan", export.toString(), "--profile", "bench")));
                runs.add(timed("tags plan (unchanged export)", "in this JVM", round,
                        () -> commands.inJvm("plan", export.toString(), "--profile", "bench")));
            }
        }
    }

    /** The one-region file, and the many-regions file (its first region holds one key more: the largest). */
    private static List<String> create(Settings settings, Path java, Path oneRegion, Path manyRegions)
            throws Exception {
        long start = System.nanoTime();
        if (!settings.onlyRegions()) {
            try (ServerProcess server = ServerProcess.serve(java, List.of(), settings.jar(), oneRegion)) {
                BenchAccount.create(server.port(), REGION, settings.keys());
            }
        }
        List<String> regions = List.of("us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1",
                "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-north-1", "ap-south-1", "ap-northeast-1",
                "ap-northeast-2", "ap-northeast-3", "ap-southeast-1", "ap-southeast-2", "sa-east-1", "eu-south-1",
                "me-central-1", "af-south-1").subList(0, settings.regions());
        try (ServerProcess server = ServerProcess.serve(java, List.of(), settings.jar(), manyRegions)) {
            for (String region : regions) {
                BenchAccount.create(server.port(), region, settings.keysPerRegion()
                        + (region.equals(regions.get(0)) ? 1 : 0));
            }
        }
        System.out.printf(Locale.ROOT, "-- created the keys in %.1f s%n", (System.nanoTime() - start) / 1e9);
        return regions;
    }

    private static ServerProcess serve(Settings settings, Path java, Path data) throws Exception {
        ServerProcess server = ServerProcess.serve(java, List.of(), settings.jar(), data,
                List.of("--latency-ms", String.valueOf(settings.latencyMs())), settings.backendNiceness());
        System.out.printf(Locale.ROOT, "-- backend on %s at niceness %d%n", data.getFileName(), server.niceness());
        return server;
    }

    /** The key list's loading alone: every key described and every customer key's tags read. */
    private static void catalog(int port, int keys) {
        KmsConnection connection = KmsConnection.bundledBackend(URI.create("http://127.0.0.1:" + port), REGION,
                "test", "test");
        try (KmsClient client = KmsClients.create(connection)) {
            int[] count = {0};
            new KmsKeyCatalog(client, connection).listKeys(new KeyCatalog.Listener() {
                @Override
                public void accept(List<KeySummary> described) {
                    count[0] += described.size();
                }
            });
            if (count[0] != keys) {
                throw new IllegalStateException("expected " + keys + " keys, got " + count[0]);
            }
        }
    }

    /**
     * The key list's loading of {@code regions}: one region through {@link KmsKeyCatalog}, several through All
     * regions' catalog ({@link MultiRegionServices}, each region on a client of its own, all at once), until every key
     * is described and every customer key's tags are read.
     */
    private static void keyList(int port, List<String> regions) {
        KmsConnection connection = KmsConnection.bundledBackend(URI.create("http://127.0.0.1:" + port),
                regions.get(0), "test", "test");
        int[] keys = {0};
        int[] tags = {0};
        KeyCatalog.Listener counting = new KeyCatalog.Listener() {
            @Override
            public void accept(List<KeySummary> described) {
                keys[0] += described.size();
            }

            @Override
            public void tagsArrived(List<KeyTags> arrived) {
                tags[0] += arrived.size();
            }

            @Override
            public void regionFailed(String region, KmsAccessException failure) {
                throw new IllegalStateException("region " + region + " not read", failure);
            }
        };
        if (regions.size() == 1) {
            try (KmsClient client = KmsClients.create(connection)) {
                new KmsKeyCatalog(client, connection).listKeys(counting);
            }
        } else {
            try (MultiRegionServices services = MultiRegionServices.of(connection, regions)) {
                services.keyCatalog().listKeys(counting);
            }
        }
        if (keys[0] == 0 || tags[0] != keys[0]) {
            throw new IllegalStateException("expected the tags of every key, got " + tags[0] + " of " + keys[0]);
        }
    }

    private interface Timed {
        void run() throws Exception;
    }

    private static Run timed(String what, String how, int round, Timed work) throws Exception {
        return timed(null, what, how, round, work);
    }

    /** As {@link #timed(String, String, int, Timed)}, with the CPU time of {@code server} (if any) and this JVM. */
    private static Run timed(ServerProcess server, String what, String how, int round, Timed work) throws Exception {
        HostCpu.awaitQuiet(10, Duration.ofSeconds(1), QUIET_WAIT);
        long busyStart = HostCpu.busyNanos();
        long serverStart = server == null ? -1 : server.cpuNanos();
        long harnessStart = harnessCpuNanos();
        long start = System.nanoTime();
        work.run();
        long wall = System.nanoTime() - start;
        double busy = busyStart < 0 ? -1 : 100.0 * (HostCpu.busyNanos() - busyStart)
                / (wall * (double) Runtime.getRuntime().availableProcessors());
        double serverCpu = serverStart < 0 ? -1 : (server.cpuNanos() - serverStart) / 1e6;
        double harnessCpu = server == null || harnessStart < 0 ? -1 : (harnessCpuNanos() - harnessStart) / 1e6;
        Run run = new Run(what, how, round, wall / 1e6, busy, serverCpu, harnessCpu);
        System.out.printf(Locale.ROOT, "   %-48s %-12s round %d: %8.0f ms (machine %3.0f%% busy)%s%n", what, how,
                round, run.ms(), busy, server == null ? "" : String.format(Locale.ROOT,
                        "; CPU: server %.0f ms, harness %.0f ms = %.2f cores", serverCpu, harnessCpu,
                        run.coresBusy()));
        return run;
    }

    /** The CPU time this JVM has used so far, every thread, in ns; -1 when the OS does not say. */
    private static long harnessCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    /** Runs {@code tags} commands against the backend at {@code port} through a profile {@code bench}. */
    private static final class Commands {

        private final Settings settings;
        private final Path java;
        private final Path home;
        private final Map<String, String> environment;

        Commands(Settings settings, Path java, Path work, int port) throws Exception {
            this.settings = settings;
            this.java = java;
            this.home = Files.createDirectories(work.resolve("home-" + port));
            Path aws = Files.createDirectories(home.resolve(".aws"));
            Path config = Files.writeString(aws.resolve("config"), """
                    [profile bench]
                    region = %s
                    endpoint_url = http://127.0.0.1:%d
                    """.formatted(REGION, port));
            Path credentials = Files.writeString(aws.resolve("credentials"), """
                    [bench]
                    aws_access_key_id = test
                    aws_secret_access_key = test
                    """);
            this.environment = Map.of("AWS_CONFIG_FILE", config.toString(),
                    "AWS_SHARED_CREDENTIALS_FILE", credentials.toString());
        }

        void process(String... args) throws Exception {
            List<String> command = new ArrayList<>(List.of(java.toString(), settings.childJvmOption(), "-cp",
                    System.getProperty("java.class.path"), "dev.kmstags.Launcher", "tags"));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("HOME", home.toString());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("tags " + String.join(" ", args) + " did not end");
            }
            check(process.exitValue(), args);
        }

        void inJvm(String... args) {
            PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
            int status = new TagsCommand(new AwsEnvironment(environment), home,
                    () -> BackendOptions.defaults(home.resolve("unused.db")))
                    .run(List.of(args), discard, discard);
            check(status, args);
        }

        private static void check(int status, String... args) {
            if (status != 0) {
                throw new IllegalStateException("tags " + String.join(" ", args) + " ended with " + status);
            }
        }
    }

    private static void write(Settings settings, List<Run> runs, Map<String, Object> report) throws Exception {
        report.put("timestamp", Instant.now().toString());
        report.put("cores", Runtime.getRuntime().availableProcessors());
        report.put("javaVersion", System.getProperty("java.version"));
        report.put("keys", settings.keys());
        report.put("regions", settings.regions());
        report.put("keysPerRegion", settings.keysPerRegion());
        report.put("latencyMs", settings.latencyMs());
        report.put("backendNiceness", settings.backendNiceness());
        report.put("childJvmOption", settings.childJvmOption());
        Map<String, Double> medians = new LinkedHashMap<>();
        runs.stream().map(run -> run.what() + " / " + run.how()).distinct().forEach(name -> medians.put(name,
                median(runs.stream().filter(run -> (run.what() + " / " + run.how()).equals(name)).toList(),
                        Run::ms)));
        report.put("medianMs", medians);
        Map<String, Object> ratios = new LinkedHashMap<>();
        Map<String, Boolean> targets = new LinkedHashMap<>();
        double keyListRatio = medians.get("key list, All regions (MultiRegionServices) / in this JVM")
                / medians.get("key list, largest region alone (KmsKeyCatalog) / in this JVM");
        ratios.put("key list, all regions / largest alone", keyListRatio);
        targets.put("key list, all regions within 1.2", keyListRatio <= REGIONS_TARGET);
        if (!settings.onlyRegions()) {
            double catalog = medians.get("key list loading (KmsKeyCatalog) / in this JVM");
            for (String how : List.of("process", "in this JVM")) {
                ratios.put("export / catalog, " + how, medians.get("tags export / " + how) / catalog);
                ratios.put("plan / catalog, " + how, medians.get("tags plan (unchanged export) / " + how) / catalog);
                ratios.put("all regions / largest alone, " + how, medians.get("tags export --all-regions / " + how)
                        / medians.get("tags export --region (largest alone) / " + how));
            }
            for (String how : List.of("process", "in this JVM")) {
                targets.put("export within 1.1, " + how,
                        (double) ratios.get("export / catalog, " + how) <= EXPORT_TARGET);
                targets.put("plan within 1.1, " + how,
                        (double) ratios.get("plan / catalog, " + how) <= EXPORT_TARGET);
                targets.put("all regions within 1.2, " + how,
                        (double) ratios.get("all regions / largest alone, " + how) <= REGIONS_TARGET);
            }
        }
        report.put("ratios", ratios);
        report.put("targets", targets);
        Map<String, Map<String, Double>> cpu = new LinkedHashMap<>();
        runs.stream().filter(run -> run.serverCpuMs() >= 0).map(Run::what).distinct().forEach(what -> {
            List<Run> these = runs.stream().filter(run -> run.what().equals(what)).toList();
            Map<String, Double> figures = new LinkedHashMap<>();
            figures.put("wallMs", median(these, Run::ms));
            figures.put("serverCpuMs", median(these, Run::serverCpuMs));
            figures.put("harnessCpuMs", median(these, Run::harnessCpuMs));
            figures.put("coresBusy", median(these, Run::coresBusy));
            figures.put("machineBusyPercent", median(these, Run::hostBusyPercent));
            cpu.put(what, figures);
        });
        report.put("cpuMedians", cpu);
        report.put("medianMachineBusyPercent", median(runs, Run::hostBusyPercent));
        report.put("runs", runs);
        Path json = settings.outDir().resolve("cli.json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report);
        System.out.println();
        System.out.println("Command line, medians of " + settings.rounds() + " rounds (ms):");
        medians.forEach((name, ms) -> System.out.printf(Locale.ROOT, "  %-60s %8.0f%n", name, ms));
        ratios.forEach((name, ratio) -> System.out.printf(Locale.ROOT, "  %-60s %8.2f%n", name, (double) ratio));
        cpu.forEach((name, figures) -> System.out.printf(Locale.ROOT, "  %-60s %s%n", name, figures));
        System.out.println("Targets: " + targets);
        System.out.println("Every figure: " + json);
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
