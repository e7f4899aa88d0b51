package dev.kmstags.local.protocol;

import java.util.Objects;

/**
 * The access key pair every request to the bundled backend must be signed with. {@link #toString()} hides the
 * secret so the pair can be logged safely.
 *
 * @param accessKey the access key ID callers name in their SigV4 credential scope
 * @param secretKey the secret the signatures are computed with
 */
public record Credentials(String accessKey, String secretKey) {

    public Credentials {
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(secretKey, "secretKey");
        if (accessKey.isBlank() || secretKey.isBlank()) {
            throw new IllegalArgumentException("access key and secret key must not be blank");
        }
    }

    @Override
    public String toString() {
        return "Credentials[accessKey=" + accessKey + ", secretKey=****]";
    }
}
