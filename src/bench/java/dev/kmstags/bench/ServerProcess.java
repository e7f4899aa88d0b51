package dev.kmstags.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server under test in its own process: the bundled backend ({@code java -jar kms-tag-manager.jar serve}) or
 * moto_server. Times its start from just before {@link ProcessBuilder#start()}; stops it with SIGTERM (then
 * SIGKILL after a bounded wait).
 */
final class ServerProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("KMS backend listening on http://127\\.0\\.0\\.1:(\\d+)");
    private static final Duration START_LIMIT = Duration.ofSeconds(60);
    private static final int OUTPUT_LINES_KEPT = 40;

    private final String name;
    private final Process process;
    private final int port;
    private final long startNanos;
    private final long listeningNanos;
    private final Deque<String> output;
    private final int niceness;

    private ServerProcess(String name, Process process, int port, long startNanos, long listeningNanos,
                          Deque<String> output, int niceness) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.startNanos = startNanos;
        this.listeningNanos = listeningNanos;
        this.output = output;
        this.niceness = niceness;
    }

    /** {@code java <jvmOptions> -jar <jar> serve --port 0 --data <dataFile> --no-seed}; returns once it listens. */
    static ServerProcess serve(Path java, List<String> jvmOptions, Path jar, Path dataFile) throws IOException {
        return serve(java, jvmOptions, jar, dataFile, List.of(), 0);
    }

    /**
     * As {@link #serve(Path, List, Path, Path)}, with further {@code serve} options such as --latency-ms, and with
     * {@code niceness} above 0 started by {@code nice -n <niceness>} where the OS has {@code nice} (see
     * {@link #niceness()}).
     */
    static ServerProcess serve(Path java, List<String> jvmOptions, Path jar, Path dataFile, List<String> serveOptions,
                               int niceness) throws IOException {
        List<String> command = new ArrayList<>();
        Optional<Path> nice = niceness > 0 ? onPath("nice") : Optional.empty();
        nice.ifPresent(executable -> command.addAll(List.of(executable.toString(), "-n", String.valueOf(niceness))));
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "serve", "--port", "0", "--data", dataFile.toString(),
                "--no-seed"));
        command.addAll(serveOptions);
        return start("serve", command, nice.isPresent() ? niceness : 0);
    }

    /**
     * {@link CeilingServer} with the same JVM options, on this harness's class path (the jar's classes and
     * libraries, and the harness); {@code answers} are its {@code Operation=file} arguments.
     */
    static ServerProcess ceiling(Path java, List<String> jvmOptions, List<String> answers) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), CeilingServer.class.getName()));
        command.addAll(answers);
        return start("ceiling", command, 0);
    }

    private static ServerProcess start(String name, List<String> command, int niceness) throws IOException {
        Deque<String> output = new ArrayDeque<>();
        CompletableFuture<Integer> listening = new CompletableFuture<>();
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        pump(process, output, line -> {
            Matcher matcher = LISTENING.matcher(line);
            if (matcher.find()) {
                listening.complete(Integer.parseInt(matcher.group(1)));
            }
        }, listening);
        try {
            int port = listening.get(START_LIMIT.toSeconds(), TimeUnit.SECONDS);
            return new ServerProcess(name, process, port, start, System.nanoTime(), output, niceness);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IOException(name + " did not start: " + e.getMessage() + "; output: " + snapshot(output), e);
        }
    }

    /**
     * {@code moto_server -p <free port>}; returns at once, as moto says nothing reliable when it is ready: callers
     * poll with {@link #awaitFirst200}.
     */
    static ServerProcess moto(String executable) throws IOException {
        int port = freePort();
        Deque<String> output = new ArrayDeque<>();
        long start = System.nanoTime();
        Process process = new ProcessBuilder(executable, "-H", "127.0.0.1", "-p", Integer.toString(port))
                .redirectErrorStream(true).start();
        pump(process, output, line -> { }, null);
        return new ServerProcess("moto_server", process, port, start, -1, output, 0);
    }

    /** The first executable of this name on the PATH. */
    static Optional<Path> onPath(String executable) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(java.io.File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, executable);
            if (java.nio.file.Files.isRegularFile(candidate) && java.nio.file.Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    int port() {
        return port;
    }

    long startNanos() {
        return startNanos;
    }

    /** When the {@code listening} line was read; -1 for moto. */
    long listeningNanos() {
        return listeningNanos;
    }

    /** The niceness the process was started with: 0 unless asked for and the OS has {@code nice}. */
    int niceness() {
        return niceness;
    }

    /** CPU time the process has used so far (user + system), in nanoseconds; -1 when the OS does not say. */
    long cpuNanos() {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String recentOutput() {
        return snapshot(output);
    }

    /**
     * Sends signed {@code ListKeys} until one is answered with 200, retrying refused connections every
     * {@code pollMillis}; returns {@link System#nanoTime()} of that answer.
     */
    long awaitFirst200(String region, int pollMillis) throws IOException, InterruptedException {
        SigV4Signer signer = new SigV4Signer(port, region);
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited with " + process.exitValue() + ": " + recentOutput());
            }
            try (RawHttpConnection connection = new RawHttpConnection(port)) {
                int status = connection.exchange(signer.request("ListKeys", "{}"));
                long answered = System.nanoTime();
                if (status == 200) {
                    return answered;
                }
                last = new IOException(name + " answered " + status + ": " + connection.body());
            } catch (ConnectException e) {
                last = e;
            } catch (IOException e) {
                // accepted but not yet serving (moto's socket is bound before the app is ready)
                last = e;
            }
            Thread.sleep(pollMillis);
        }
        throw new IOException(name + " did not answer 200 within " + START_LIMIT.toSeconds() + " s", last);
    }

    /** SIGTERM, then SIGKILL if the process has not ended within 15 s; waits for the end. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(15, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** SIGKILL at once, as {@code kill -9} does: no shutdown hook runs; waits (bounded) for the end. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(15, TimeUnit.SECONDS);
    }

    /** Waits (bounded) for the process to end after {@link #close()}; whether it ended. */
    boolean awaitExit(Duration limit) throws InterruptedException {
        return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private interface LineListener {
        void line(String line);
    }

    /** Reads the process's output so it never blocks on a full pipe, keeping the last lines for error messages. */
    private static void pump(Process process, Deque<String> output, LineListener listener,
                             CompletableFuture<Integer> listening) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    synchronized (output) {
                        output.addLast(line);
                        if (output.size() > OUTPUT_LINES_KEPT) {
                            output.removeFirst();
                        }
                    }
                    listener.line(line);
                }
            } catch (IOException ignored) {
                // the process is gone
            }
            if (listening != null) {
                listening.completeExceptionally(new IOException("the process ended"));
            }
        }, "server-output");
        thread.setDaemon(true);
        thread.start();
    }

    private static String snapshot(Deque<String> output) {
        synchronized (output) {
            return String.join(" | ", output);
        }
    }
}
