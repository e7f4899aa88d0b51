package dev.kmstags.local.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kmstags.local.BackendOptions;
import dev.kmstags.local.LocalKmsBackend;
import dev.kmstags.local.quota.RequestQuotas;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.Tag;

/** {@code --quotas}: the backend throttles like KMS on the wire, and the SDK's standard retries get through. */
class ThrottlingOverHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    private LocalKmsBackend start(RequestQuotas quotas) throws Exception {
        return LocalKmsBackend.start(BackendOptions.defaults(directory.resolve("kms.db")).withPort(0).withSeed(false)
                .withCredentials(TestRequest.ACCESS_KEY, TestRequest.SECRET_KEY).withQuotas(quotas));
    }

    private static KmsClient client(LocalKmsBackend backend, Region region, ExecutionInterceptor interceptor,
                                    int maxAttempts) {
        return KmsClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(backend.endpoint())
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(TestRequest.ACCESS_KEY, TestRequest.SECRET_KEY)))
                .overrideConfiguration(c -> c.addExecutionInterceptor(interceptor)
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(maxAttempts).build()))
                .build();
    }

    private static HttpResponse<String> tag(LocalKmsBackend backend, HttpClient http, String keyId, String region,
                                            String operation) throws Exception {
        String body = operation.equals("TagResource")
                ? "{\"KeyId\":\"" + keyId + "\",\"Tags\":[{\"TagKey\":\"k\",\"TagValue\":\"v\"}]}"
                : "{\"KeyId\":\"" + keyId + "\",\"TagKeys\":[\"k\"]}";
        TestRequest request = TestRequest.operation(backend.endpoint(), operation).region(region).body(body);
        return http.send(request.toHttpRequest(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void overTheQuotaTheWireCarriesKmsThrottlingExceptionAndOtherBucketsStillServe() throws Exception {
        // One request per 1,000 seconds: the second one within the test is always over the quota.
        Path file = Files.writeString(directory.resolve("quotas.properties"), "TagResource=0.001\n");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (LocalKmsBackend backend = start(RequestQuotas.fromFile(file));
             KmsClient kms = client(backend, Region.EU_CENTRAL_1, new ExecutionInterceptor() { }, 1);
             KmsClient otherRegion = client(backend, Region.US_EAST_1, new ExecutionInterceptor() { }, 1)) {
            String keyId = kms.createKey(b -> b.description("throttled")).keyMetadata().keyId();
            String otherRegionKey = otherRegion.createKey(b -> b.description("other region")).keyMetadata().keyId();

            assertThat(tag(backend, http, keyId, "eu-central-1", "TagResource").statusCode()).isEqualTo(200);
            HttpResponse<String> refused = tag(backend, http, keyId, "eu-central-1", "TagResource");

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.1");
            JsonNode body = JSON.readTree(refused.body());
            assertThat(body.path("__type").asText()).isEqualTo("ThrottlingException");
            assertThat(body.path("message").asText()).isEqualTo(
                    "You have exceeded the rate at which you may call KMS. Reduce the frequency of your calls.");
            assertThat(body.size()).isEqualTo(2);
            assertThat(tag(backend, http, otherRegionKey, "us-east-1", "TagResource").statusCode()).isEqualTo(200);
            assertThat(tag(backend, http, keyId, "eu-central-1", "UntagResource").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void theSdksStandardRetriesGetABurstOfTagCallsThroughAQuota() throws Exception {
        AtomicInteger throttled = new AtomicInteger();
        ExecutionInterceptor countThrottled = new ExecutionInterceptor() {
            @Override
            public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
                if (context.httpResponse().statusCode() == 400) {
                    throttled.incrementAndGet();
                }
            }
        };
        // A quota of 2 per second, so that even a client slowed down by a busy machine goes over it: at AWS's 10 per
        // second, a client making fewer than 10 calls a second is never throttled. The standard mode's backoff and
        // retry rules, with attempts enough that the burst never runs out of them by chance.
        Path quotasFile = Files.writeString(directory.resolve("quotas.properties"), "TagResource = 2\n");
        try (LocalKmsBackend backend = start(RequestQuotas.fromFile(quotasFile));
             KmsClient kms = client(backend, Region.EU_CENTRAL_1, countThrottled, 10)) {
            String keyId = kms.createKey(b -> b.description("burst")).keyMetadata().keyId();

            for (int i = 0; i < 12; i++) {
                String key = "burst-" + i;
                kms.tagResource(b -> b.keyId(keyId).tags(Tag.builder().tagKey(key).tagValue("v").build()));
            }

            assertThat(throttled.get()).isPositive();
            int stored = 0;
            String marker = null;
            do {
                String page = marker;
                var response = kms.listResourceTags(b -> b.keyId(keyId).marker(page));
                stored += response.tags().size();
                marker = response.truncated() ? response.nextMarker() : null;
            } while (marker != null);
            assertThat(stored).isEqualTo(12);
        }
    }
}
