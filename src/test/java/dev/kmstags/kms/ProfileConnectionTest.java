package dev.kmstags.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmstags.domain.KeySummary;
import dev.kmstags.local.BackendOptions;
import dev.kmstags.local.LocalKmsBackend;
import dev.kmstags.profiles.AwsConfigFiles;
import dev.kmstags.profiles.AwsEnvironment;
import dev.kmstags.profiles.AwsSetup;
import dev.kmstags.profiles.ConnectionTarget;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Profiles of a temporary config, end to end through the SDK's own profile credentials provider: their
 * endpoint_url points at bundled backends started with the profiles' credentials.
 */
class ProfileConnectionTest {

    @TempDir
    static Path folder;

    private static LocalKmsBackend demo;
    private static LocalKmsBackend other;
    private static AwsSetup setup;
    private static int deadPort;

    @BeforeAll
    static void start() throws IOException {
        demo = LocalKmsBackend.start(BackendOptions.defaults(folder.resolve("demo.db")).withPort(0)
                .withCredentials("AKIADEMO", "demo-secret"));
        other = LocalKmsBackend.start(BackendOptions.defaults(folder.resolve("other.db")).withPort(0).withSeed(false)
                .withCredentials("AKIAOTHER", "other-secret"));
        try (KmsClients.Opened opened = KmsClients.open(KmsConnection.bundledBackend(other.endpoint(), "eu-west-1",
                "AKIAOTHER", "other-secret"))) {
            opened.client().createKey(b -> b.description("the other account's key"));
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        Path config = Files.writeString(folder.resolve("config"), """
                [profile demo]
                region = us-east-1
                endpoint_url = %1$s

                [profile other]
                region = eu-west-1
                services = other-kms

                [services other-kms]
                kms =
                  endpoint_url = %2$s

                [profile helper]
                region = eu-west-1
                endpoint_url = %2$s
                credential_process = sh -c "printf '{\\"Version\\": 1, \\"AccessKeyId\\": \\"AKIAOTHER\\", \\"SecretAccessKey\\": \\"other-secret\\"}'"

                [profile wrong-secret]
                endpoint_url = %1$s

                [profile session]
                endpoint_url = %1$s

                [profile no-credentials]
                endpoint_url = %1$s

                [profile dead]
                endpoint_url = http://127.0.0.1:%3$d

                """.formatted(demo.endpoint(), other.endpoint(), deadPort));
        Path credentials = Files.writeString(folder.resolve("credentials"), """
                [demo]
                aws_access_key_id = AKIADEMO
                aws_secret_access_key = demo-secret

                [other]
                aws_access_key_id = AKIAOTHER
                aws_secret_access_key = other-secret

                [wrong-secret]
                aws_access_key_id = AKIADEMO
                aws_secret_access_key = not-the-secret

                [session]
                aws_access_key_id = AKIADEMO
                aws_secret_access_key = demo-secret
                aws_session_token = FwoGZXIvYXdzEXAMPLETOKEN

                [dead]
                aws_access_key_id = AKIADEMO
                aws_secret_access_key = demo-secret
                """);
        setup = AwsSetup.read(new AwsEnvironment(Map.of("AWS_CONFIG_FILE", config.toString(),
                "AWS_SHARED_CREDENTIALS_FILE", credentials.toString())), folder);
    }

    @AfterAll
    static void stop() {
        demo.close();
        other.close();
    }

    private static KmsConnection connection(String profile, String region) {
        ConnectionTarget target = ConnectionTarget.profile(profile);
        return KmsConnection.profile(profile, setup.files(), setup.kmsEndpoint(target), region);
    }

    private static List<KeySummary> keys(String profile, String region) {
        try (KmsSession session = KmsSession.open(connection(profile, region))) {
            List<KeySummary> keys = new ArrayList<>();
            session.keyCatalog().listKeys(keys::addAll);
            return keys;
        }
    }

    private static KmsAccessException failure(String profile) {
        try (KmsSession session = KmsSession.open(connection(profile, "us-east-1"))) {
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                    () -> session.keyCatalog().listKeys(batch -> { }));
            assertThat(thrown).isInstanceOf(KmsAccessException.class);
            return (KmsAccessException) thrown;
        }
    }

