package dev.kmstags.kms;

import java.net.URI;
import java.util.Objects;

/**
 * Where KMS calls go and as whom: the endpoint, the region the calls are signed for, and static credentials. The
 * region matters even for the bundled backend, which keeps each region's keys apart as real KMS does.
 *
 * @param kind            what the endpoint is, for the status bar
 * @param endpoint        the KMS endpoint, such as {@code http://127.0.0.1:4599}
 * @param region          the AWS region calls are signed for, such as {@code us-east-1}
 * @param accessKeyId     the access key calls are signed with
 * @param secretAccessKey the secret key calls are signed with
 */
public record KmsConnection(Kind kind, URI endpoint, String region, String accessKeyId, String secretAccessKey) {

    /** The region the app opens when none is asked for. */
    public static final String DEFAULT_REGION = "us-east-1";

    public KmsConnection {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        if (region.isBlank()) {
            throw new IllegalArgumentException("region must not be blank");
        }
    }

    /** A connection to the bundled backend answering at {@code endpoint}. */
    public static KmsConnection bundledBackend(URI endpoint, String region, String accessKeyId,
                                               String secretAccessKey) {
        return new KmsConnection(Kind.BUNDLED_BACKEND, endpoint, region, accessKeyId, secretAccessKey);
    }

    /** The same endpoint and credentials, signed for another region. */
    public KmsConnection withRegion(String newRegion) {
        return new KmsConnection(kind, endpoint, newRegion, accessKeyId, secretAccessKey);
    }

    /** Leaves the secret key out, so a connection can be logged. */
    @Override
    public String toString() {
        return "KmsConnection[" + kind + ", " + endpoint + ", " + region + ", " + accessKeyId + "]";
    }

    /** What kind of endpoint a connection talks to. */
    public enum Kind {
        /** The KMS-compatible backend bundled with the app, on 127.0.0.1. */
        BUNDLED_BACKEND
    }
}
