package dev.kmstags.kms;

import dev.kmstags.profiles.AwsConfigFiles;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where KMS calls go and as whom: the endpoint, the region the calls are signed for, and the credentials. The
 * region matters even for the bundled backend, which keeps each region's keys apart as real KMS does.
 *
 * @param kind        what the connection talks to
 * @param name        what the user calls it, such as a profile name, for sentences about it
 * @param endpoint    the KMS endpoint, such as {@code http://127.0.0.1:4599}; null for AWS's own endpoint of the
 *                    region
 * @param region      the AWS region calls are signed for, such as {@code us-east-1}
 * @param credentials whose credentials calls are signed with
 */
public record KmsConnection(Kind kind, String name, URI endpoint, String region, KmsCredentials credentials) {

    /** The region the app opens when none is asked for. */
    public static final String DEFAULT_REGION = "us-east-1";

    public KmsConnection {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(credentials, "credentials");
        if (region.isBlank()) {
            throw new IllegalArgumentException("region must not be blank");
        }
    }

    /** A connection of {@code kind} at {@code endpoint} with static keys. */
    public KmsConnection(Kind kind, URI endpoint, String region, String accessKeyId, String secretAccessKey) {
        this(kind, kind.defaultName(), Objects.requireNonNull(endpoint, "endpoint"), region,
                new KmsCredentials.StaticKeys(accessKeyId, secretAccessKey, Optional.empty()));
    }

    /** A connection to the bundled backend answering at {@code endpoint}. */
    public static KmsConnection bundledBackend(URI endpoint, String region, String accessKeyId,
                                               String secretAccessKey) {
        return new KmsConnection(Kind.BUNDLED_BACKEND, endpoint, region, accessKeyId, secretAccessKey);
    }

    /** A connection as the profile {@code profile} of {@code files}, to {@code endpoint} or AWS's own if empty. */
    public static KmsConnection profile(String profile, AwsConfigFiles files, Optional<URI> endpoint, String region) {
        return new KmsConnection(Kind.AWS_PROFILE, profile, endpoint.orElse(null), region,
                new KmsCredentials.Profile(profile, files));
    }

    /** A connection with the environment's keys, to {@code endpoint} or AWS's own if empty. */
    public static KmsConnection environment(KmsCredentials.StaticKeys keys, Optional<URI> endpoint, String region) {
        return new KmsConnection(Kind.ENVIRONMENT, Kind.ENVIRONMENT.defaultName(), endpoint.orElse(null), region,
                keys);
    }

    /** The same endpoint and credentials, signed for another region. */
    public KmsConnection withRegion(String newRegion) {
        return new KmsConnection(kind, name, endpoint, newRegion, credentials);
    }

    /** The endpoint as a user would write it; AWS's own for the region when none is set. */
    public String endpointText() {
        return endpoint != null ? endpoint.toString() : "https://kms." + region + ".amazonaws.com";
    }

    /** What kind of endpoint a connection talks to. */
    public enum Kind {
        /** The KMS-compatible backend bundled with the app, on 127.0.0.1. */
        BUNDLED_BACKEND("the bundled backend"),
        /** A profile of the user's AWS config and credentials files. */
        AWS_PROFILE("the profile"),
        /** The credentials of the environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY. */
        ENVIRONMENT("the environment credentials");

        private final String defaultName;

        Kind(String defaultName) {
            this.defaultName = defaultName;
        }

        String defaultName() {
            return defaultName;
        }
    }
}
