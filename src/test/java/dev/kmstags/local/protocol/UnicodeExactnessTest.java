package dev.kmstags.local.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kmstags.local.BackendOptions;
import dev.kmstags.local.LocalKmsBackend;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.Tag;

/**
 * What the bundled backend acknowledges is exactly what it stores: text that is not valid Unicode is refused (bytes
 * that are not UTF-8, lone surrogates sent as JSON escapes), and every valid string reads back byte for byte,
 * through raw HTTP and through the SDK.
 */
class UnicodeExactnessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path directory;

    private static LocalKmsBackend backend;
    private static KmsClient kms;
    private static HttpClient http;
    private String keyId;

    @BeforeAll
    static void start() throws IOException {
        backend = LocalKmsBackend.start(BackendOptions.defaults(directory.resolve("kms.db")).withPort(0)
                .withSeed(false).withCredentials(TestRequest.ACCESS_KEY, TestRequest.SECRET_KEY));
        kms = KmsClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(backend.endpoint())
                .region(Region.EU_CENTRAL_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(TestRequest.ACCESS_KEY, TestRequest.SECRET_KEY)))
                .build();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    static void stop() {
        kms.close();
        backend.close();
    }

    @BeforeEach
    void createKey() {
        keyId = kms.createKey(b -> b.description("unicode")).keyMetadata().keyId();
    }

    private static HttpResponse<byte[]> send(String operation, byte[] body) throws Exception {
        TestRequest request = TestRequest.operation(backend.endpoint(), operation).region("eu-central-1").body(body);
        return http.send(request.toHttpRequest(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> send(String operation, String json) throws Exception {
        return send(operation, json.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertError(HttpResponse<byte[]> response, String code, String message) throws IOException {
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("__type").asText()).isEqualTo(code);
        assertThat(body.path("message").asText()).isEqualTo(message);
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
    }

    private Map<String, String> storedTags() {
        Map<String, String> tags = new LinkedHashMap<>();
        kms.listResourceTags(b -> b.keyId(keyId)).tags().forEach(tag -> tags.put(tag.tagKey(), tag.tagValue()));
        return tags;
    }

    private static byte[] concat(String before, byte[] middle, String after) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(middle);
        bytes.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    @Test
    void tagKeysWithLoneSurrogatesAreRefusedAndNothingIsStored() throws Exception {
        HttpResponse<byte[]> response = send("TagResource", "{\"KeyId\":\"" + keyId + "\",\"Tags\":["
                + "{\"TagKey\":\"d\\ud800\",\"TagValue\":\"1\"},{\"TagKey\":\"d\\ud801\",\"TagValue\":\"2\"}]}");

        assertError(response, "ValidationException", "2 validation errors detected: "
                + "Value 'd\\uD800' at 'tags.1.member.tagKey' failed to satisfy constraint: "
                + "Member must be valid Unicode text, without unpaired surrogates; "
                + "Value 'd\\uD801' at 'tags.2.member.tagKey' failed to satisfy constraint: "
                + "Member must be valid Unicode text, without unpaired surrogates");
        assertThat(storedTags()).isEmpty();
    }

    @Test
    void untagWithALoneSurrogateIsRefusedAndRemovesNothing() throws Exception {
        kms.tagResource(b -> b.keyId(keyId).tags(Tag.builder().tagKey("q?").tagValue("kept").build()));

        HttpResponse<byte[]> response = send("UntagResource",
                "{\"KeyId\":\"" + keyId + "\",\"TagKeys\":[\"q\\udbff\"]}");

        assertError(response, "ValidationException", "1 validation error detected: "
                + "Value 'q\\uDBFF' at 'tagKeys.1.member' failed to satisfy constraint: "
                + "Member must be valid Unicode text, without unpaired surrogates");
        assertThat(storedTags()).containsExactly(Map.entry("q?", "kept"));
    }

    @Test
    void aDescriptionWithALoneSurrogateIsRefusedAndTheOldOneStays() throws Exception {
        HttpResponse<byte[]> response = send("UpdateKeyDescription",
                "{\"KeyId\":\"" + keyId + "\",\"Description\":\"x\\uDFFF\"}");

        assertError(response, "ValidationException", "1 validation error detected: "
                + "Value 'x\\uDFFF' at 'description' failed to satisfy constraint: "
                + "Member must be valid Unicode text, without unpaired surrogates");
        assertThat(kms.describeKey(b -> b.keyId(keyId)).keyMetadata().description()).isEqualTo("unicode");
    }

    @Test
    void overlongUtf8IsNotUtf8AndRefusedAsSerialization() throws Exception {
        String before = "{\"KeyId\":\"" + keyId + "\",\"Tags\":[{\"TagKey\":\"a";
        byte[] body = concat(before, new byte[] {(byte) 0xC0, (byte) 0xAF}, "b\",\"TagValue\":\"v\"}]}");

        assertError(send("TagResource", body), "SerializationException",
                "The request body is not valid UTF-8 (at byte " + before.length() + ").");
        assertThat(storedTags()).isEmpty();
    }

    @Test
    void utf8BeyondU10ffffIsRefusedAsSerialization() throws Exception {
        String before = "{\"KeyId\":\"" + keyId + "\",\"Tags\":[{\"TagKey\":\"k\",\"TagValue\":\"";
        byte[] body = concat(before, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, "\"}]}");

        assertError(send("TagResource", body), "SerializationException",
                "The request body is not valid UTF-8 (at byte " + before.length() + ").");
        assertThat(storedTags()).isEmpty();
    }

    @Test
    void anEncodedSurrogateIsNotUtf8EitherAndRefused() throws Exception {
        String before = "{\"KeyId\":\"" + keyId + "\",\"Description\":\"";
        byte[] body = concat(before, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "\"}");

        assertError(send("UpdateKeyDescription", body), "SerializationException",
                "The request body is not valid UTF-8 (at byte " + before.length() + ").");
    }

    @Test
    void everyValidStringReadsBackByteForByteThroughRawHttpAndTheSdk() throws Exception {
        String[] keys = {"\uD83D\uDD11 key", "nul\u0000inside", "e\u0301 combined", "\uFFFF\uFFFE", "\u007F\u0085",
            "\uDBFF\uDFFF last"};
        StringBuilder tags = new StringBuilder();
        for (int i = 0; i < keys.length; i++) {
            tags.append(i == 0 ? "" : ",").append("{\"TagKey\":").append(JSON.writeValueAsString(keys[i]))
                    .append(",\"TagValue\":").append(JSON.writeValueAsString("v" + keys[i])).append('}');
        }
        HttpResponse<byte[]> tagged = send("TagResource", "{\"KeyId\":\"" + keyId + "\",\"Tags\":[" + tags + "]}");
        assertThat(tagged.statusCode()).isEqualTo(200);

        HttpResponse<byte[]> listed = send("ListResourceTags", "{\"KeyId\":\"" + keyId + "\"}");
        assertThat(listed.statusCode()).isEqualTo(200);
        Map<String, String> raw = new LinkedHashMap<>();
        JSON.readTree(listed.body()).path("Tags").forEach(tag ->
                raw.put(tag.path("TagKey").textValue(), tag.path("TagValue").textValue()));
        Map<String, String> expected = new LinkedHashMap<>();
        for (String key : keys) {
            expected.put(key, "v" + key);
        }
        assertThat(raw).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(storedTags()).containsExactlyInAnyOrderEntriesOf(expected);
        for (String key : keys) {
            assertThat(storedTags().get(key).getBytes(StandardCharsets.UTF_8))
                    .isEqualTo(("v" + key).getBytes(StandardCharsets.UTF_8));
        }

        String description = "d\u0000\uD83D\uDE00\uFFFF";
        kms.updateKeyDescription(b -> b.keyId(keyId).description(description));
        assertThat(kms.describeKey(b -> b.keyId(keyId)).keyMetadata().description()).isEqualTo(description);
    }
}
