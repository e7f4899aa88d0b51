package dev.kmstags.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * The bundled backend's benchmark: TagResource and ListResourceTags under 8 concurrent keep-alive connections,
 * ListKeys over 1,000 keys, and {@code serve}'s cold start to the first answered request; the same load and cold
 * start on moto_server when it is on the PATH. Prints a table and writes every figure to
 * {@code <out>/backend.json}. Run by {@code mvn -Pbench verify}; settings are system properties (see
 * {@link Settings}). All traffic goes to 127.0.0.1, and every loop is bounded in time and count.
 */
public final class BackendBench {

    private static final String LOAD_REGION = "us-east-1";
    private static final String LIST_REGION = "eu-central-1";
    private static final int TAG_KEYS = 64;
    private static final int LIST_TAG_KEYS = 64;
    private static final int TAGS_PER_LISTED_KEY = 10;
    private static final int LIST_KEYS_COUNT = 1_000;
    private static final int POOL_PER_CONNECTION = 1_024;
    private static final int MOTO_KEYS = 8;
    private static final int MOTO_POOL_PER_CONNECTION = 64;
    private static final int STALLED_SOCKETS = 1_000;
    private static final int STALLED_CALLS = 20;
    private static final Duration DURABILITY_LOAD = Duration.ofSeconds(3);
    /** Signatures are valid for 5 minutes: a phase signed up front must end well within that. */
    private static final Duration SIGNATURE_BUDGET = Duration.ofMinutes(4);

    /** Before each measurement, wait (bounded) for the rest of the machine to keep less than this share busy. */
    private static final double QUIET_BUSY_PERCENT = 10;
    private static final Duration QUIET_WAIT_LIMIT = Duration.ofSeconds(60);
    /** What all those waits may add up to in one run (-Dbench.quietWaitSeconds); then it measures at once. */
    private static long quietBudgetNanos = Duration.ofSeconds(
            Long.getLong("bench.quietWaitSeconds", 180)).toNanos();
    /** A window in which other processes took more than this share of the CPU is flagged as noisy. */
    private static final double NOISY_PERCENT = 10;

    private static final double TARGET_TAG_RESOURCE_PER_SECOND = 5_000;
    private static final double TARGET_P99_MS = 10;
    private static final double TARGET_COLD_START_S = 0.8;
    private static final double TARGET_TAG_RESOURCE_OF_CEILING = 0.5;
    private static final double TARGET_LIST_RESOURCE_TAGS_OF_CEILING = 0.7;
    private static final double TARGET_LIST_KEYS_TIMES_MOTO = 10;
    private static final double TARGET_STALLED_MS = 100;

    private BackendBench() {
    }

