package dev.kmstags.profiles;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The AWS settings of the process environment the app was started in. Passed in as a map, so tests never read
 * the real environment.
 */
public record AwsEnvironment(Map<String, String> variables) {

    public AwsEnvironment {
        variables = Map.copyOf(variables);
    }

    /** The environment of this process. */
    public static AwsEnvironment ofProcess() {
        return new AwsEnvironment(System.getenv());
    }

    private Optional<String> get(String name) {
        return Optional.ofNullable(variables.get(name)).map(String::trim).filter(value -> !value.isEmpty());
    }

    /** The home folder the AWS CLI and SDK find {@code ~/.aws} under, for this process. */
    public Path userHome() {
        return userHome(System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
    }

    /**
     * The home folder as the AWS SDK for Java 2 finds it ({@code UserHomeDirectoryUtils}), so the app reads the
     * same {@code ~/.aws} files as the SDK and the CLI: {@code HOME} on every system; on Windows then
     * {@code USERPROFILE}, then {@code HOMEDRIVE} with {@code HOMEPATH}; else Java's {@code user.home}.
     */
    Path userHome(String osName, Path javaUserHome) {
        Optional<String> home = get("HOME");
        if (home.isEmpty() && osName.toLowerCase(Locale.ROOT).startsWith("windows")) {
            home = get("USERPROFILE").or(() -> get("HOMEDRIVE").flatMap(drive -> get("HOMEPATH").map(drive::concat)));
        }
        return home.map(Path::of).orElse(javaUserHome);
    }

    /** Where the AWS files are: {@code AWS_CONFIG_FILE}, {@code AWS_SHARED_CREDENTIALS_FILE} or under {@code home}. */
    public AwsConfigFiles configFiles(Path home) {
        return AwsConfigFiles.locate(variables, home);
    }

    /** {@code AWS_REGION}, as the SDK reads it. */
    public Optional<String> region() {
        return get("AWS_REGION");
    }

    /** {@code AWS_PROFILE}: the profile the CLI uses when none is named. */
    public Optional<String> profile() {
        return get("AWS_PROFILE");
    }

    /** Whether {@code AWS_ACCESS_KEY_ID} and {@code AWS_SECRET_ACCESS_KEY} are both set. */
    public boolean hasCredentials() {
        return accessKeyId().isPresent() && secretAccessKey().isPresent();
    }

    public Optional<String> accessKeyId() {
        return get("AWS_ACCESS_KEY_ID");
    }

    public Optional<String> secretAccessKey() {
        return get("AWS_SECRET_ACCESS_KEY");
    }

    /** {@code AWS_SESSION_TOKEN}, for temporary credentials. */
    public Optional<String> sessionToken() {
        return get("AWS_SESSION_TOKEN");
    }

    /** Whether {@code AWS_IGNORE_CONFIGURED_ENDPOINT_URLS} turns every configured endpoint off. */
    boolean ignoresConfiguredEndpoints() {
        return get("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS").map(Boolean::parseBoolean).orElse(false);
    }

    /** {@code AWS_ENDPOINT_URL_KMS}, else {@code AWS_ENDPOINT_URL}: they win over any profile's endpoint. */
    Optional<URI> kmsEndpoint() {
        if (ignoresConfiguredEndpoints()) {
            return Optional.empty();
        }
        return get("AWS_ENDPOINT_URL_KMS").or(() -> get("AWS_ENDPOINT_URL"))
                .map(url -> AwsProfiles.uri(Path.of("environment"), "AWS_ENDPOINT_URL", url));
    }
}
