package dev.kmstags.kms;

import dev.kmstags.profiles.AwsConfigFiles;
import java.util.Objects;
import java.util.Optional;

/** Whose credentials a connection signs with. */
public sealed interface KmsCredentials {

    /**
     * Keys given as they are, such as the bundled backend's or the environment's.
     *
     * @param sessionToken the token of temporary credentials, if any
     */
    record StaticKeys(String accessKeyId, String secretAccessKey, Optional<String> sessionToken)
            implements KmsCredentials {

        public StaticKeys {
            Objects.requireNonNull(accessKeyId, "accessKeyId");
            Objects.requireNonNull(secretAccessKey, "secretAccessKey");
            Objects.requireNonNull(sessionToken, "sessionToken");
        }

        /** Leaves the secret and the token out, so the keys can be logged. */
        @Override
        public String toString() {
            return "StaticKeys[" + accessKeyId + "]";
        }
    }

    /**
     * Whatever the profile {@code name} of {@code files} asks for, resolved by the SDK's profile credentials
     * provider: static keys, a session token, assume-role, IAM Identity Center or credential_process.
     */
    record Profile(String name, AwsConfigFiles files) implements KmsCredentials {

        public Profile {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(files, "files");
        }
    }
}
