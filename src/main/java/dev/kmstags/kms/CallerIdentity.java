package dev.kmstags.kms;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/** Asks STS whose credentials a connection signs with, for the account ID when no key ARN shows it. */
final class CallerIdentity {

    private static final Logger LOG = LoggerFactory.getLogger(CallerIdentity.class);

    private CallerIdentity() {
    }

    /**
     * The account of {@code credentials}, from GetCallerIdentity in {@code connection}'s region. Only for AWS's
     * own endpoints: a connection to another KMS endpoint (LocalStack, the bundled backend) has no STS beside it
     * that answers for the same account, so it is not asked.
     */
    static Optional<String> accountId(KmsConnection connection, AwsCredentialsProvider credentials) {
        if (connection.endpoint() != null) {
            return Optional.empty();
        }
        try (StsClient sts = StsClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(connection.region()))
                .credentialsProvider(credentials)
                .build()) {
            return Optional.ofNullable(sts.getCallerIdentity().account());
        } catch (SdkException e) {
            LOG.info("Could not ask STS for the account of {}: {}", connection, e.getMessage());
            return Optional.empty();
        }
    }
}
