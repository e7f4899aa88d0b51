package dev.kmstags.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * From launch to keys on screen: starts the desktop app again and again with its self-check
 * ({@code KMS_TAG_MANAGER_SELF_CHECK=1}: the window opens on the bundled backend with the demo keys, prints what it
 * shows and quits) and times each start from just before the process starts, with the phases the app reports (see
 * {@code app.StartupPhases}). Runs {@code java <app JVM option> -jar target/kms-tag-manager.jar} and, when
 * {@code mvn -Pdist package} has built it, the packaged launcher. Each variant starts once unmeasured, so the data
 * file exists and the files are in the OS's cache, as for every start but a user's very first. Needs a display: the
 * one in {@code DISPLAY}, else a private Xvfb. Writes {@code <out>/startup.json}.
 */
public final class StartupBench {

    private static final Pattern PHASES = Pattern.compile("Self-check: startup phases \\(epoch ms\\): (.*)");
    private static final Pattern PHASE = Pattern.compile("(\\w+)=(\\d+)");
    private static final String SHOWN = "Self-check: the main window shows";
    private static final List<String> PHASE_ORDER = List.of("launch", "toolkit", "window", "backend", "client",
            "firstKeys", "loaded");
    private static final double TARGET_WINDOW_MS = 800;
    private static final double TARGET_KEYS_MS = 1_500;
    private static final double QUIET_BUSY_PERCENT = 10;
    private static final Duration START_LIMIT = Duration.ofSeconds(60);

    record Settings(Path jar, Path outDir, int starts, List<String> jvmOptions, Path packagedLauncher,
                    Duration quietWait) {

        static Settings fromSystemProperties() {
            return new Settings(
                    Path.of(System.getProperty("bench.jar", "target/kms-tag-manager.jar")).toAbsolutePath(),
                    Path.of(System.getProperty("bench.out", "target/bench")).toAbsolutePath(),
                    Integer.getInteger("bench.startup.starts", 7),
                    Arrays.stream(System.getProperty("bench.startup.jvmOptions", "-XX:TieredStopAtLevel=1").split(" "))
                            .filter(option -> !option.isBlank()).toList(),
                    Path.of(System.getProperty("bench.startup.launcher",
                            "target/dist/kms-tag-manager/bin/kms-tag-manager")).toAbsolutePath(),
                    Duration.ofSeconds(Integer.getInteger("bench.startup.quietWaitSeconds", 30)));
        }
    }

