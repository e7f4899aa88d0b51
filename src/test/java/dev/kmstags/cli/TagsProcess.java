package dev.kmstags.cli;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * {@code kms-tag-manager tags ...} in a child JVM, as a script runs it: the test class path without JavaFX, HOME
 * holding {@code .aws/config} with a profile {@code demo} whose endpoint_url is a backend, the POSIX locale,
 * standard input not a terminal, standard output and error kept apart.
 */
final class TagsProcess {

    private final Path folder;
    private final Path home;

    private TagsProcess(Path folder, Path home) {
        this.folder = folder;
        this.home = home;
    }

    /** Runs in {@code folder}, with the profile {@code demo} pointing at {@code endpoint} in {@code region}. */
    static TagsProcess against(Path folder, URI endpoint, String region) throws IOException {
        Path aws = Files.createDirectories(folder.resolve("home").resolve(".aws"));
        Files.writeString(aws.resolve("config"), """
                [profile demo]
                region = %s
                endpoint_url = %s
                """.formatted(region, endpoint));
        Files.writeString(aws.resolve("credentials"), """
                [demo]
                aws_access_key_id = test
                aws_secret_access_key = test
                """);
        return new TagsProcess(folder, aws.getParent());
    }

    /** How a run ended. */
    record Ended(int status, String out, String err) {
    }

    /** The test class path without JavaFX, so a command that loaded it would fail. */
    static String classPathWithoutJavaFx() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("javafx") && !entry.contains("openjfx"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** Starts {@code tags ARGS}; its output goes to files read by {@link #await}. */
    Running start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", classPathWithoutJavaFx(), "dev.kmstags.Launcher", "tags"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(folder, "tags-out", ".txt");
        Path err = Files.createTempFile(folder, "tags-err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().remove("AWS_CONFIG_FILE");
        builder.environment().remove("AWS_SHARED_CREDENTIALS_FILE");
        builder.environment().remove("AWS_PROFILE");
        builder.environment().remove("AWS_REGION");
        builder.environment().put("HOME", home.toString());
        // The POSIX locale, as cron and many CI runners give: the output is still UTF-8, as the files are.
        builder.environment().put("LC_ALL", "C");
        builder.environment().put("LANG", "C");
        return new Running(builder.start(), out, err);
    }

    /** Runs {@code tags ARGS} to its end. */
    Ended run(String... args) throws IOException, InterruptedException {
        return start(args).await();
    }

    /** A command under way. */
    record Running(Process process, Path out, Path err) {

        String errSoFar() throws IOException {
            return Files.readString(err, StandardCharsets.UTF_8);
        }

        Ended await() throws IOException, InterruptedException {
            process.getOutputStream().close();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("tags did not end within 120 s: " + errSoFar());
            }
            return new Ended(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), errSoFar());
        }
    }
}
