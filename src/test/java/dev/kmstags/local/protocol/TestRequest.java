package dev.kmstags.local.protocol;

import com.sun.net.httpserver.Headers;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * A KMS request for tests, signed by the AWS SDK's own SigV4 signer (so the server is checked against the reference
 * implementation, not against itself), then sent with {@link java.net.http.HttpClient} or handed to the verifier.
 */
final class TestRequest {

    static final String ACCESS_KEY = "AKIDEXAMPLE";
    static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    static final Credentials CREDENTIALS = new Credentials(ACCESS_KEY, SECRET_KEY);

    private final URI uri;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, String> unsignedHeaders = new LinkedHashMap<>();
    private String method = "POST";
    private byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    private boolean signed = true;
    private String accessKey = ACCESS_KEY;
    private String secretKey = SECRET_KEY;
    private String region = "eu-central-1";
    private String service = "kms";
    private Clock clock = Clock.systemUTC();

    private TestRequest(URI uri) {
        this.uri = uri;
        headers.put("Content-Type", "application/x-amz-json-1.1");
    }

    /** {@code POST <uri>} for {@code operation} with body {@code {}}. */
    static TestRequest operation(URI uri, String operation) {
        return new TestRequest(uri).header("X-Amz-Target", "TrentService." + operation);
    }

    TestRequest method(String newMethod) {
        method = newMethod;
        return this;
    }

    TestRequest header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** A header sent with the request but left out of the signature, as a tampering client would add it. */
    TestRequest headerAfterSigning(String name, String value) {
        unsignedHeaders.put(name, value);
        return this;
    }

    TestRequest withoutHeader(String name) {
        headers.remove(name);
        return this;
    }

    TestRequest body(String text) {
        body = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** A body of exactly these bytes, which need not be valid UTF-8. */
    TestRequest body(byte[] bytes) {
        body = bytes.clone();
        return this;
    }

    TestRequest unsigned() {
        signed = false;
        return this;
    }

    TestRequest signedWith(String newAccessKey, String newSecretKey) {
        accessKey = newAccessKey;
        secretKey = newSecretKey;
        return this;
    }

    TestRequest region(String newRegion) {
        region = newRegion;
        return this;
    }

    TestRequest service(String newService) {
        service = newService;
        return this;
    }

    TestRequest clock(Clock newClock) {
        clock = newClock;
        return this;
    }

    byte[] body() {
        return body.clone();
    }

    URI uri() {
        return uri;
    }

    String method() {
        return method;
    }

    /**
     * The headers as sent: the ones given plus, when signed, Host, X-Amz-Date and Authorization, plus the ones
     * added after signing.
     */
    Map<String, List<String>> sentHeaders() {
        SdkHttpFullRequest.Builder request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.fromValue(method))
                .uri(uri)
                .putHeader("Host", uri.getHost() + ":" + uri.getPort());
        headers.forEach(request::putHeader);
        if (!signed) {
            unsignedHeaders.forEach(request::putHeader);
            return request.build().headers();
        }
        SdkHttpRequest signedRequest = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(accessKey, secretKey))
                .request(request.build())
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(HttpSigner.SIGNING_CLOCK, clock)).request();
        SdkHttpRequest.Builder sent = signedRequest.toBuilder();
        unsignedHeaders.forEach(sent::putHeader);
        return sent.build().headers();
    }

    /** The headers as the server sees them. */
    Headers serverHeaders() {
        Headers server = new Headers();
        sentHeaders().forEach(server::put);
        return server;
    }

    /** The request for {@link java.net.http.HttpClient}, which sets Host and Content-Length itself. */
    HttpRequest toHttpRequest() {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        sentHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Host")) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return request.build();
    }
}