    /**
     * One start: milliseconds from just before the process started to each phase and to the self-check's line
     * ({@code keysShown}), the app's CPU time until then, and the share of the CPU other processes took meanwhile.
     */
    record Start(Map<String, Long> phasesMs, long keysShownMs, long cpuMs, double otherProcessesCpuPercent) {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromSystemProperties();
        Files.createDirectories(settings.outDir());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        System.out.printf(Locale.ROOT, "== Start-up benchmark: %d starts per variant, %d cores, Java %s%n",
                settings.starts(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("timestamp", Instant.now().toString());
        report.put("cores", Runtime.getRuntime().availableProcessors());
        report.put("javaVersion", System.getProperty("java.version"));
        report.put("loadAverageBefore", HostCpu.loadAverage());
        Map<String, Object> variants = new LinkedHashMap<>();
        try (Display display = Display.find()) {
            List<String> jar = new ArrayList<>();
            jar.add(java.toString());
            jar.addAll(settings.jvmOptions());
            jar.addAll(List.of("-jar", settings.jar().toString()));
            variants.put("java -jar", measure("java " + String.join(" ", settings.jvmOptions()) + " -jar", jar,
                    settings, display));
            if (Files.isExecutable(settings.packagedLauncher())) {
                variants.put("packaged", measure("packaged launcher", List.of(settings.packagedLauncher().toString()),
                        settings, display));
            } else {
                System.out.println("-- no packaged launcher at " + settings.packagedLauncher()
                        + " (mvn -Pdist package builds it): measured java -jar only");
            }
        }
        report.put("loadAverageAfter", HostCpu.loadAverage());
        report.put("targets", Map.of("windowMs", TARGET_WINDOW_MS, "keysShownMs", TARGET_KEYS_MS));
        report.put("variants", variants);
        Path json = settings.outDir().resolve("startup.json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report);
        System.out.println("Every figure: " + json);
        System.exit(0);
    }

    private static Map<String, Object> measure(String name, List<String> command, Settings settings, Display display)
            throws Exception {
        Path home = Files.createTempDirectory("kms-startup-bench-");
        try {
            System.out.println("-- " + name + ": one start to create the data file, then " + settings.starts());
            start(command, home, display, settings.quietWait());
            List<Start> starts = new ArrayList<>();
            for (int i = 0; i < settings.starts(); i++) {
                Start start = start(command, home, display, settings.quietWait());
                starts.add(start);
                System.out.printf(Locale.ROOT, "   start %d: %s; keys shown %5d ms, CPU %5d ms, others %.0f%% of CPU%n",
                        i + 1, phasesText(start.phasesMs()), start.keysShownMs(), start.cpuMs(),
                        start.otherProcessesCpuPercent());
            }
            Map<String, Object> medians = new LinkedHashMap<>();
            for (String phase : PHASE_ORDER) {
                medians.put(phase + "Ms", median(starts.stream()
                        .mapToDouble(s -> s.phasesMs().getOrDefault(phase, -1L)).toArray()));
            }
            medians.put("keysShownMs", median(starts.stream().mapToDouble(Start::keysShownMs).toArray()));
            medians.put("cpuMs", median(starts.stream().mapToDouble(Start::cpuMs).toArray()));
            medians.put("otherProcessesCpuPercent",
                    median(starts.stream().mapToDouble(Start::otherProcessesCpuPercent).toArray()));
            double window = (double) medians.get("windowMs");
            double keys = (double) medians.get("keysShownMs");
            System.out.printf(Locale.ROOT, "   median of %d: %s; keys shown %.0f ms (target %.0f), window %.0f ms"
                            + " (target %.0f)%n", starts.size(), medians, keys, TARGET_KEYS_MS, window,
                    TARGET_WINDOW_MS);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("command", command);
            result.put("medians", medians);
            result.put("windowUnder800ms", window >= 0 && window < TARGET_WINDOW_MS);
            result.put("keysShownUnder1500ms", keys >= 0 && keys < TARGET_KEYS_MS);
            result.put("starts", starts);
            return result;
        } finally {
            deleteTree(home);
        }
    }

    /** Starts the app once with its self-check and times it; fails unless it showed its keys and ended with 0. */
    private static Start start(List<String> command, Path home, Display display, Duration quietWait)
            throws Exception {
        HostCpu.awaitQuiet(QUIET_BUSY_PERCENT, Duration.ofSeconds(1), quietWait);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.put("HOME", home.toString());
        environment.put("XDG_DATA_HOME", home.resolve(".local/share").toString());
        environment.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        environment.put("XDG_CACHE_HOME", home.resolve(".cache").toString());
        environment.put("KMS_TAG_MANAGER_SELF_CHECK", "1");
        environment.put("DISPLAY", display.name());
        long hostBusyStart = HostCpu.busyNanos();
        long wallStart = System.nanoTime();
        long epochStart = System.currentTimeMillis();
        Process process = builder.start();
        List<String> output = new ArrayList<>();
        Map<String, Long> phases = new LinkedHashMap<>();
        long keysShownMs = -1;
        long cpuNanos = -1;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                output.add(line);
                Matcher matcher = PHASES.matcher(line);
                if (matcher.matches()) {
                    Matcher phase = PHASE.matcher(matcher.group(1));
                    while (phase.find()) {
                        phases.put(phase.group(1), Long.parseLong(phase.group(2)) - epochStart);
                    }
                } else if (line.startsWith(SHOWN) && keysShownMs < 0) {
                    keysShownMs = (System.nanoTime() - wallStart) / 1_000_000;
                    cpuNanos = process.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
                }
            }
        }
        long wallNanos = System.nanoTime() - wallStart;
        if (!process.waitFor(START_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the app did not end: " + output);
        }
        if (process.exitValue() != 0 || keysShownMs < 0) {
            throw new IllegalStateException("the self-check failed (status " + process.exitValue() + "): " + output);
        }
        long hostBusy = HostCpu.busyNanos() - hostBusyStart;
        // The app's own CPU until it ended is not known once it has ended; what it used until its keys showed is.
        double others = hostBusyStart < 0 ? -1 : Math.max(0, 100.0 * (hostBusy - cpuNanos)
                / (wallNanos * (double) Runtime.getRuntime().availableProcessors()));
        return new Start(phases, keysShownMs, cpuNanos / 1_000_000, others);
    }

    private static String phasesText(Map<String, Long> phases) {
        StringBuilder text = new StringBuilder();
        for (String phase : PHASE_ORDER) {
            text.append(String.format(Locale.ROOT, "%s %5s", phase,
                    phases.containsKey(phase) ? phases.get(phase) : "-")).append("  ");
        }
        return text.toString().strip();
    }

    private static double median(double[] values) {
        double[] sorted = Arrays.stream(values).filter(v -> v >= 0).sorted().toArray();
        int n = sorted.length;
        if (n == 0) {
            return -1;
        }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** The X display the app opens its window on: {@code DISPLAY}, else an Xvfb of this run's own. */
    private record Display(String name, Optional<Process> xvfb) implements AutoCloseable {

        static Display find() throws IOException, InterruptedException {
            String current = System.getenv("DISPLAY");
            if (current != null && !current.isBlank()) {
                return new Display(current, Optional.empty());
            }
            Path xvfb = ServerProcess.onPath("Xvfb").orElseThrow(() -> new IllegalStateException(
                    "no DISPLAY and no Xvfb: install it (apt-get install -y xvfb) or run under a display"));
            for (int number = 90; number < 190; number++) {
                if (Files.exists(Path.of("/tmp/.X" + number + "-lock"))) {
                    continue;
                }
                Process process = new ProcessBuilder(xvfb.toString(), ":" + number, "-screen", "0", "1280x800x24",
                        "-nolisten", "tcp").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
                Path socket = Path.of("/tmp/.X11-unix/X" + number);
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (process.isAlive() && !Files.exists(socket) && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                if (process.isAlive() && Files.exists(socket)) {
                    return new Display(":" + number, Optional.of(process));
                }
                process.destroyForcibly();
            }
            throw new IllegalStateException("could not start Xvfb on any display from :90 to :189");
        }

        @Override
        public void close() {
            xvfb.ifPresent(Process::destroy);
        }
    }
}