    /** Every knob of a run, from {@code -Dbench.*} system properties. */
    record Settings(Path jar, Path outDir, int connections, Duration jitWarmup, Duration warmup, Duration measure,
                    int slices, Duration sliceWarmup, int rounds,
                    int listKeysRepetitions, int coldStarts, boolean coldStartVariants, String moto,
                    Duration motoWarmup, Duration motoMeasure, int motoColdStarts, List<String> serverJvmOptions,
                    Path baseJar) {

        static Settings fromSystemProperties() {
            return new Settings(
                    Path.of(System.getProperty("bench.jar", "target/kms-tag-manager.jar")).toAbsolutePath(),
                    Path.of(System.getProperty("bench.out", "target/bench")).toAbsolutePath(),
                    intProperty("bench.connections", 8, 1, 64),
                    Duration.ofSeconds(intProperty("bench.jitWarmupSeconds", 10, 0, 120)),
                    Duration.ofSeconds(intProperty("bench.warmupSeconds", 3, 0, 60)),
                    Duration.ofSeconds(intProperty("bench.measureSeconds", 10, 1, 120)),
                    intProperty("bench.slices", 10, 1, 100),
                    Duration.ofMillis(intProperty("bench.sliceWarmupMillis", 500, 0, 10_000)),
                    intProperty("bench.rounds", 3, 1, 15),
                    intProperty("bench.listKeysRepetitions", 20, 1, 500),
                    intProperty("bench.coldStarts", 7, 1, 51),
                    Boolean.parseBoolean(System.getProperty("bench.coldStartVariants", "true")),
                    System.getProperty("bench.moto", "auto"),
                    Duration.ofSeconds(intProperty("bench.motoWarmupSeconds", 1, 0, 30)),
                    Duration.ofSeconds(intProperty("bench.motoMeasureSeconds", 5, 1, 60)),
                    intProperty("bench.motoColdStarts", 5, 1, 21),
                    words(System.getProperty("bench.serverJvmOptions", "")),
                    System.getProperty("bench.baseJar", "").isBlank() ? null
                            : Path.of(System.getProperty("bench.baseJar").strip()).toAbsolutePath());
        }

        private static int intProperty(String name, int fallback, int min, int max) {
            String text = System.getProperty(name);
            if (text == null || text.isBlank()) {
                return fallback;
            }
            int value = Integer.parseInt(text.strip());
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ": " + value);
            }
            return value;
        }

        private static List<String> words(String text) {
            return text.isBlank() ? List.of() : List.of(text.strip().split("\\s+"));
        }
    }

    /** One cold-start configuration: JVM options before {@code -jar}. */
    record Variant(String name, List<String> jvmOptions) {
    }

    record ColdStart(String variant, List<String> jvmOptions, int runs, double medianFirst200Seconds,
                     double medianListeningSeconds, double minFirst200Seconds, double maxFirst200Seconds,
                     double medianServerCpuSeconds, double medianOtherProcessesCpuPercent,
                     List<Double> first200Seconds) {
    }

    record ListKeysResult(String region, int keys, int repetitions, double singleCallMedianMs,
                          double singleCallMinMs, int singleCallBytes, double pagedMedianMs, double pagedMinMs,
                          int pages) {
    }

    record LoadSummary(String operation, LoadPhase.Result median, List<LoadPhase.Result> rounds) {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromSystemProperties();
        if (!Files.isRegularFile(settings.jar())) {
            System.err.println("No jar at " + settings.jar() + "; build it first (mvn -Pbench verify does).");
            System.exit(2);
        }
        if (settings.warmup().plus(settings.measure()).compareTo(SIGNATURE_BUDGET) > 0) {
            System.err.println("warm-up plus measured time must stay under " + SIGNATURE_BUDGET.toMinutes()
                    + " minutes: requests are signed before each phase");
            System.exit(2);
        }
        Files.createDirectories(settings.outDir());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> problems = new ArrayList<>();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("timestamp", Instant.now().toString());
        report.put("machine", machine());
        report.put("loadAverageAtStart", HostCpu.loadAverage());
        report.put("settings", settings(settings));

        System.out.printf(Locale.ROOT, "== KMS backend benchmark: %d cores, Java %s, %d connections;"
                        + " 1-minute load average before starting: %.2f%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), settings.connections(), HostCpu.loadAverage());

        // ---- ours and its ceiling side by side, then ListKeys and stalled sockets on ours
        Map<String, List<LoadSummary>> loads;
        ListKeysResult listKeys;
        LoadSummary oursListKeysLoad;
        StalledSockets.Result stalled;
        Path data = Files.createTempFile("kms-bench-", ".db");
        Files.delete(data);
        try (ServerProcess server = ServerProcess.serve(java, settings.serverJvmOptions(), settings.jar(), data)) {
            System.out.println("-- bundled backend on port " + server.port() + (settings.serverJvmOptions().isEmpty()
                    ? "" : " with " + settings.serverJvmOptions()));
            Keys keys = prepare(server, LOAD_REGION, TAG_KEYS, LIST_TAG_KEYS, problems, "ours");
            Path listAnswer = settings.outDir().resolve("ceiling-ListResourceTags.json");
            Files.write(listAnswer, keys.listAnswer());
            Path baseData = Files.createTempFile("kms-bench-base-", ".db");
            Files.delete(baseData);
            try (ServerProcess ceiling = ServerProcess.ceiling(java, settings.serverJvmOptions(),
                    List.of("ListResourceTags=" + listAnswer));
                 ServerProcess base = settings.baseJar() == null ? null
                         : ServerProcess.serve(java, settings.serverJvmOptions(), settings.baseJar(), baseData)) {
                System.out.println("-- ceiling (the same HTTP server answering a constant) on port " + ceiling.port()
                        + "; they take turns within each round");
                List<Target> targets = new ArrayList<>(List.of(new Target("ours", server, keys),
                        new Target("ceil", ceiling, keys)));
                if (base != null) {
                    System.out.println("-- base (the backend of " + settings.baseJar() + ") on port " + base.port());
                    targets.add(new Target("base", base, prepare(base, LOAD_REGION, TAG_KEYS, LIST_TAG_KEYS,
                            problems, "base")));
                }
                loads = load(targets, LOAD_REGION, settings.connections(), POOL_PER_CONNECTION, settings.jitWarmup(),
                        settings.slices(), settings.sliceWarmup(), settings.measure(), settings.rounds(), problems);
            } finally {
                deleteDataFiles(baseData);
            }
            listKeys = listKeys(server.port(), settings.listKeysRepetitions(), problems);
            oursListKeysLoad = listKeysLoad(server, settings.connections(), settings.warmup(), settings.measure(),
                    settings.rounds(), problems, "ours");
            awaitQuiet(Duration.ofSeconds(1));
            stalled = StalledSockets.run(server.port(), LOAD_REGION, STALLED_SOCKETS, STALLED_CALLS);
            System.out.printf(Locale.ROOT, "   ours  signed ListKeys on a new connection while %d sockets stall:"
                            + " median %.1f ms, max %.1f ms, %d of %d answered 200%n", stalled.stalledSockets(),
                    stalled.medianMs(), stalled.maxMs(), stalled.answered200(), stalled.calls());
        } finally {
            deleteDataFiles(data);
        }
        List<LoadSummary> oursLoad = loads.get("ours");
        List<LoadSummary> ceilingLoad = loads.get("ceil");
        report.put("ours", Map.of("load", oursLoad, "listKeys", listKeys, "listKeysLoad", oursListKeysLoad,
                "stalledSockets", stalled));
        report.put("ceiling", Map.of("load", ceilingLoad));
        List<LoadSummary> baseLoad = loads.get("base");
        if (baseLoad != null) {
            report.put("base", Map.of("jar", settings.baseJar().toString(), "load", baseLoad,
                    "ratiosOursToBase", ceilingRatios(oursLoad, baseLoad),
                    "ratiosBaseToCeiling", ceilingRatios(baseLoad, ceilingLoad)));
        }

        // ---- ours: cold start
        List<ColdStart> coldStarts = coldStarts(java, settings, problems);
        report.put("oursColdStart", coldStarts);

        // ---- ours: kill -9 under write load
        DurabilityCheck.Result durability = durability(java, settings);
        report.put("killUnderWriteLoad", durability);

        // ---- moto_server, when on the PATH
        Map<String, Object> moto = new LinkedHashMap<>();
        List<LoadSummary> motoLoad = List.of();
        LoadSummary motoListKeysLoad = null;
        ColdStart motoStart = null;
        Optional<Path> motoPath = "off".equalsIgnoreCase(settings.moto()) ? Optional.empty()
                : ServerProcess.onPath("moto_server");
        if (motoPath.isEmpty()) {
            String why = "off".equalsIgnoreCase(settings.moto()) ? "switched off (-Dbench.moto=off)"
                    : "moto_server is not on the PATH";
            System.out.println("-- moto_server: skipped, " + why);
            moto.put("skipped", why);
        } else {
            moto.put("executable", motoPath.get().toString());
            try {
                try (ServerProcess server = ServerProcess.moto(motoPath.get().toString())) {
                    motoLoad = motoLoad(server, settings, problems);
                    motoListKeysLoad = listKeysLoad(server, settings.connections(), settings.motoWarmup(),
                            settings.motoMeasure(), 1, problems, "moto");
                }
                motoStart = motoColdStart(motoPath.get(), settings.motoColdStarts());
                moto.put("load", motoLoad);
                moto.put("listKeysLoad", motoListKeysLoad);
                moto.put("coldStart", motoStart);
            } catch (IOException | RuntimeException e) {
                System.out.println("-- moto_server failed, its figures are left out: " + e);
                moto.put("failed", e.toString());
            }
        }
        report.put("moto", moto);

        Map<String, Object> ratios = ratios(oursLoad, motoLoad, coldStarts.get(0), motoStart);
        if (motoListKeysLoad != null) {
            ratios.put("ListKeys1000", oursListKeysLoad.median().throughput()
                    / motoListKeysLoad.median().throughput());
        }
        report.put("ratiosOursToMoto", ratios);
        Map<String, Object> ceilingRatios = ceilingRatios(oursLoad, ceilingLoad);
        report.put("ratiosOursToCeiling", ceilingRatios);
        Map<String, Object> targets = targets(oursLoad, coldStarts.get(0), ceilingRatios, ratios, stalled,
                durability);
        report.put("targets", targets);
        report.put("loadAverageAtEnd", HostCpu.loadAverage());
        report.put("problems", problems);

        printTable(settings, oursLoad, ceilingLoad, listKeys, coldStarts, motoLoad, motoStart, targets);
        printSideBySide(oursLoad, ceilingLoad, motoLoad, oursListKeysLoad, motoListKeysLoad, stalled, durability,
                targets);
        if (baseLoad != null) {
            printAgainstBase(settings.baseJar(), oursLoad, baseLoad, ceilingLoad);
        }
        Path json = settings.outDir().resolve("backend.json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report);
        System.out.println("Every figure: " + json);
        if (!problems.isEmpty()) {
            System.out.println("PROBLEMS:");
            problems.forEach(p -> System.out.println("  " + p));
            System.exit(1);
        }
    }

    // ------------------------------------------------------------------ load

    /** The keys a load runs on, and a ListResourceTags answer as the server gave it (the ceiling's constant). */
    private record Keys(List<String> tagKeys, List<String> listedKeys, byte[] listAnswer) {
    }

    /** A server under load, on the keys whose IDs go into its request bodies. */
    private record Target(String who, ServerProcess server, Keys keys) {
    }

    private static Keys prepare(ServerProcess server, String region, int tagKeyCount, int listKeyCount,
                                List<String> problems, String who) throws IOException {
        try (KmsCalls calls = new KmsCalls(server.port(), region)) {
            List<String> tagKeys = calls.createKeys(tagKeyCount, 0);
            List<String> listedKeys = calls.createKeys(listKeyCount, TAGS_PER_LISTED_KEY);
            JsonNode listed = calls.call("ListResourceTags", "{\"KeyId\":\"" + listedKeys.get(0) + "\"}");
            int tags = listed.path("Tags").size();
            if (tags != TAGS_PER_LISTED_KEY) {
                problems.add(who + ": ListResourceTags returned " + tags + " tags, not " + TAGS_PER_LISTED_KEY);
            }
            return new Keys(tagKeys, listedKeys, new ObjectMapper().writeValueAsBytes(listed));
        }
    }

    /**
     * TagResource then ListResourceTags, round after round. Within a round each operation runs on the targets by
     * turns, in {@code slices} short windows each (see {@link LoadPhase#interleaved}), so that a machine whose speed
     * drifts from second to second slows them alike. Per target, in order. Before the first round each operation
     * runs {@code jitWarmup} on each target, unmeasured: without it the first round measured the JIT compiling ours
     * (over 250 us of CPU per TagResource, against under 110 once compiled).
     */
    private static Map<String, List<LoadSummary>> load(List<Target> targets, String region, int connections,
                                                       int poolSize, Duration jitWarmup, int slices,
                                                       Duration sliceWarmup, Duration measure, int rounds,
                                                       List<String> problems) throws Exception {
        if (!jitWarmup.isZero()) {
            System.out.println("-- JIT warm-up: " + jitWarmup.toSeconds() + " s of each operation on each server,"
                    + " not measured");
            for (Target target : targets) {
                for (LoadPhase.Target load : List.of(tagResourceLoad(target, region, connections, poolSize),
                        listResourceTagsLoad(target, region, connections, poolSize))) {
                    LoadPhase.run("JIT warm-up", load.port(), load.pools(), jitWarmup, Duration.ofSeconds(1),
                            load.serverCpu());
                }
            }
        }
        Duration slice = measure.dividedBy(slices);
        Map<String, List<LoadPhase.Result>> tagRounds = new LinkedHashMap<>();
        Map<String, List<LoadPhase.Result>> listRounds = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            List<LoadPhase.Target> tagLoads = new ArrayList<>();
            List<LoadPhase.Target> listLoads = new ArrayList<>();
            for (Target target : targets) {
                tagLoads.add(tagResourceLoad(target, region, connections, poolSize));
                listLoads.add(listResourceTagsLoad(target, region, connections, poolSize));
            }
            awaitQuiet(Duration.ofSeconds(1));
            List<LoadPhase.Result> tags = LoadPhase.interleaved("TagResource", tagLoads, slices, sliceWarmup, slice);
            awaitQuiet(Duration.ofSeconds(1));
            List<LoadPhase.Result> lists = LoadPhase.interleaved("ListResourceTags", listLoads, slices, sliceWarmup,
                    slice);
            for (int i = 0; i < targets.size(); i++) {
                String who = targets.get(i).who();
                report(who, round, tags.get(i), problems);
                tagRounds.computeIfAbsent(who, w -> new ArrayList<>()).add(tags.get(i));
            }
            for (int i = 0; i < targets.size(); i++) {
                String who = targets.get(i).who();
                report(who, round, lists.get(i), problems);
                listRounds.computeIfAbsent(who, w -> new ArrayList<>()).add(lists.get(i));
            }
        }
        Map<String, List<LoadSummary>> summaries = new LinkedHashMap<>();
        for (Target target : targets) {
            summaries.put(target.who(), List.of(summary("TagResource", tagRounds.get(target.who())),
                    summary("ListResourceTags", listRounds.get(target.who()))));
        }
        return summaries;
    }

    /** TagResource overwriting two tags on the target's keys, requests signed now. */
    private static LoadPhase.Target tagResourceLoad(Target target, String region, int connections, int poolSize) {
        List<String> tagKeys = target.keys().tagKeys();
        byte[][][] tagPools = pools(target.server().port(), region, "TagResource", connections, poolSize,
                (c, j) -> {
                    String key = tagKeys.get((c + j * connections) % tagKeys.size());
                    return "{\"KeyId\":\"" + key + "\",\"Tags\":[{\"TagKey\":\"Owner\",\"TagValue\":\"team-"
                            + (j % 17) + "\"},{\"TagKey\":\"bench:writer\",\"TagValue\":\"c" + c + "-" + j
                            + "\"}]}";
                });
        return new LoadPhase.Target(target.server().port(), tagPools, target.server()::cpuNanos);
    }

    /** ListResourceTags of the target's keys with 10 tags, requests signed now. */
    private static LoadPhase.Target listResourceTagsLoad(Target target, String region, int connections,
                                                         int poolSize) {
        List<String> listedKeys = target.keys().listedKeys();
        byte[][][] listPools = pools(target.server().port(), region, "ListResourceTags", connections, poolSize,
                (c, j) -> "{\"KeyId\":\"" + listedKeys.get((c + j * connections) % listedKeys.size()) + "\"}");
        return new LoadPhase.Target(target.server().port(), listPools, target.server()::cpuNanos);
    }

    /**
     * ListKeys with {@code Limit=1000} over 1,000 keys in {@link #LIST_REGION} (created here unless there already),
     * under the same closed-loop load as the other operations.
     */
    private static LoadSummary listKeysLoad(ServerProcess server, int connections, Duration warmup, Duration measure,
                                            int rounds, List<String> problems, String who) throws Exception {
        try (KmsCalls calls = new KmsCalls(server.port(), LIST_REGION)) {
            int existing = calls.call("ListKeys", "{\"Limit\":1000}").path("Keys").size();
            calls.createKeys(LIST_KEYS_COUNT - existing, 0);
        }
        List<LoadPhase.Result> results = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            awaitQuiet(Duration.ofSeconds(1));
            // Every request is the same call; a few distinct signatures per connection are enough.
            byte[][][] pools = pools(server.port(), LIST_REGION, "ListKeys", connections, 16,
                    (c, j) -> "{\"Limit\":1000}");
            LoadPhase.Result result = LoadPhase.run("ListKeys(1000)", server.port(), pools, warmup, measure,
                    server::cpuNanos);
            report(who, round, result, problems);
            results.add(result);
        }
        return summary("ListKeys(1000)", results);
    }

    private static DurabilityCheck.Result durability(Path java, Settings settings) throws Exception {
        Path data = settings.outDir().resolve("kill-9-" + System.nanoTime() + ".db");
        try {
            awaitQuiet(Duration.ofSeconds(1));
            DurabilityCheck.Result result = DurabilityCheck.run(java, settings.serverJvmOptions(), settings.jar(),
                    data, settings.connections(), DURABILITY_LOAD);
            System.out.printf(Locale.ROOT, "   ours  kill -9 after %.0f s of TagResource by %d writers: %,d writes"
                            + " acknowledged, %d in flight; %d of %d keys miss an acknowledged write%n",
                    result.secondsUnderLoad(), result.writers(), result.acknowledged(), result.inFlightAtKill(),
                    result.keysMissingAnAcknowledgedWrite(), result.keysChecked());
            return result;
        } finally {
            deleteDataFiles(data);
        }
    }

    private interface BodyMaker {
        String body(int connection, int index);
    }

    /** Per connection, {@code size} distinct requests signed now (a phase must end within 5 minutes). */
    private static byte[][][] pools(int port, String region, String operation, int connections, int size,
                                    BodyMaker bodies) {
        byte[][][] pools = new byte[connections][size][];
        SigV4Signer signer = new SigV4Signer(port, region);
        Instant now = Instant.now();
        for (int c = 0; c < connections; c++) {
            for (int j = 0; j < size; j++) {
                pools[c][j] = signer.request(operation, bodies.body(c, j), now);
            }
        }
        return pools;
    }

    /** The round with the median throughput, as it was measured. */
    private static LoadSummary summary(String operation, List<LoadPhase.Result> rounds) {
        List<LoadPhase.Result> sorted = new ArrayList<>(rounds);
        sorted.sort(Comparator.comparingDouble(LoadPhase.Result::throughput));
        return new LoadSummary(operation, sorted.get((sorted.size() - 1) / 2), rounds);
    }

    private static void report(String who, int round, LoadPhase.Result r, List<String> problems) {
        System.out.printf(Locale.ROOT, "   %-5s round %d %-17s %,9.0f req/s  p50 %7.2f ms  p99 %7.2f ms  max %7.1f ms"
                        + "  CPU/req server %4.0f us, client %3.0f us; others %2.0f%% of CPU%s%n",
                who, round, r.operation(), r.throughput(), r.p50Ms(), r.p99Ms(), r.maxMs(),
                r.serverCpuMicrosPerRequest(), r.clientCpuMicrosPerRequest(), r.otherProcessesCpuPercent(),
                r.non200() == 0 ? "" : "  NON-200: " + r.non200() + " (" + r.firstError() + ")");
        if (r.otherProcessesCpuPercent() > NOISY_PERCENT) {
            System.out.printf(Locale.ROOT, "   WARNING: other processes took %.0f%% of the CPU in this window;"
                    + " its figures are low. Rerun on a quiet machine.%n", r.otherProcessesCpuPercent());
        }
        if (r.non200() > 0) {
            problems.add(who + " " + r.operation() + " round " + round + ": " + r.non200()
                    + " answers were not HTTP 200; first: " + r.firstError());
        }
    }

    // ------------------------------------------------------------------ ListKeys

    private static ListKeysResult listKeys(int port, int repetitions, List<String> problems) throws IOException {
        try (KmsCalls calls = new KmsCalls(port, LIST_REGION);
             RawHttpConnection connection = new RawHttpConnection(port)) {
            calls.createKeys(LIST_KEYS_COUNT, 0);
            SigV4Signer signer = new SigV4Signer(port, LIST_REGION);
            int warmups = Math.max(5, repetitions / 4);
            double[] single = new double[repetitions];
            double[] paged = new double[repetitions];
            int bytes = 0;
            int pages = 0;
            for (int i = -warmups; i < repetitions; i++) {
                byte[] request = signer.request("ListKeys", "{\"Limit\":1000}");
                long start = System.nanoTime();
                int status = connection.exchange(request);
                long end = System.nanoTime();
                String body = connection.body();
                int keys = count(body, "\"KeyId\"");
                if (status != 200 || keys != LIST_KEYS_COUNT || !body.contains("\"Truncated\":false")) {
                    problems.add("ListKeys Limit=1000: HTTP " + status + ", " + keys + " keys");
                }
                bytes = body.length();

                long pagedStart = System.nanoTime();
                int listed = 0;
                int pageCount = 0;
                String marker = null;
                do {
                    String requestBody = marker == null ? "{}" : "{\"Marker\":\"" + marker + "\"}";
                    int pageStatus = connection.exchange(signer.request("ListKeys", requestBody));
                    String page = connection.body();
                    if (pageStatus != 200) {
                        problems.add("ListKeys page " + (pageCount + 1) + ": HTTP " + pageStatus + " " + page);
                        break;
                    }
                    pageCount++;
                    listed += count(page, "\"KeyId\"");
                    marker = nextMarker(page);
                } while (marker != null && pageCount < 2 * LIST_KEYS_COUNT / 100);
                long pagedEnd = System.nanoTime();
                if (listed != LIST_KEYS_COUNT) {
                    problems.add("ListKeys paged: " + listed + " keys in " + pageCount + " pages");
                }
                pages = pageCount;
                if (i >= 0) {
                    single[i] = (end - start) / 1e6;
                    paged[i] = (pagedEnd - pagedStart) / 1e6;
                }
            }
            ListKeysResult result = new ListKeysResult(LIST_REGION, LIST_KEYS_COUNT, repetitions, median(single),
                    min(single), bytes, median(paged), min(paged), pages);
            System.out.printf(Locale.ROOT, "   ours  ListKeys over %d keys: Limit=1000 median %.2f ms (%d bytes);"
                            + " %d pages of 100 median %.2f ms%n", LIST_KEYS_COUNT, result.singleCallMedianMs(),
                    bytes, pages, result.pagedMedianMs());
            return result;
        }
    }

    private static String nextMarker(String body) {
        String member = "\"NextMarker\":\"";
        int at = body.indexOf(member);
        if (at < 0) {
            return null;
        }
        int start = at + member.length();
        return body.substring(start, body.indexOf('"', start));
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + what.length())) {
            n++;
        }
        return n;
    }

    // ------------------------------------------------------------------ cold start

    private static List<ColdStart> coldStarts(Path java, Settings settings, List<String> problems)
            throws Exception {
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant("default", List.of()));
        if (settings.coldStartVariants()) {
            variants.add(new Variant("-XX:TieredStopAtLevel=1", List.of("-XX:TieredStopAtLevel=1")));
            variants.add(new Variant("-XX:+UseSerialGC", List.of("-XX:+UseSerialGC")));
            variants.add(new Variant("-Xshare:off (no CDS at all)", List.of("-Xshare:off")));
            Optional<Path> archive = trainAppCds(java, settings);
            if (archive.isPresent()) {
                String use = "-XX:SharedArchiveFile=" + archive.get();
                variants.add(new Variant("AppCDS", List.of(use)));
                variants.add(new Variant("AppCDS + TieredStopAtLevel=1 + SerialGC",
                        List.of(use, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")));
            } else {
                problems.add("the AppCDS archive could not be made; its variants are left out");
            }
        }
        System.out.println("-- cold start: " + settings.coldStarts() + " runs of each of " + variants.size()
                + " JVM option sets, taken in turn");
        // One untimed start first, so the OS has the jar and the libraries in its cache for every variant alike.
        coldStartOnce(java, List.of(), settings.jar(), settings.outDir());
        double[][] first = new double[variants.size()][settings.coldStarts()];
        double[][] listening = new double[variants.size()][settings.coldStarts()];
        double[][] cpu = new double[variants.size()][settings.coldStarts()];
        double[][] others = new double[variants.size()][settings.coldStarts()];
        for (int run = 0; run < settings.coldStarts(); run++) {
            for (int v = 0; v < variants.size(); v++) {
                double[] times = coldStartOnce(java, variants.get(v).jvmOptions(), settings.jar(), settings.outDir());
                listening[v][run] = times[0];
                first[v][run] = times[1];
                cpu[v][run] = times[2];
                others[v][run] = times[3];
            }
        }
        List<ColdStart> results = new ArrayList<>();
        for (int v = 0; v < variants.size(); v++) {
            ColdStart c = new ColdStart(variants.get(v).name(), variants.get(v).jvmOptions(), settings.coldStarts(),
                    median(first[v]), median(listening[v]), min(first[v]), max(first[v]), median(cpu[v]),
                    median(others[v]), Arrays.stream(first[v]).boxed().toList());
            System.out.printf(Locale.ROOT, "   ours  cold start %-40s first 200 median %.3f s (listening %.3f s,"
                    + " range %.3f-%.3f s, server CPU %.2f s, others %.0f%% of CPU)%n", c.variant(),
                    c.medianFirst200Seconds(), c.medianListeningSeconds(), c.minFirst200Seconds(),
                    c.maxFirst200Seconds(), c.medianServerCpuSeconds(), c.medianOtherProcessesCpuPercent());
            if (c.medianOtherProcessesCpuPercent() > NOISY_PERCENT) {
                System.out.printf(Locale.ROOT, "   WARNING: other processes took %.0f%% of the CPU during these starts;"
                        + " their times are high. Rerun on a quiet machine.%n", c.medianOtherProcessesCpuPercent());
            }
            results.add(c);
        }
        return results;
    }

    /**
     * Seconds from just before {@code ProcessBuilder.start()} to the listening line and to the first 200; the
     * server's CPU seconds until then; and the share of the CPU other processes took meanwhile (percent).
     */
    private static double[] coldStartOnce(Path java, List<String> jvmOptions, Path jar, Path outDir)
            throws Exception {
        Path data = outDir.resolve("cold-start-" + System.nanoTime() + ".db");
        awaitQuiet(Duration.ofMillis(300));
        long hostBusyStart = HostCpu.busyNanos();
        long selfCpuStart = LoadPhase.processCpuNanos();
        try (ServerProcess server = ServerProcess.serve(java, jvmOptions, jar, data)) {
            long first200 = server.awaitFirst200(LOAD_REGION, 1);
            long serverCpu = server.cpuNanos();
            long hostBusy = HostCpu.busyNanos() - hostBusyStart;
            long selfCpu = LoadPhase.processCpuNanos() - selfCpuStart;
            double wall = System.nanoTime() - server.startNanos();
            double others = hostBusyStart < 0 || serverCpu < 0 ? -1 : Math.max(0,
                    100.0 * (hostBusy - serverCpu - selfCpu) / (wall * Runtime.getRuntime().availableProcessors()));
            return new double[] {(server.listeningNanos() - server.startNanos()) / 1e9,
                    (first200 - server.startNanos()) / 1e9, serverCpu / 1e9, others};
        } finally {
            deleteDataFiles(data);
        }
    }

    /**
     * A dynamic AppCDS archive of the classes {@code serve} loads while starting and answering the benchmark's
     * operations, written when the training process exits.
     */
    private static Optional<Path> trainAppCds(Path java, Settings settings) throws Exception {
        Path archive = settings.outDir().resolve("serve-appcds.jsa");
        Files.deleteIfExists(archive);
        Path data = settings.outDir().resolve("appcds-training.db");
        try (ServerProcess server = ServerProcess.serve(java, List.of("-XX:ArchiveClassesAtExit=" + archive),
                settings.jar(), data)) {
            server.awaitFirst200(LOAD_REGION, 5);
            try (KmsCalls calls = new KmsCalls(server.port(), LOAD_REGION)) {
                String key = calls.createKeys(1, 2).get(0);
                calls.call("TagResource", "{\"KeyId\":\"" + key + "\",\"Tags\":[{\"TagKey\":\"a\",\"TagValue\":\"b\"}]}");
                calls.call("ListResourceTags", "{\"KeyId\":\"" + key + "\"}");
                calls.call("ListKeys", "{\"Limit\":10}");
            }
        } finally {
            deleteDataFiles(data);
        }
        return Files.isRegularFile(archive) ? Optional.of(archive) : Optional.empty();
    }

    // ------------------------------------------------------------------ moto

    private static List<LoadSummary> motoLoad(ServerProcess server, Settings settings, List<String> problems)
            throws Exception {
        server.awaitFirst200(LOAD_REGION, 20);
        System.out.println("-- moto_server on port " + server.port() + ": " + settings.motoWarmup().toSeconds()
                + " s warm-up, " + settings.motoMeasure().toSeconds() + " s measured, one round");
        Keys keys = prepare(server, LOAD_REGION, MOTO_KEYS, MOTO_KEYS, problems, "moto");
        // Python compiles nothing as it runs: no JIT warm-up.
        return load(List.of(new Target("moto", server, keys)), LOAD_REGION, settings.connections(),
                MOTO_POOL_PER_CONNECTION, Duration.ZERO, 1, settings.motoWarmup(), settings.motoMeasure(), 1,
                problems)
                .get("moto");
    }

    private static ColdStart motoColdStart(Path moto, int runs) throws Exception {
        double[] first = new double[runs];
        for (int i = 0; i < runs; i++) {
            awaitQuiet(Duration.ofMillis(300));
            try (ServerProcess server = ServerProcess.moto(moto.toString())) {
                first[i] = (server.awaitFirst200(LOAD_REGION, 2) - server.startNanos()) / 1e9;
            }
        }
        ColdStart c = new ColdStart("moto_server", List.of(), runs, median(first), -1, min(first), max(first),
                -1, -1, Arrays.stream(first).boxed().toList());
        System.out.printf(Locale.ROOT, "   moto  cold start first 200 median %.3f s (range %.3f-%.3f s)%n",
                c.medianFirst200Seconds(), c.minFirst200Seconds(), c.maxFirst200Seconds());
        return c;
    }

    // ------------------------------------------------------------------ report

    private static Map<String, Object> ratios(List<LoadSummary> ours, List<LoadSummary> moto, ColdStart oursStart,
                                              ColdStart motoStart) {
        Map<String, Object> ratios = new LinkedHashMap<>();
        for (LoadSummary o : ours) {
            moto.stream().filter(m -> m.operation().equals(o.operation())).findFirst().ifPresent(m -> {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("throughput", o.median().throughput() / m.median().throughput());
                r.put("p50", o.median().p50Ms() / m.median().p50Ms());
                r.put("p99", o.median().p99Ms() / m.median().p99Ms());
                ratios.put(o.operation(), r);
            });
        }
        if (motoStart != null) {
            ratios.put("coldStart", oursStart.medianFirst200Seconds() / motoStart.medianFirst200Seconds());
        }
        return ratios;
    }

    /**
     * Ours over the ceiling per operation: the median of the rounds' ratios, each of ours and the ceiling measured by
     * turns in the same round.
     */
    private static Map<String, Object> ceilingRatios(List<LoadSummary> ours, List<LoadSummary> ceiling) {
        Map<String, Object> ratios = new LinkedHashMap<>();
        for (int i = 0; i < ours.size(); i++) {
            ratios.put(ours.get(i).operation(), medianRoundRatio(ours.get(i), ceiling.get(i)));
        }
        return ratios;
    }

    /** The median over rounds of {@code a}'s throughput over {@code b}'s in the same round. */
    private static double medianRoundRatio(LoadSummary a, LoadSummary b) {
        List<Double> byRound = new ArrayList<>();
        for (int round = 0; round < a.rounds().size(); round++) {
            byRound.add(a.rounds().get(round).throughput() / b.rounds().get(round).throughput());
        }
        Collections.sort(byRound);
        return byRound.get((byRound.size() - 1) / 2);
    }

    private static Map<String, Object> targets(List<LoadSummary> ours, ColdStart defaultStart,
                                               Map<String, Object> ofCeiling, Map<String, Object> ofMoto,
                                               StalledSockets.Result stalled, DurabilityCheck.Result durability) {
        LoadPhase.Result tag = ours.get(0).median();
        Map<String, Object> targets = new LinkedHashMap<>();
        targets.put("tagResourceAtLeastHalfTheCeiling",
                (double) ofCeiling.get("TagResource") >= TARGET_TAG_RESOURCE_OF_CEILING);
        targets.put("listResourceTagsAtLeast70PercentOfTheCeiling",
                (double) ofCeiling.get("ListResourceTags") >= TARGET_LIST_RESOURCE_TAGS_OF_CEILING);
        targets.put("listKeys1000AtLeast10TimesMoto", ofMoto.containsKey("ListKeys1000")
                ? (Object) ((double) ofMoto.get("ListKeys1000") >= TARGET_LIST_KEYS_TIMES_MOTO) : "no moto_server");
        targets.put("listKeysUnder100msWhile1000SocketsStall", stalled.answered200() == stalled.calls()
                && stalled.maxMs() < TARGET_STALLED_MS);
        targets.put("nothingAcknowledgedLostToKill9", durability.keysMissingAnAcknowledgedWrite() == 0
                && durability.acknowledged() > 0);
        targets.put("tagResourcePerSecondAtLeast5000", tag.throughput() >= TARGET_TAG_RESOURCE_PER_SECOND);
        targets.put("tagResourceP99Under10ms", tag.p99Ms() < TARGET_P99_MS);
        targets.put("listResourceTagsP99Under10ms", ours.get(1).median().p99Ms() < TARGET_P99_MS);
        targets.put("coldStartUnder0.8s", defaultStart.medianFirst200Seconds() < TARGET_COLD_START_S);
        boolean noisy = defaultStart.medianOtherProcessesCpuPercent() > NOISY_PERCENT
                || tag.otherProcessesCpuPercent() > NOISY_PERCENT;
        targets.put("measuredOnABusyMachine", noisy);
        return targets;
    }

    /** Ours against another build that took turns with it and the ceiling in the same rounds. */
    private static void printAgainstBase(Path baseJar, List<LoadSummary> ours, List<LoadSummary> base,
                                         List<LoadSummary> ceiling) {
        System.out.println();
        System.out.println("Against the build in " + baseJar + ", in the same rounds (medians of the rounds' ratios):");
        for (int i = 0; i < ours.size(); i++) {
            System.out.printf(Locale.ROOT, "%-18s | ours/base %5.1f%% | base/ceiling %5.1f%% | CPU/req server: ours"
                            + " %4.0f us, base %4.0f us%n", ours.get(i).operation(),
                    100 * medianRoundRatio(ours.get(i), base.get(i)), 100 * medianRoundRatio(base.get(i),
                            ceiling.get(i)), ours.get(i).median().serverCpuMicrosPerRequest(),
                    base.get(i).median().serverCpuMicrosPerRequest());
        }
    }

    private static void printSideBySide(List<LoadSummary> ours, List<LoadSummary> ceiling, List<LoadSummary> moto,
                                        LoadSummary oursListKeys, LoadSummary motoListKeys,
                                        StalledSockets.Result stalled, DurabilityCheck.Result durability,
                                        Map<String, Object> targets) {
        String line = "-".repeat(104);
        System.out.printf(Locale.ROOT, "%-18s | %10s %10s %10s | %13s %9s%n", "Operation", "ours/s", "ceiling/s",
                "moto/s", "ours/ceiling", "ours/moto");
        System.out.println(line);
        for (int i = 0; i < ours.size(); i++) {
            double o = ours.get(i).median().throughput();
            double c = ceiling.get(i).median().throughput();
            String operation = ours.get(i).operation();
            Optional<Double> m = moto.stream().filter(x -> x.operation().equals(operation))
                    .map(x -> x.median().throughput()).findFirst();
            System.out.printf(Locale.ROOT, "%-18s | %,10.0f %,10.0f %10s | %12.0f%% %9s%n", operation, o, c,
                    m.map(x -> String.format(Locale.ROOT, "%,.0f", x)).orElse("-"),
                    100 * medianRoundRatio(ours.get(i), ceiling.get(i)),
                    m.map(x -> String.format(Locale.ROOT, "%.0fx", o / x)).orElse("-"));
        }
        double listKeys = oursListKeys.median().throughput();
        System.out.printf(Locale.ROOT, "%-18s | %,10.0f %10s %10s | %13s %9s%n", "ListKeys(1000)", listKeys, "-",
                motoListKeys == null ? "-" : String.format(Locale.ROOT, "%,.0f", motoListKeys.median().throughput()),
                "-", motoListKeys == null ? "-"
                        : String.format(Locale.ROOT, "%.1fx", listKeys / motoListKeys.median().throughput()));
        System.out.println(line);
        System.out.printf(Locale.ROOT, "While %d sockets stall: signed ListKeys median %.1f ms, max %.1f ms%n",
                stalled.stalledSockets(), stalled.medianMs(), stalled.maxMs());
        System.out.printf(Locale.ROOT, "kill -9 under write load: %,d acknowledged writes, %d keys miss one%n",
                durability.acknowledged(), durability.keysMissingAnAcknowledgedWrite());
        System.out.println(line);
        System.out.printf(Locale.ROOT, "Targets: TagResource >= 50%% of ceiling %s, ListResourceTags >= 70%% of"
                        + " ceiling %s, ListKeys(1000) >= 10x moto %s,%n         ListKeys < 100 ms while sockets"
                        + " stall %s, nothing acknowledged lost to kill -9 %s%n",
                verdict(targets.get("tagResourceAtLeastHalfTheCeiling")),
                verdict(targets.get("listResourceTagsAtLeast70PercentOfTheCeiling")),
                targets.get("listKeys1000AtLeast10TimesMoto") instanceof Boolean b ? verdict(b)
                        : targets.get("listKeys1000AtLeast10TimesMoto"),
                verdict(targets.get("listKeysUnder100msWhile1000SocketsStall")),
                verdict(targets.get("nothingAcknowledgedLostToKill9")));
        System.out.println();
    }

    private static void printTable(Settings s, List<LoadSummary> ours, List<LoadSummary> ceiling,
                                   ListKeysResult listKeys,
                                   List<ColdStart> coldStarts, List<LoadSummary> moto, ColdStart motoStart,
                                   Map<String, Object> targets) {
        System.out.println();
        System.out.printf(Locale.ROOT, "KMS backend benchmark: %d cores, Java %s; %d keep-alive connections;"
                        + " median of %d rounds, %d s measured each (TagResource and ListResourceTags in %d turns"
                        + " with the ceiling)%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), s.connections(),
                s.rounds(), s.measure().toSeconds(), s.slices());
        String line = "-".repeat(104);
        System.out.println(line);
        System.out.printf(Locale.ROOT, "%-18s | %10s %8s %8s | %10s %8s %8s | %12s %8s%n", "Operation",
                "ours/s", "p50 ms", "p99 ms", "moto/s", "p50 ms", "p99 ms", "ours/moto", "p99 <10");
        System.out.println(line);
        for (LoadSummary o : ours) {
            LoadPhase.Result r = o.median();
            Optional<LoadPhase.Result> m = moto.stream().filter(x -> x.operation().equals(o.operation()))
                    .map(LoadSummary::median).findFirst();
            System.out.printf(Locale.ROOT, "%-18s | %,10.0f %8.2f %8.2f | %10s %8s %8s | %12s %8s%n",
                    o.operation(), r.throughput(), r.p50Ms(), r.p99Ms(),
                    m.map(x -> String.format(Locale.ROOT, "%,.0f", x.throughput())).orElse("-"),
                    m.map(x -> String.format(Locale.ROOT, "%.1f", x.p50Ms())).orElse("-"),
                    m.map(x -> String.format(Locale.ROOT, "%.1f", x.p99Ms())).orElse("-"),
                    m.map(x -> String.format(Locale.ROOT, "%.0fx", r.throughput() / x.throughput())).orElse("-"),
                    r.p99Ms() < TARGET_P99_MS ? "yes" : "NO");
        }
        System.out.println(line);
        System.out.printf(Locale.ROOT, "ListKeys, %d keys   | Limit=1000, one call: median %.2f ms;"
                        + "  10 pages of 100: median %.2f ms (%d repetitions)%n",
                listKeys.keys(), listKeys.singleCallMedianMs(), listKeys.pagedMedianMs(), listKeys.repetitions());
        System.out.println(line);
        ColdStart base = coldStarts.get(0);
        for (ColdStart c : coldStarts) {
            System.out.printf(Locale.ROOT, "Cold start %-40s %7.3f s to first 200 (%.3f s to listening)%s%n",
                    c.variant(), c.medianFirst200Seconds(), c.medianListeningSeconds(),
                    c == base ? "" : String.format(Locale.ROOT, "  %+.0f ms vs default",
                            (c.medianFirst200Seconds() - base.medianFirst200Seconds()) * 1000));
        }
        if (motoStart != null) {
            System.out.printf(Locale.ROOT, "Cold start %-40s %7.3f s to first 200;  ours/moto time %.2f%n",
                    "moto_server", motoStart.medianFirst200Seconds(),
                    base.medianFirst200Seconds() / motoStart.medianFirst200Seconds());
        }
        System.out.println(line);
        System.out.printf(Locale.ROOT, "Targets: TagResource >= 5,000/s %s, TagResource p99 < 10 ms %s,"
                        + " cold start < 0.8 s %s%n",
                verdict(targets.get("tagResourcePerSecondAtLeast5000")), verdict(targets.get("tagResourceP99Under10ms")),
                verdict(targets.get("coldStartUnder0.8s")));
        if (Boolean.TRUE.equals(targets.get("measuredOnABusyMachine"))) {
            System.out.println("(Other processes were busy while these figures were taken: see the warnings above.)");
        }
        System.out.println();
    }

    /** Waits, at most {@link #QUIET_WAIT_LIMIT}, for a quiet machine; says so when it does not come. */
    private static void awaitQuiet(Duration window) throws InterruptedException {
        Duration limit = Duration.ofNanos(Math.max(0, Math.min(quietBudgetNanos, QUIET_WAIT_LIMIT.toNanos())));
        long start = System.nanoTime();
        double busy = HostCpu.awaitQuiet(QUIET_BUSY_PERCENT, window, limit);
        quietBudgetNanos -= System.nanoTime() - start;
        if (busy >= QUIET_BUSY_PERCENT) {
            System.out.printf(Locale.ROOT, "   (other processes kept the machine %.0f%% busy; measuring anyway)%n",
                    busy);
        }
    }

    private static String verdict(Object met) {
        return Boolean.TRUE.equals(met) ? "MET" : "MISSED";
    }

    private static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("cpu", cpuModel());
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            machine.put("memoryBytes", os.getTotalMemorySize());
        }
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        machine.put("javaVersion", System.getProperty("java.version"));
        machine.put("javaVm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        return machine;
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst().orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static Map<String, Object> settings(Settings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jar", s.jar().toString());
        m.put("connections", s.connections());
        m.put("jitWarmupSeconds", s.jitWarmup().toSeconds());
        m.put("warmupSeconds", s.warmup().toSeconds());
        m.put("measureSeconds", s.measure().toSeconds());
        m.put("slices", s.slices());
        m.put("sliceWarmupMillis", s.sliceWarmup().toMillis());
        m.put("rounds", s.rounds());
        m.put("listKeysRepetitions", s.listKeysRepetitions());
        m.put("coldStarts", s.coldStarts());
        m.put("moto", s.moto());
        m.put("motoWarmupSeconds", s.motoWarmup().toSeconds());
        m.put("motoMeasureSeconds", s.motoMeasure().toSeconds());
        m.put("motoColdStarts", s.motoColdStarts());
        m.put("serverJvmOptions", s.serverJvmOptions());
        m.put("baseJar", s.baseJar() == null ? "" : s.baseJar().toString());
        m.put("quietWaitSeconds", Long.getLong("bench.quietWaitSeconds", 180));
        m.put("requestPoolPerConnection", POOL_PER_CONNECTION);
        m.put("tagResourceKeys", TAG_KEYS);
        m.put("listResourceTagsKeys", LIST_TAG_KEYS);
        m.put("tagsPerListedKey", TAGS_PER_LISTED_KEY);
        return m;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(0);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(0);
    }

    private static void deleteDataFiles(Path data) {
        for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
            try {
                Files.deleteIfExists(Path.of(data + suffix));
            } catch (IOException ignored) {
                // a temp file left behind is harmless
            }
        }
    }
}
