package dev.kmstags.profiles;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * The user's AWS config and credentials files, where the AWS CLI looks for them: {@code AWS_CONFIG_FILE} and
 * {@code AWS_SHARED_CREDENTIALS_FILE}, else {@code ~/.aws/config} and {@code ~/.aws/credentials}. Either may be
 * missing. Read with the SDK's own {@link ProfileFile}, so the app sees the profiles the SDK signs with.
 *
 * @param config      the config file ({@code [profile NAME]} sections)
 * @param credentials the shared credentials file ({@code [NAME]} sections)
 */
public record AwsConfigFiles(Path config, Path credentials) {

    public AwsConfigFiles {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(credentials, "credentials");
    }

    /** The files {@code environment} names, or the defaults under {@code home}. */
    public static AwsConfigFiles locate(Map<String, String> environment, Path home) {
        return new AwsConfigFiles(
                path(environment.get("AWS_CONFIG_FILE"), home, home.resolve(".aws").resolve("config")),
                path(environment.get("AWS_SHARED_CREDENTIALS_FILE"), home,
                        home.resolve(".aws").resolve("credentials")));
    }

    private static Path path(String value, Path home, Path fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        // The CLI expands a leading ~, as a shell would.
        if (value.equals("~") || value.startsWith("~/")) {
            return home.resolve(value.substring(Math.min(2, value.length())));
        }
        return Path.of(value);
    }

    /**
     * Both files as one, credentials-file values winning as in the SDK.
     *
     * @throws AwsConfigException when a file cannot be read or parsed; its message names the file and the line
     */
    public ProfileFile load() {
        ProfileFile.Aggregator aggregator = ProfileFile.aggregator();
        read(config, ProfileFile.Type.CONFIGURATION, aggregator);
        read(credentials, ProfileFile.Type.CREDENTIALS, aggregator);
        return aggregator.build();
    }

    private static void read(Path file, ProfileFile.Type type, ProfileFile.Aggregator aggregator) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            ProfileFile parsed = ProfileFile.builder().content(file).type(type).build();
            // The SDK parses lazily; asking for the profiles here reports a syntax error against this file.
            parsed.profiles();
            aggregator.addFile(parsed);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            throw AwsConfigException.unreadable(file, e);
        }
    }
}
