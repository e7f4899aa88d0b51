package dev.kmstags;

import dev.kmstags.app.KmsTagManagerApp;
import dev.kmstags.app.StartOptions;
import dev.kmstags.cli.TagsCommand;
import dev.kmstags.local.BackendOptions;
import dev.kmstags.local.DataLocation;
import dev.kmstags.local.ServeCommand;
import dev.kmstags.profiles.AwsEnvironment;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The program's entry point. A plain class rather than the JavaFX {@code Application}, so the jar starts with
 * JavaFX on the class path: no arguments opens the desktop app, {@code serve} runs the bundled backend alone.
 */
public final class Launcher {

    static final int EXIT_USAGE = 2;

    private Launcher() {
    }

    public static void main(String[] args) {
        int status = run(List.of(args), utf8(FileDescriptor.out), utf8(FileDescriptor.err));
        if (status >= 0) {
            System.exit(status);
        }
    }

    /**
     * Standard output or error in UTF-8, whatever the locale: tag keys and values are any Unicode, and the files the
     * commands write are UTF-8; Java 17 would print {@code ?} for every character the POSIX locale's ASCII lacks.
     */
    private static PrintStream utf8(FileDescriptor stream) {
        return new PrintStream(new FileOutputStream(stream), true, StandardCharsets.UTF_8);
    }

    /**
     * Runs the command named by {@code args}.
     *
     * @return the exit status, or -1 when the command keeps running (the app or the server) and ends on its own
     *     (the app's self-check answers its status once the app has stopped)
     */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || isAppOption(args.get(0))) {
            try {
                StartOptions.parse(args).backendQuotas();
            } catch (IllegalArgumentException e) {
                err.println(e.getMessage());
                return EXIT_USAGE;
            }
            return KmsTagManagerApp.launchApp(args.toArray(String[]::new)).orElse(-1);
        }
        String first = args.get(0);
        switch (first) {
            case "--help", "-h", "help" -> {
                out.print(usage());
                return 0;
            }
            case "--version", "-V" -> {
                out.println("kms-tag-manager " + Version.current());
                return 0;
            }
            case "serve" -> {
                return ServeCommand.run(args.subList(1, args.size()), out, err);
            }
            case "tags" -> {
                AwsEnvironment environment = AwsEnvironment.ofProcess();
                return new TagsCommand(environment, environment.userHome(),
                        () -> BackendOptions.defaults(DataLocation.defaultDataFile()).withPort(0))
                        .run(args.subList(1, args.size()), out, err);
            }
            default -> {
                err.println("Unknown argument: " + first);
                err.print(usage());
                return EXIT_USAGE;
            }
        }
    }

    private static boolean isAppOption(String arg) {
        return Arrays.asList("--profile", "--region", "--quotas").contains(arg);
    }

    static String usage() {
        return """
                Usage: kms-tag-manager [COMMAND] [OPTIONS]

                With no command, opens the desktop app: on the connection and region used last, or on the
                bundled local KMS backend the first time.

                App options:
                  --profile NAME   Open the AWS profile NAME (from ~/.aws/config or AWS_CONFIG_FILE)
                  --region R       Open region R (default: the profile's region, else AWS_REGION, else us-east-1)
                  --quotas Q       Make the bundled backend throttle like KMS: Q is aws for AWS's request quotas,
                                   or a quotas file (see serve --help); default: no throttling

                Commands:
                  serve            Run the bundled KMS-compatible backend alone (see serve --help)
                  tags             Export the keys' tags as CSV or JSON, then plan or apply an edited export
                                   (see tags --help)
                  --help           Show this help and exit
                  --version        Show the version and exit
                """;
    }
}
