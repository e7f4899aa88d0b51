package dev.kmstags.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code kms-tag-manager serve} in a child JVM, started from the test class path, as a user would run it. */
public final class ServeProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("KMS backend listening on (http://127\\.0\\.0\\.1:\\d+)");

    private final Process process;
    private final URI endpoint;
    private final List<String> output;

    private ServeProcess(Process process, URI endpoint, List<String> output) {
        this.process = process;
        this.endpoint = endpoint;
        this.output = output;
    }

    /** How a {@code serve} that was meant not to start ended: its exit status and everything it printed. */
    record Ended(int status, List<String> output) {
    }

    public static ServeProcess start(String... serveArguments) throws IOException {
        return start(Map.of(), serveArguments);
    }

    /** {@code serve} with these environment variables added to this JVM's. */
    static ServeProcess start(Map<String, String> environment, String... serveArguments) throws IOException {
        Process process = launch(environment, serveArguments);
        BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> output = new ArrayList<>();
        CompletableFuture<URI> listening = new CompletableFuture<>();
        Thread pump = new Thread(() -> {
            try {
                String line;
                while ((line = reader.readLine()) != null) {
                    synchronized (output) {
                        output.add(line);
                    }
                    Matcher matcher = LISTENING.matcher(line);
                    if (matcher.matches()) {
                        listening.complete(URI.create(matcher.group(1)));
                    }
                }
            } catch (IOException ignored) {
                // the process is gone
            }
            listening.completeExceptionally(new IOException("serve ended before listening: " + output));
        }, "serve-output");
        pump.setDaemon(true);
        pump.start();
        try {
            return new ServeProcess(process, listening.get(60, TimeUnit.SECONDS), output);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IOException("serve did not start: " + output, e);
        }
    }

    /**
     * Runs a {@code serve} that should refuse to start, until it exits. Should it start listening after all, it is
     * stopped at once and reported with status -1, so a test of a refusal never hangs.
     */
    static Ended runToEnd(String... serveArguments) throws IOException, InterruptedException {
        Process process = launch(Map.of(), serveArguments);
        // A serve that neither exits nor listens is ended after a minute, which ends the read below.
        CompletableFuture.delayedExecutor(60, TimeUnit.SECONDS).execute(process::destroyForcibly);
        List<String> output = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                output.add(line);
                if (LISTENING.matcher(line).matches()) {
                    process.destroyForcibly();
                    process.waitFor(30, TimeUnit.SECONDS);
                    return new Ended(-1, output);
                }
            }
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Ended(-1, output);
        }
        return new Ended(process.exitValue(), output);
    }

    private static Process launch(Map<String, String> environment, String... serveArguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "dev.kmstags.Launcher", "serve"));
        command.addAll(List.of(serveArguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        return builder.start();
    }

    public URI endpoint() {
        return endpoint;
    }

    Process process() {
        return process;
    }

    List<String> output() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or closed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
