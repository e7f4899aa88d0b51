package dev.kmstags.kms;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/** Builds the one {@link KmsClient} a connection uses. The caller owns it and closes it on shutdown. */
public final class KmsClients {

    /** Long enough for a slow network, short enough that a dead endpoint is reported while the user waits. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private KmsClients() {
    }

    /** A client for {@code connection}: its endpoint, region and static credentials, on the small URLConnection HTTP client. */
    public static KmsClient create(KmsConnection connection) {
        return KmsClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(READ_TIMEOUT))
                .endpointOverride(connection.endpoint())
                .region(Region.of(connection.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(connection.accessKeyId(), connection.secretAccessKey())))
                .build();
    }
}
