package dev.kmstags.local.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.Headers;
import dev.kmstags.local.KmsException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class SigV4VerifierTest {

    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    private static final Clock SERVER_CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final URI ENDPOINT = URI.create("http://127.0.0.1:4599/");

    private final SigV4Verifier verifier = new SigV4Verifier(TestRequest.CREDENTIALS, SERVER_CLOCK);

    private static TestRequest listKeys() {
        return TestRequest.operation(ENDPOINT, "ListKeys").clock(SERVER_CLOCK);
    }

    private SigV4Verifier.Caller verify(TestRequest request) {
        return verifier.verify(request.method(), request.uri(), request.serverHeaders(), request.body());
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertRejected(TestRequest request, String code) {
        return assertThatThrownBy(() -> verify(request))
                .isInstanceOf(KmsException.class)
                .satisfies(e -> assertThat(((KmsException) e).code()).isEqualTo(code))
                .satisfies(e -> assertThat(((KmsException) e).status()).isEqualTo(400));
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertRejected(Headers headers, String code) {
        return assertThatThrownBy(() -> verifier.verify("POST", ENDPOINT, headers, new byte[0]))
                .isInstanceOf(KmsException.class)
                .satisfies(e -> assertThat(((KmsException) e).code()).isEqualTo(code));
    }

    private static Headers headersWithAuthorization(String authorization) {
        Headers headers = listKeys().serverHeaders();
        headers.set("Authorization", authorization);
        return headers;
    }

    @Test
    void requestSignedByTheSdkSignerIsAcceptedWithCallerAndRegion() {
        SigV4Verifier.Caller caller = verify(listKeys().region("ap-southeast-2"));

        assertThat(caller).isEqualTo(new SigV4Verifier.Caller(TestRequest.ACCESS_KEY, "ap-southeast-2"));
    }

    @Test
    void queryPathAndHeaderWhitespaceAreCanonicalisedLikeTheSdk() {
        TestRequest request = TestRequest.operation(URI.create("http://127.0.0.1:4599/?b=2&a=x%20y&a=1&empty"),
                        "ListKeys")
                .clock(SERVER_CLOCK)
                .header("X-Custom", "  spaced    out   value ");

        assertThat(verify(request).accessKeyId()).isEqualTo(TestRequest.ACCESS_KEY);
    }

    @Test
    void headerValueBeyondAsciiIsCheckedAsTheUtf8BytesOnTheWire() {
        TestRequest request = listKeys().header("X-Custom", "café");
        Headers asTheJdkServerReadsThem = request.serverHeaders();
        asTheJdkServerReadsThem.set("X-Custom", new String("café".getBytes(StandardCharsets.UTF_8),
                StandardCharsets.ISO_8859_1));

        assertThat(verifier.verify("POST", ENDPOINT, asTheJdkServerReadsThem, request.body()).accessKeyId())
                .isEqualTo(TestRequest.ACCESS_KEY);
    }

    @Test
    void wrongSecretIsRejectedWithInvalidSignature() {
        assertRejected(listKeys().signedWith(TestRequest.ACCESS_KEY, "not-the-secret"), "InvalidSignatureException")
                .hasMessage("The request signature we calculated does not match the signature you provided."
                        + " Check your AWS Secret Access Key and signing method."
                        + " Consult the service documentation for details.");
    }

    @Test
    void bodyChangedAfterSigningIsRejectedWithInvalidSignature() {
        TestRequest request = listKeys();
        Headers headers = request.serverHeaders();

        assertThatThrownBy(() -> verifier.verify("POST", ENDPOINT, headers,
                "{\"Limit\":1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(KmsException.class)
                .extracting(e -> ((KmsException) e).code()).isEqualTo("InvalidSignatureException");
    }

    @Test
    void signedHeaderChangedAfterSigningIsRejectedWithInvalidSignature() {
        Headers headers = listKeys().serverHeaders();
        headers.set("X-Amz-Target", "TrentService.ScheduleKeyDeletion");

        assertRejected(headers, "InvalidSignatureException");
    }

    @Test
    void unknownAccessKeyIsRejectedAsUnrecognizedClient() {
        assertRejected(listKeys().signedWith("AKIDSOMEONEELSE", TestRequest.SECRET_KEY), "UnrecognizedClientException")
                .hasMessage("The security token included in the request is invalid.");
    }

    @Test
    void missingAuthorizationIsRejectedWithMissingAuthenticationToken() {
        assertRejected(listKeys().unsigned(), "MissingAuthenticationTokenException")
                .hasMessage("Missing Authentication Token");
    }

    @Test
    void requestSignedMoreThanFiveMinutesAgoIsRejectedAsExpired() {
        Clock signedAt = Clock.fixed(NOW.minus(Duration.ofMinutes(5).plusSeconds(1)), ZoneOffset.UTC);

        assertRejected(listKeys().clock(signedAt), "InvalidSignatureException")
                .hasMessage("Signature expired: 20240501T115459Z is now earlier than 20240501T115500Z"
                        + " (20240501T120000Z - 5 min.)");
    }

    @Test
    void requestSignedMoreThanFiveMinutesAheadIsRejectedAsNotYetCurrent() {
        Clock signedAt = Clock.fixed(NOW.plus(Duration.ofMinutes(6)), ZoneOffset.UTC);

        assertRejected(listKeys().clock(signedAt), "InvalidSignatureException")
                .hasMessage("Signature not yet current: 20240501T120600Z is still later than 20240501T120500Z"
                        + " (20240501T120000Z + 5 min.)");
    }

    @Test
    void clockSkewUpToFiveMinutesIsAccepted() {
        Clock signedAt = Clock.fixed(NOW.minus(Duration.ofMinutes(5)), ZoneOffset.UTC);

        assertThat(verify(listKeys().clock(signedAt)).region()).isEqualTo("eu-central-1");
    }

    @Test
    void credentialScopedToAnotherServiceIsRejected() {
        assertRejected(listKeys().service("s3"), "InvalidSignatureException")
                .hasMessage("Credential should be scoped to correct service: 'kms'. ");
    }

    @Test
    void credentialScopedToAnInvalidRegionIsRejected() {
        assertRejected(listKeys().region("US_EAST_1"), "InvalidSignatureException")
                .hasMessage("Credential should be scoped to a valid region, not 'US_EAST_1'. ");
    }

    @Test
    void authorizationThatIsNotSigV4IsRejectedAsIncomplete() {
        assertRejected(headersWithAuthorization("Bearer abc"), "IncompleteSignatureException")
                .hasMessage("Authorization header requires 'Credential' parameter."
                        + " Authorization header requires 'Signature' parameter."
                        + " Authorization header requires 'SignedHeaders' parameter. Authorization=Bearer abc");
    }

    @Test
    void authorizationWithoutSignatureOrDateIsRejectedAsIncomplete() {
        Headers headers = headersWithAuthorization(
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240501/eu-central-1/kms/aws4_request, SignedHeaders=host");
        headers.remove("X-Amz-Date");

        assertRejected(headers, "IncompleteSignatureException")
                .hasMessage("Authorization header requires 'Signature' parameter."
                        + " Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."
                        + " Authorization=AWS4-HMAC-SHA256"
                        + " Credential=AKIDEXAMPLE/20240501/eu-central-1/kms/aws4_request, SignedHeaders=host");
    }

    @Test
    void authorizationPartWithoutEqualsSignIsRejectedAsIncomplete() {
        String header = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE /20240501/eu-central-1/kms/aws4_request, "
                + "SignedHeaders=host, Signature=abc";

        assertRejected(headersWithAuthorization(header), "IncompleteSignatureException")
                .hasMessage("'/20240501/eu-central-1/kms/aws4_request' not a valid key=value pair"
                        + " (missing equal-sign) in Authorization header: '" + header + "'.");
    }

    @Test
    void unsupportedAlgorithmIsRejectedAsIncomplete() {
        assertRejected(headersWithAuthorization("AWS4-HMAC-SHA512 Credential=a, SignedHeaders=host, Signature=b"),
                "IncompleteSignatureException")
                .hasMessage("Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA512'.");
    }

    @Test
    void credentialWithoutFiveSlashSeparatedPartsIsRejectedAsIncomplete() {
        assertRejected(headersWithAuthorization(
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240501, SignedHeaders=host;x-amz-date, Signature=ab"),
                "IncompleteSignatureException")
                .hasMessage("Credential must have exactly 5 slash-delimited elements,"
                        + " e.g. keyid/date/region/service/term, got 'AKIDEXAMPLE/20240501'");
    }

    @Test
    void dateNotInIsoBasicFormatIsRejectedAsIncomplete() {
        Headers headers = listKeys().serverHeaders();
        headers.set("X-Amz-Date", "2024-05-01T12:00:00Z");

        assertRejected(headers, "IncompleteSignatureException")
                .hasMessage("Date must be in ISO-8601 'basic format'. Got '2024-05-01T12:00:00Z'."
                        + " See http://en.wikipedia.org/wiki/ISO_8601");
    }

    @Test
    void hostHeaderMustBeSigned() {
        assertRejected(headersWithAuthorization("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240501/eu-central-1/kms/"
                        + "aws4_request, SignedHeaders=x-amz-date, Signature=ab"), "InvalidSignatureException")
                .hasMessage("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
    }

    @Test
    void targetHeaderLeftOutOfTheSignatureIsRejectedByName() {
        TestRequest request = listKeys().withoutHeader("X-Amz-Target")
                .headerAfterSigning("X-Amz-Target", "TrentService.DisableKey");

        assertRejected(request, "InvalidSignatureException")
                .hasMessage("'x-amz-target' must be a 'SignedHeader' in the AWS Authorization.");
    }

    @Test
    void anyOtherAmzHeaderLeftOutOfTheSignatureIsRejectedByName() {
        TestRequest request = listKeys().headerAfterSigning("X-Amz-Security-Token", "a-session-token");

        assertRejected(request, "InvalidSignatureException")
                .hasMessage("'x-amz-security-token' must be a 'SignedHeader' in the AWS Authorization.");
    }

    @Test
    void headersTheSdkSignersLeaveUnsignedMayBeAddedAfterSigning() {
        TestRequest request = listKeys()
                .headerAfterSigning("X-Amzn-Trace-Id", "Root=1-5759e988-bd862e3fe1be46a994272793")
                .headerAfterSigning("User-Agent", "aws-cli/2.15.0")
                .headerAfterSigning("Expect", "100-continue");

        assertThat(verify(request).accessKeyId()).isEqualTo(TestRequest.ACCESS_KEY);
    }

    @Test
    void scopeDateMustMatchTheRequestDate() {
        assertRejected(headersWithAuthorization("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240430/eu-central-1/kms/"
                        + "aws4_request, SignedHeaders=host;x-amz-date, Signature=ab"), "InvalidSignatureException")
                .hasMessage("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP:"
                        + " '20240430' != '20240501', from '20240501T120000Z'. ");
    }
}