    @Test
    void eachProfileAndRegionShowsItsOwnKeys() {
        assertThat(keys("demo", "us-east-1")).hasSize(12)
                .anyMatch(key -> key.aliases().contains("alias/payments-prod"));
        assertThat(keys("demo", "eu-west-1")).noneMatch(key -> key.aliases().contains("alias/payments-prod"))
                .anyMatch(key -> key.aliases().contains("alias/payments-eu"));
        assertThat(keys("other", "eu-west-1")).extracting(KeySummary::description)
                .containsExactly("the other account's key");
        assertThat(keys("other", "us-east-1")).isEmpty();
    }

    @Test
    void sessionTokenProfilesSignWithTheirToken() {
        assertThat(keys("session", "us-east-1")).hasSize(12);
    }

    @Test
    void credentialProcessProfilesSignWithWhatTheProcessPrints() {
        assertThat(keys("helper", "eu-west-1")).extracting(KeySummary::description)
                .containsExactly("the other account's key");
    }

    @Test
    void aWrongSecretGivesTheCredentialsMessage() {
        KmsAccessException e = failure("wrong-secret");

        assertThat(e.problem()).isEqualTo(KmsProblem.INVALID_CREDENTIALS);
        assertThat(e.getMessage()).startsWith("KMS rejected the credentials of profile wrong-secret (")
                .endsWith("Check its access key and secret key, or choose another connection.");
    }

    @Test
    void aProfileWithoutCredentialsSaysSo() {
        KmsAccessException e = failure("no-credentials");

        assertThat(e.problem()).isEqualTo(KmsProblem.CREDENTIALS_MISSING);
        assertThat(e.getMessage()).startsWith("No AWS credentials were found for profile no-credentials");
    }

    @Test
    void aDeadEndpointGivesTheConnectionMessage() {
        KmsAccessException e = failure("dead");

        assertThat(e.problem()).isEqualTo(KmsProblem.CONNECTION_REFUSED);
        assertThat(e.getMessage()).startsWith("Could not connect to KMS at http://127.0.0.1:" + deadPort);
    }

    @Test
    void aProfileThatMayNotListKeysIsToldWhichPermissionsToAskFor() {
        demo.faults().fail("ListKeys", 1, "AccessDeniedException", "User: arn:aws:iam::111122223333:user/demo is "
                + "not authorized to perform: kms:ListKeys on resource: *");
        try {
            KmsAccessException e = failure("demo");

            assertThat(e.problem()).isEqualTo(KmsProblem.ACCESS_DENIED);
            assertThat(e.getMessage()).isEqualTo("Access denied: these credentials may not list the keys in "
                    + "us-east-1. Ask an administrator for kms:ListKeys; kms:ListAliases, kms:DescribeKey and "
                    + "kms:ListResourceTags show them whole.");
        } finally {
            demo.faults().clear();
        }
    }

    @Test
    void aRegionWithoutKmsIsNamedBeforeAnyCall() {
        KmsConnection nowhere = KmsConnection.profile("demo", setup.files(), java.util.Optional.empty(),
                "xx-nowhere-1");

        assertThatThrownBy(() -> KmsSession.open(nowhere)).isInstanceOfSatisfying(KmsAccessException.class, e -> {
            assertThat(e.problem()).isEqualTo(KmsProblem.UNKNOWN_REGION);
            assertThat(e.getMessage()).isEqualTo("AWS has no KMS region xx-nowhere-1. Choose a region from the "
                    + "Region menu, or fix the profile's region.");
        });
    }

    @Test
    void theBundledBackendStillSignsWithStaticKeys() {
        KmsConnection bundled = KmsConnection.bundledBackend(demo.endpoint(), "us-east-1", "AKIADEMO", "demo-secret");
        assertThat(bundled.endpointText()).isEqualTo(demo.endpoint().toString());
        assertThat(KmsConnection.profile("p", new AwsConfigFiles(folder, folder), java.util.Optional.empty(),
                "eu-west-1").endpointText()).isEqualTo("https://kms.eu-west-1.amazonaws.com");
    }
}
