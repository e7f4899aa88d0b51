package dev.kmstags.local.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kmstags.local.KmsException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KmsInternalException;
import software.amazon.awssdk.services.kms.model.ListKeysResponse;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.kms.model.Tag;

class KmsHttpServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MISSING_KEY_MESSAGE =
            "Key 'arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' does not exist";
    private static final int ONE_MIB = 1024 * 1024;

    private static final AtomicReference<KmsRequest> lastRequest = new AtomicReference<>();
    private static final ListAppender<ILoggingEvent> handlerLog = new ListAppender<>();
    private static KmsHttpServer server;
    private static KmsClient kms;
    private static HttpClient http;

    /** A stand-in for the KMS operations: one that answers, one without output, one client error, one bug. */
    private static ObjectNode answer(KmsRequest request) {
        lastRequest.set(request);
        return switch (request.operation()) {
            case "ListKeys" -> JSON.createObjectNode().put("Truncated", false).set("Keys", JSON.createArrayNode());
            case "TagResource" -> JSON.createObjectNode();
            case "EnableKey" -> null;
            case "DescribeKey" -> throw new KmsException("NotFoundException", MISSING_KEY_MESSAGE);
            case "DisableKey" -> throw new IllegalStateException("the store fell over");
            default -> throw new KmsException("UnknownOperationException", null);
        };
    }

    @BeforeAll
    static void startServer() throws IOException {
        Logger logger = (Logger) LoggerFactory.getLogger(KmsExchangeHandler.class);
        logger.setLevel(Level.INFO);
        handlerLog.start();
        logger.addAppender(handlerLog);
        server = KmsHttpServer.start(0, TestRequest.CREDENTIALS, KmsHttpServerTest::answer, 0);
        kms = client(TestRequest.ACCESS_KEY, TestRequest.SECRET_KEY);
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    static void stopServer() {
        kms.close();
        server.close();
        ((Logger) LoggerFactory.getLogger(KmsExchangeHandler.class)).detachAppender(handlerLog);
    }

    @BeforeEach
    void forgetEarlierRequests() {
        lastRequest.set(null);
        handlerLog.list.clear();
    }

    private static KmsClient client(String accessKey, String secretKey) {
        return KmsClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(server.endpoint())
                .region(Region.EU_CENTRAL_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    private static TestRequest request(String operation) {
        return TestRequest.operation(server.endpoint(), operation);
    }

    private static HttpResponse<String> send(TestRequest request) throws IOException, InterruptedException {
        return http.send(request.toHttpRequest(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertKmsError(HttpResponse<String> response, int status, String code, String message)
            throws IOException {
        assertThat(response.statusCode()).isEqualTo(status);
        assertKmsHeaders(response);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("__type").asText()).isEqualTo(code);
        if (message == null) {
            assertThat(body.has("message")).isFalse();
        } else {
            assertThat(body.path("message").asText()).isEqualTo(message);
        }
    }

    private static void assertKmsHeaders(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.1");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).hasValueSatisfying(id ->
                assertThat(UUID.fromString(id)).isNotNull());
    }

    /** The same client (likely on the same connection) and a fresh SDK client both still get answers. */
    private static void assertStillServes() throws IOException, InterruptedException {
        assertThat(send(request("ListKeys")).statusCode()).isEqualTo(200);
        try (KmsClient fresh = client(TestRequest.ACCESS_KEY, TestRequest.SECRET_KEY)) {
            assertThat(fresh.listKeys().truncated()).isFalse();
        }
    }

    @Test
    void anOperationLeftOutOfTheSignatureIsRefusedBeforeItRuns() throws Exception {
        TestRequest tampered = request("ListKeys").withoutHeader("X-Amz-Target")
                .headerAfterSigning("X-Amz-Target", "TrentService.DisableKey");

        assertKmsError(send(tampered), 400, "InvalidSignatureException",
                "'x-amz-target' must be a 'SignedHeader' in the AWS Authorization.");
        assertThat(lastRequest.get()).isNull();
    }

    @Test
    void sdkClientListsKeysAndItsRegionReachesTheHandler() {
        ListKeysResponse keys = kms.listKeys();

        assertThat(keys.keys()).isEmpty();
        assertThat(keys.truncated()).isFalse();
        assertThat(lastRequest.get()).satisfies(request -> {
            assertThat(request.operation()).isEqualTo("ListKeys");
            assertThat(request.region()).isEqualTo("eu-central-1");
            assertThat(request.accessKeyId()).isEqualTo(TestRequest.ACCESS_KEY);
        });
    }

    @Test
    void sdkClientSendsTheRequestBodyToTheHandler() {
        kms.tagResource(r -> r.keyId("1234abcd-12ab-34cd-56ef-1234567890ab")
                .tags(Tag.builder().tagKey("team").tagValue("payments").build()));

        ObjectNode body = lastRequest.get().body();
        assertThat(body.path("KeyId").asText()).isEqualTo("1234abcd-12ab-34cd-56ef-1234567890ab");
        assertThat(body.path("Tags").get(0).path("TagKey").asText()).isEqualTo("team");
        assertThat(body.path("Tags").get(0).path("TagValue").asText()).isEqualTo("payments");
    }

    @Test
    void handlerErrorReachesTheSdkWithItsCodeMessageAndStatus400() {
        NotFoundException e = catchThrowableOfType(NotFoundException.class, () -> kms.describeKey(r -> r.keyId("x")));

        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotFoundException");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(MISSING_KEY_MESSAGE);
        assertThat(e.statusCode()).isEqualTo(400);
    }

    @Test
    void unexpectedHandlerFailureBecomesKmsInternalException500AndIsLoggedOnce() {
        KmsInternalException e = catchThrowableOfType(KmsInternalException.class,
                () -> kms.disableKey(r -> r.keyId("1234abcd-12ab-34cd-56ef-1234567890ab")));

        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("KMSInternalException");
        assertThat(e.statusCode()).isEqualTo(500);
        assertThat(handlerLog.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getThrowableProxy().getMessage()).isEqualTo("the store fell over");
        });
    }

    @Test
    void operationWithoutOutputAnswersAnEmptyObject() throws Exception {
        HttpResponse<String> tagged = send(request("TagResource"));
        HttpResponse<String> enabled = send(request("EnableKey"));

        assertThat(tagged.statusCode()).isEqualTo(200);
        assertKmsHeaders(tagged);
        assertThat(tagged.body()).isEqualTo("{}");
        assertThat(enabled.body()).isEqualTo("{}");
    }

    @Test
    void everyAnswerCarriesItsOwnRequestId() throws Exception {
        String first = send(request("ListKeys")).headers().firstValue("x-amzn-RequestId").orElseThrow();
        String second = send(request("ListKeys")).headers().firstValue("x-amzn-RequestId").orElseThrow();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void wrongSecretIsRejectedWithInvalidSignature() {
        try (KmsClient wrongSecret = client(TestRequest.ACCESS_KEY, "not-the-secret")) {
            AwsServiceException e = catchThrowableOfType(AwsServiceException.class, wrongSecret::listKeys);

            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(lastRequest.get()).isNull();
        }
    }

    @Test
    void unknownAccessKeyIsRejectedAsUnrecognizedClient() {
        try (KmsClient stranger = client("AKIDSOMEONEELSE", TestRequest.SECRET_KEY)) {
            AwsServiceException e = catchThrowableOfType(AwsServiceException.class, stranger::listKeys);

            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
            assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo("The security token included in the request is invalid.");
            assertThat(e.statusCode()).isEqualTo(400);
        }
    }

    @Test
    void missingAuthorizationIsRejectedWithMissingAuthenticationToken() throws Exception {
        assertKmsError(send(request("ListKeys").unsigned()), 400,
                "MissingAuthenticationTokenException", "Missing Authentication Token");
        assertThat(lastRequest.get()).isNull();
    }

    @Test
    void requestSignedTenMinutesAgoIsRejectedAsExpired() throws Exception {
        Clock tenMinutesAgo = Clock.fixed(Instant.now().minus(Duration.ofMinutes(10)), ZoneOffset.UTC);

        HttpResponse<String> response = send(request("ListKeys").clock(tenMinutesAgo));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("__type").asText()).isEqualTo("InvalidSignatureException");
        assertThat(JSON.readTree(response.body()).path("message").asText())
                .startsWith("Signature expired: ").endsWith(" - 5 min.)");
    }

    @Test
    void credentialScopedToAnotherServiceIsRejected() throws Exception {
        assertKmsError(send(request("ListKeys").service("dynamodb")), 400,
                "InvalidSignatureException", "Credential should be scoped to correct service: 'kms'. ");
    }

    @Test
    void malformedJsonIsRejectedWithSerializationException() throws Exception {
        HttpResponse<String> response = send(request("ListKeys").body("{\"Limit\": 10,"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("__type").asText()).isEqualTo("SerializationException");
        assertThat(lastRequest.get()).isNull();
        assertStillServes();
    }

    @Test
    void dataAfterTheJsonObjectIsRejectedWithSerializationException() throws Exception {
        HttpResponse<String> response = send(request("ListKeys").body("{} {\"Limit\": 10}"));

        assertThat(JSON.readTree(response.body()).path("__type").asText()).isEqualTo("SerializationException");
    }

    @Test
    void jsonArrayBodyIsRejectedWithSerializationException() throws Exception {
        assertKmsError(send(request("ListKeys").body("[{\"Limit\": 10}]")), 400,
                "SerializationException", "The request body must be a JSON object");
        assertStillServes();
    }

    @Test
    void emptyBodyCountsAsAnEmptyObject() throws Exception {
        HttpResponse<String> response = send(request("ListKeys").body(""));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(lastRequest.get().body().isEmpty()).isTrue();
    }

    @Test
    void wrongContentTypeIsRejectedAsUnknownOperation() throws Exception {
        assertKmsError(send(request("ListKeys").header("Content-Type", "text/plain")), 400,
                "UnknownOperationException", "Content-Type must be application/x-amz-json-1.1, not 'text/plain'");
        assertStillServes();
    }

    @Test
    void plainJsonContentTypeWithCharsetIsAccepted() throws Exception {
        assertThat(send(request("ListKeys").header("Content-Type", "application/json; charset=utf-8")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void missingTargetIsRejectedAsUnknownOperation() throws Exception {
        assertKmsError(send(request("ListKeys").withoutHeader("X-Amz-Target")), 400,
                "UnknownOperationException", null);
        assertStillServes();
    }

    @Test
    void targetOfAnotherServiceIsRejectedAsUnknownOperation() throws Exception {
        assertKmsError(send(request("ListKeys").header("X-Amz-Target", "DynamoDB_20120810.ListTables")), 400,
                "UnknownOperationException", null);
        assertStillServes();
    }

    @Test
    void operationUnknownToTheHandlerGetsTheHandlersAnswer() throws Exception {
        assertKmsError(send(request("Frobnicate")), 400, "UnknownOperationException", null);
        assertThat(lastRequest.get().operation()).isEqualTo("Frobnicate");
    }

    @Test
    void getIsRejectedAsUnknownOperation() throws Exception {
        assertKmsError(send(request("ListKeys").method("GET").body("")), 400,
                "UnknownOperationException", "KMS answers only POST /, not GET /");
        assertStillServes();
    }

    @Test
    void otherPathIsRejectedAsUnknownOperation() throws Exception {
        TestRequest otherPath = TestRequest.operation(server.endpoint().resolve("/keys"), "ListKeys");

        assertKmsError(send(otherPath), 400, "UnknownOperationException", "KMS answers only POST /, not POST /keys");
        assertStillServes();
    }

    @Test
    void bodyOfExactlyOneMebibyteIsAccepted() throws Exception {
        String prefix = "{\"Pad\":\"";
        String suffix = "\"}";
        String body = prefix + "x".repeat(ONE_MIB - prefix.length() - suffix.length()) + suffix;

        assertThat(send(request("ListKeys").body(body)).statusCode()).isEqualTo(200);
        assertThat(lastRequest.get().body().path("Pad").asText()).hasSize(ONE_MIB - 10);
    }

    @Test
    void bodyAnnouncedOverOneMebibyteIsRefusedUnreadAndTheConnectionClosed() throws Exception {
        try (Socket socket = new Socket(server.endpoint().getHost(), server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            // Announces 2 MiB but sends a few bytes: an answer can only come if the server does not wait for the rest.
            out.write(("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.1\r\n"
                    + "X-Amz-Target: TrentService.ListKeys\r\nContent-Length: " + 2 * ONE_MIB + "\r\n\r\n{\"Pad\":\"")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();

            RawHttpResponse response = RawHttpResponse.read(in);

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.headers()).containsEntry("content-type", "application/x-amz-json-1.1")
                    .containsEntry("connection", "close");
            JsonNode error = JSON.readTree(response.body());
            assertThat(error.path("__type").asText()).isEqualTo("ValidationException");
            assertThat(error.path("message").asText()).isEqualTo("The request body is 2097152 bytes;"
                    + " this server accepts request bodies of at most 1048576 bytes.");
            assertThat(in.read()).as("the server closed the connection").isEqualTo(-1);
        }
        assertThat(lastRequest.get()).isNull();
        assertStillServes();
    }

    @Test
    void chunkedBodyOverOneMebibyteIsRefusedAtTheLimitAndTheConnectionClosed() throws Exception {
        try (Socket socket = new Socket(server.endpoint().getHost(), server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.1\r\n"
                    + "X-Amz-Target: TrentService.ListKeys\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            // Exactly one byte past the limit and no closing chunk: the server must stop reading there.
            byte[] chunk = new byte[64 * 1024];
            for (int i = 0; i < ONE_MIB / chunk.length; i++) {
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.write("1\r\nx\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();

            RawHttpResponse response = RawHttpResponse.read(in);

            assertThat(response.status()).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).path("__type").asText()).isEqualTo("ValidationException");
            assertThat(in.read()).as("the server closed the connection").isEqualTo(-1);
        }
        assertStillServes();
    }

    /**
     * Messages no HTTP client sends, whose end the server cannot know: the HTTP server refuses them before they
     * reach the KMS protocol, with one line of plain text that names nothing of the server's insides, and closes the
     * connection; nothing reaches the operations.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a broken request line      | 400 | GARBAGE\\r\\n\\r\\n",
        "an unreadable length       | 400 | POST / HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: abc\\r\\n\\r\\n",
        "two different lengths      | 400 | POST / HTTP/1.1\\r\\nContent-Length: 2\\r\\nContent-Length: 3\\r\\n\\r\\n",
        "a header line without name | 400 | POST / HTTP/1.1\\r\\nHost: x\\r\\nno-colon here\\r\\n\\r\\n",
        "a transfer coding it lacks | 400 | POST / HTTP/1.1\\r\\nHost: x\\r\\nTransfer-Encoding: gzip\\r\\n\\r\\n",
    })
    void messageThatIsNotHttpIsRefusedBeforeKmsAndTheConnectionClosed(String what, int status, String message)
            throws Exception {
        try (Socket socket = new Socket(server.endpoint().getHost(), server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(message.replace("\\r\\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();

            RawHttpResponse response = RawHttpResponse.read(in);

            assertThat(response.status()).isEqualTo(status);
            assertThat(response.headers()).containsEntry("content-type", "text/plain; charset=us-ascii");
            assertThat(response.body()).isEqualTo(status + " Bad Request\n");
            assertThat(in.read()).as("the server closed the connection").isEqualTo(-1);
        }
        assertThat(lastRequest.get()).isNull();
        assertStillServes();
    }

    @Test
    void manyClientsWaitingOnLatencyAreAllAnswered() throws Exception {
        try (KmsHttpServer slow = KmsHttpServer.start(0, TestRequest.CREDENTIALS, KmsHttpServerTest::answer, 100)) {
            List<CompletableFuture<HttpResponse<String>>> responses = IntStream.range(0, 64)
                    .mapToObj(i -> http.sendAsync(TestRequest.operation(slow.endpoint(), "ListKeys").toHttpRequest(),
                            HttpResponse.BodyHandlers.ofString()))
                    .toList();

            assertThat(responses).allSatisfy(response -> assertThat(response.get().statusCode()).isEqualTo(200));
        }
    }

    @Test
    void endpointIsLoopbackWithTheBoundPort() {
        assertThat(server.endpoint()).isEqualTo(URI.create("http://127.0.0.1:" + server.port()));
        assertThat(server.port()).isPositive();
    }
}
