package dev.kmstags.kms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * Asks AWS Organizations for the account's effective tag policy ({@code DescribeEffectivePolicy}, policy type
 * {@code TAG_POLICY}). Organizations has one endpoint, in us-east-1, and requests are signed for service
 * {@code organizations} there; a connection with an endpoint of its own (the bundled backend) is asked at that
 * endpoint. The call is made with the SDK's SigV4 signer and HTTP client: the SDK's Organizations client is not
 * published for the SDK version the app uses.
 */
final class OrganizationsTagPolicy {

    static final URI AWS_ENDPOINT = URI.create("https://organizations.us-east-1.amazonaws.com");
    static final String SIGNING_REGION = "us-east-1";
    static final String SIGNING_NAME = "organizations";
    static final String TARGET = "AWSOrganizationsV20161128.DescribeEffectivePolicy";
    private static final byte[] REQUEST = "{\"PolicyType\":\"TAG_POLICY\"}".getBytes(StandardCharsets.UTF_8);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(OrganizationsTagPolicy.class);

    private OrganizationsTagPolicy() {
    }

    /** The effective tag policy of the account of {@code credentials}. May take seconds: not on the UI thread. */
    static EffectiveTagPolicy read(KmsConnection connection, AwsCredentialsProvider credentials) {
        URI endpoint = connection.endpoint() != null ? connection.endpoint() : AWS_ENDPOINT;
        try (SdkHttpClient http = UrlConnectionHttpClient.builder().connectionTimeout(TIMEOUT)
                .socketTimeout(TIMEOUT).build()) {
            SdkHttpFullRequest request = SdkHttpFullRequest.builder()
                    .method(SdkHttpMethod.POST)
                    .uri(endpoint.resolve("/"))
                    .putHeader("Content-Type", "application/x-amz-json-1.1")
                    .putHeader("X-Amz-Target", TARGET)
                    .build();
            SignedRequest signed = AwsV4HttpSigner.create().sign(sign -> sign
                    .identity(credentials.resolveCredentials())
                    .request(request)
                    .payload(ContentStreamProvider.fromByteArray(REQUEST))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SIGNING_NAME)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, SIGNING_REGION));
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                    .request(signed.request())
                    .contentStreamProvider(signed.payload().orElse(null))
                    .build()).call();
            JsonNode body = body(response);
            int status = response.httpResponse().statusCode();
            return status == 200 ? found(body) : error(status, body);
        } catch (IOException | UncheckedIOException | SdkException e) {
            LOG.info("Could not ask Organizations for the tag policy of {}: {}", connection, e.toString());
            return new EffectiveTagPolicy.Failed(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /**
     * The answer's JSON; empty when there is none or it is no JSON (a server without Organizations, such as
     * moto_server, answers an HTML page), so that its status decides.
     */
    private static JsonNode body(HttpExecuteResponse response) throws IOException {
        if (response.responseBody().isEmpty()) {
            return JSON.createObjectNode();
        }
        try (InputStream in = response.responseBody().get()) {
            byte[] bytes = in.readAllBytes();
            return bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
        } catch (JsonProcessingException notJson) {
            return JSON.createObjectNode();
        }
    }

    private static EffectiveTagPolicy found(JsonNode body) {
        JsonNode content = body.path("EffectivePolicy").path("PolicyContent");
        return content.isTextual() ? new EffectiveTagPolicy.Found(content.asText())
                : new EffectiveTagPolicy.Failed("The answer holds no PolicyContent.");
    }

    /** AWS JSON errors name their type in {@code __type}, perhaps after a namespace and {@code #}. */
    private static EffectiveTagPolicy error(int status, JsonNode body) {
        String type = body.path("__type").asText("");
        type = type.substring(type.lastIndexOf('#') + 1);
        String message = body.path("message").asText(body.path("Message").asText(""));
        String detail = type.isEmpty() ? "HTTP " + status : type + (message.isEmpty() ? "" : ": " + message);
        return switch (type) {
            case "EffectivePolicyNotFoundException", "AWSOrganizationsNotInUseException" ->
                    new EffectiveTagPolicy.None();
            case "AccessDeniedException", "AccessDenied" -> new EffectiveTagPolicy.NotAllowed(detail);
            default -> new EffectiveTagPolicy.Failed(detail);
        };
    }
}
