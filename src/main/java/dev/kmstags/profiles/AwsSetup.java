package dev.kmstags.profiles;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the user's AWS setup offers: the environment, the files and their profiles; and for each target the
 * region it opens in and the KMS endpoint it asks for.
 */
public record AwsSetup(AwsEnvironment environment, AwsConfigFiles files, List<AwsProfile> profiles) {

    /** The region used when nothing names one. */
    public static final String FALLBACK_REGION = "us-east-1";

    public AwsSetup {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(files, "files");
        profiles = List.copyOf(profiles);
    }

    /**
     * Reads the files {@code environment} points at (under {@code home} by default).
     *
     * @throws AwsConfigException when a file cannot be read or parsed
     */
    public static AwsSetup read(AwsEnvironment environment, Path home) {
        AwsConfigFiles files = environment.configFiles(home);
        return new AwsSetup(environment, files, AwsProfiles.read(files));
    }

    /** The setup without any profile, for when the files cannot be read. */
    public static AwsSetup withoutProfiles(AwsEnvironment environment, Path home) {
        return new AwsSetup(environment, environment.configFiles(home), List.of());
    }

    /** What the Connection menu lists: the bundled backend, the environment's credentials if set, each profile. */
    public List<ConnectionTarget> targets() {
        List<ConnectionTarget> targets = new ArrayList<>();
        targets.add(ConnectionTarget.BUNDLED);
        if (environment.hasCredentials()) {
            targets.add(ConnectionTarget.ENVIRONMENT);
        }
        profiles.forEach(profile -> targets.add(ConnectionTarget.profile(profile.name())));
        return targets;
    }

    public Optional<AwsProfile> profile(String name) {
        return profiles.stream().filter(profile -> profile.name().equals(name)).findFirst();
    }

    /** The region {@code target} opens in: the profile's, else {@code AWS_REGION}, else us-east-1. */
    public String defaultRegion(ConnectionTarget target) {
        if (target instanceof ConnectionTarget.Bundled) {
            return FALLBACK_REGION;
        }
        Optional<String> profileRegion = target instanceof ConnectionTarget.Profile named
                ? profile(named.name()).flatMap(AwsProfile::region)
                : Optional.empty();
        return profileRegion.or(environment::region).orElse(FALLBACK_REGION);
    }

    /**
     * The KMS endpoint {@code target} asks for: {@code AWS_ENDPOINT_URL_KMS} or {@code AWS_ENDPOINT_URL}, else the
     * profile's; empty for AWS's own endpoint of the region (and for the bundled backend, which has its own).
     */
    public Optional<URI> kmsEndpoint(ConnectionTarget target) {
        if (target instanceof ConnectionTarget.Bundled) {
            return Optional.empty();
        }
        Optional<URI> fromProfile = target instanceof ConnectionTarget.Profile named
                && !environment.ignoresConfiguredEndpoints()
                ? profile(named.name()).flatMap(AwsProfile::endpoint)
                : Optional.empty();
        return environment.kmsEndpoint().or(() -> fromProfile);
    }
}
