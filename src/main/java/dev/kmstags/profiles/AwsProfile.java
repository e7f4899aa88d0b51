package dev.kmstags.profiles;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * One profile of the user's AWS files, as the AWS CLI names it.
 *
 * @param name     the profile name, such as {@code default} or {@code prod-admin}
 * @param region   the profile's {@code region}, if it has one
 * @param endpoint the KMS endpoint the profile asks for ({@code services} section's {@code kms} or
 *                 {@code endpoint_url}), if any
 */
public record AwsProfile(String name, Optional<String> region, Optional<URI> endpoint) {

    public AwsProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(endpoint, "endpoint");
    }
}
