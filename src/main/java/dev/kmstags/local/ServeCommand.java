package dev.kmstags.local;

import dev.kmstags.local.quota.RequestQuotas;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code serve}: runs the bundled backend alone until SIGTERM or Ctrl-C, then closes the store cleanly.
 */
public final class ServeCommand {

    static final int EXIT_USAGE = 2;
    static final int EXIT_FAILURE = 1;
    static final String ACCESS_KEY_VARIABLE = "KMS_TAG_MANAGER_ACCESS_KEY";
    static final String SECRET_KEY_VARIABLE = "KMS_TAG_MANAGER_SECRET_KEY";

    private ServeCommand() {
    }

    /**
     * Parses the options, starts the backend and serves until the JVM is asked to stop.
     *
     * @return an exit status when the options are wrong or the backend cannot start; otherwise blocks
     */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        BackendOptions options;
        try {
            options = parse(args, System.getenv());
        } catch (HelpRequested e) {
            out.print(usage());
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(usage());
            return EXIT_USAGE;
        }
        LocalKmsBackend backend;
        try {
            backend = LocalKmsBackend.start(options);
        } catch (IOException | RuntimeException e) {
            err.println("Could not start the KMS backend: " + e.getMessage());
            return EXIT_FAILURE;
        }
        backend.notices().forEach(err::println);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            backend.close();
            stopped.countDown();
        }, "kms-backend-shutdown"));
        out.println("KMS backend listening on " + backend.endpoint());
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    static BackendOptions parse(List<String> args, Map<String, String> environment) {
        BackendOptions options = BackendOptions.defaults(DataLocation.defaultDataFile());
        String accessKey = null;
        String secretKey = null;
        Path secretKeyFile = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--help", "-h" -> throw new HelpRequested();
                case "--no-seed" -> options = options.withSeed(false);
                case "--port" -> options = options.withPort(intValue(arg, valueOf(args, ++i, arg), 0, 65_535));
                case "--latency-ms" -> options = options.withLatencyMs(intValue(arg, valueOf(args, ++i, arg), 0, 60_000));
                case "--tag-policy" -> options = options.withTagPolicy(Path.of(valueOf(args, ++i, arg)));
                case "--data" -> options = options.withDataFile(Path.of(valueOf(args, ++i, arg)));
                case "--quotas" -> options = options.withQuotas(RequestQuotas.ofOption(valueOf(args, ++i, arg)));
                case "--access-key" -> accessKey = valueOf(args, ++i, arg);
                case "--secret-key" -> secretKey = valueOf(args, ++i, arg);
                case "--secret-key-file" -> secretKeyFile = Path.of(valueOf(args, ++i, arg));
                default -> throw new IllegalArgumentException("Unknown option for serve: " + arg);
            }
        }
        if (secretKey != null && secretKeyFile != null) {
            throw new IllegalArgumentException(
                    "--secret-key and --secret-key-file are two ways to give one secret; use one.");
        }
        if (secretKeyFile != null) {
            secretKey = firstLine(secretKeyFile);
        }
        if (accessKey == null) {
            accessKey = nonEmpty(environment.get(ACCESS_KEY_VARIABLE));
        }
        if (secretKey == null) {
            secretKey = nonEmpty(environment.get(SECRET_KEY_VARIABLE));
        }
        if ((accessKey == null) != (secretKey == null)) {
            throw new IllegalArgumentException("The access key and the secret key go together: give both"
                    + " (--access-key or " + ACCESS_KEY_VARIABLE + ", and --secret-key, --secret-key-file or "
                    + SECRET_KEY_VARIABLE + "), or neither for test/test.");
        }
        return accessKey == null ? options : options.withCredentials(accessKey, secretKey);
    }

    /** The secret is the file's first line, without its line end, so an editor's trailing newline does no harm. */
    private static String firstLine(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("--secret-key-file: could not read " + file + " (" + e + ")");
        }
        if (lines.isEmpty() || lines.get(0).isEmpty()) {
            throw new IllegalArgumentException("--secret-key-file: the first line of " + file + " is empty.");
        }
        return lines.get(0);
    }

    private static String nonEmpty(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static String valueOf(List<String> args, int index, String option) {
        if (index >= args.size() || args.get(index).isEmpty()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }

    private static int intValue(String option, String text, int min, int max) {
        try {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ": " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number: " + text);
        }
    }

    static String usage() {
        return """
                Usage: kms-tag-manager serve [OPTIONS]

                Runs the bundled KMS-compatible backend on 127.0.0.1 until stopped (Ctrl-C or SIGTERM).

                Options:
                  --port N            TCP port (default 4599; 0 picks a free port)
                  --data FILE         SQLite file (default: %s)
                  --access-key K      access key requests must be signed with (default test)
                  --secret-key S      secret key requests must be signed with (default test); other local
                                      users can see it in the process list: prefer the file or the environment
                  --secret-key-file F the secret key is the first line of file F
                  --no-seed           start an empty store without the demo account (and its tag policy)
                  --tag-policy FILE   the account's effective tag policy, in AWS Organizations syntax, which
                                      DescribeEffectivePolicy answers with (default: the demo account's)
                  --latency-ms N      delay every answer by N milliseconds
                  --quotas aws|FILE   throttle like KMS: AWS's request quotas per second, or a properties file
                                      of Operation=rate lines laid over them (default: no throttling)
                  --help              show this help

                Environment: KMS_TAG_MANAGER_ACCESS_KEY and KMS_TAG_MANAGER_SECRET_KEY give the credentials
                when the options above do not.
                """.formatted(DataLocation.defaultDataFile());
    }

    private static final class HelpRequested extends RuntimeException {
        HelpRequested() {
            super(null, null, false, false);
        }
    }
}
