package dev.kmstags.local;

import dev.kmstags.local.quota.RequestQuotas;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code serve}: runs the bundled backend alone until SIGTERM or Ctrl-C, then closes the store cleanly.
 */
public final class ServeCommand {

    static final int EXIT_USAGE = 2;
    static final int EXIT_FAILURE = 1;

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
            options = parse(args);
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

    static BackendOptions parse(List<String> args) {
        BackendOptions options = BackendOptions.defaults(DataLocation.defaultDataFile());
        String accessKey = null;
        String secretKey = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--help", "-h" -> throw new HelpRequested();
                case "--no-seed" -> options = options.withSeed(false);
                case "--port" -> options = options.withPort(intValue(arg, valueOf(args, ++i, arg), 0, 65_535));
                case "--latency-ms" -> options = options.withLatencyMs(intValue(arg, valueOf(args, ++i, arg), 0, 60_000));
                case "--data" -> options = options.withDataFile(Path.of(valueOf(args, ++i, arg)));
                case "--quotas" -> options = options.withQuotas(RequestQuotas.ofOption(valueOf(args, ++i, arg)));
                case "--access-key" -> accessKey = valueOf(args, ++i, arg);
                case "--secret-key" -> secretKey = valueOf(args, ++i, arg);
                default -> throw new IllegalArgumentException("Unknown option for serve: " + arg);
            }
        }
        if ((accessKey == null) != (secretKey == null)) {
            throw new IllegalArgumentException("--access-key and --secret-key go together");
        }
        return accessKey == null ? options : options.withCredentials(accessKey, secretKey);
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
                  --secret-key S      secret key requests must be signed with (default test)
                  --no-seed           start an empty store without the demo account
                  --latency-ms N      delay every answer by N milliseconds
                  --quotas aws|FILE   throttle like KMS: AWS's request quotas per second, or a properties file
                                      of Operation=rate lines laid over them (default: no throttling)
                  --help              show this help
                """.formatted(DataLocation.defaultDataFile());
    }

    private static final class HelpRequested extends RuntimeException {
        HelpRequested() {
            super(null, null, false, false);
        }
    }
}
