package dev.kmstags.profiles;

import java.net.URI;
import java.nio.file.Path;
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
