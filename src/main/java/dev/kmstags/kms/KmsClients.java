package dev.kmstags.kms;

import dev.kmstags.profiles.KmsRegions;
import java.io.InputStream;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.IamClientBuilder;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.KmsClientBuilder;

/**
 * Builds the one {@link KmsClient} a connection uses, and the provider of its credentials. The caller owns both
 * and closes them when the connection ends.
 */
public final class KmsClients {

    /** Long enough for a slow network, short enough that a dead endpoint is reported while the user waits. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private KmsClients() {
    }

    /**
     * A client for {@code connection}: its endpoint (AWS's own when it has none), region and credentials, on the
     * small URLConnection HTTP client. Closing the result closes the client and the credentials provider.
     *
     * @throws dev.kmstags.profiles.AwsConfigException when a profile's files cannot be read
     * @throws KmsAccessException when AWS has no KMS in the region (and no endpoint of its own is set)
     */
    public static Opened open(KmsConnection connection) {
        if (connection.endpoint() == null && !KmsRegions.isKnown(connection.region())) {
            // Said at once, rather than as a host name that does not resolve after a DNS timeout.
            throw KmsErrors.unknownRegion(connection);
        }
        // Only the connection's own profile may configure the client: without this the SDK would read the
        // default profile (AWS_PROFILE) and could send a profile without endpoint_url to another's endpoint.
        ProfileFile settings = settings(connection);
        String profileName = profileName(connection);
        AwsCredentialsProvider credentials = credentialsProvider(connection, settings);
        KmsClientBuilder builder = KmsClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(READ_TIMEOUT))
                .region(Region.of(connection.region()))
                .credentialsProvider(credentials)
                .overrideConfiguration(override -> override.defaultProfileFile(settings)
                        .defaultProfileName(profileName));
        if (connection.endpoint() != null) {
            builder.endpointOverride(connection.endpoint());
        }
        return new Opened(builder.build(), credentials);
    }

    /**
     * An IAM client for {@code connection}'s account, signing with {@code credentials} (the connection's own
     * provider, which the caller keeps open): AWS's global IAM endpoint, or the connection's endpoint when it has one
     * (the bundled backend answers IAM there too). The caller closes it.
     */
    public static IamClient iam(KmsConnection connection, AwsCredentialsProvider credentials) {
        ProfileFile settings = settings(connection);
        IamClientBuilder builder = IamClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(READ_TIMEOUT))
                // IAM is global: its endpoint rules send any region of a partition to the partition's IAM.
                .region(Region.of(connection.region()))
                .credentialsProvider(credentials)
                .overrideConfiguration(override -> override.defaultProfileFile(settings)
                        .defaultProfileName(profileName(connection)));
        if (connection.endpoint() != null) {
            builder.endpointOverride(connection.endpoint());
        }
        return builder.build();
    }

    private static ProfileFile settings(KmsConnection connection) {
        return connection.credentials() instanceof KmsCredentials.Profile profile
                ? profile.files().load()
                : ProfileFile.builder().content(InputStream.nullInputStream()).type(ProfileFile.Type.CONFIGURATION)
                        .build();
    }

    private static String profileName(KmsConnection connection) {
        return connection.credentials() instanceof KmsCredentials.Profile profile ? profile.name() : "default";
    }

    /**
     * A client for {@code connection}; the caller closes it. Prefer {@link #open}, which also closes the
     * credentials.
     */
    public static KmsClient create(KmsConnection connection) {
        return open(connection).client();
    }

    /**
     * Where {@code connection}'s credentials come from. For a profile it is the SDK's own provider, which
     * resolves the credentials (assume-role, IAM Identity Center, credential_process, ...) on the first call.
     */
    private static AwsCredentialsProvider credentialsProvider(KmsConnection connection, ProfileFile settings) {
        if (connection.credentials() instanceof KmsCredentials.Profile profile) {
            return ProfileCredentialsProvider.builder().profileFile(settings).profileName(profile.name()).build();
        }
        KmsCredentials.StaticKeys keys = (KmsCredentials.StaticKeys) connection.credentials();
        AwsCredentials credentials = keys.sessionToken()
                .<AwsCredentials>map(token -> AwsSessionCredentials.create(keys.accessKeyId(), keys.secretAccessKey(),
                        token))
                .orElseGet(() -> AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey()));
        return StaticCredentialsProvider.create(credentials);
    }

    /** A client and the credentials provider it signs with. */
    public record Opened(KmsClient client, AwsCredentialsProvider credentials) implements AutoCloseable {

        @Override
        public void close() {
            try {
                client.close();
            } finally {
                if (credentials instanceof AutoCloseable closeable) {
                    try {
                        closeable.close();
                    } catch (Exception e) {
                        throw new IllegalStateException("Could not close the credentials provider", e);
                    }
                }
            }
        }
    }
}
