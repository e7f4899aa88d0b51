package dev.kmstags.local.protocol;

import com.sun.net.httpserver.Headers;
import dev.kmstags.local.KmsException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks the AWS Signature Version 4 of a request to the bundled backend, the way KMS does: the Authorization
 * header, the credential scope (date, region, service {@code kms} or the one given, terminator), the request
 * time against this server's clock (5 minutes either way), the access key, and the signature over the canonical
 * request and the body as received. Every failure is a {@link KmsException} with the code and message AWS answers
 * with (HTTP 400).
 *
 * <p>Thread-safe; one instance serves all requests.
 */
public final class SigV4Verifier {

    /** Who signed a request, and for which region. */
    public record Caller(String accessKeyId, String region) {
    }

    static final String SERVICE = "kms";
    private static final String TERMINATOR = "aws4_request";
    private static final Duration ALLOWED_SKEW = Duration.ofMinutes(5);
    private static final DateTimeFormatter BASIC_FORMAT = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC).withResolverStyle(ResolverStyle.STRICT);
    // Region names go into ARNs and file names downstream: accept only what real region names look like.
    private static final Pattern REGION = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final int SIGNING_KEY_CACHE_LIMIT = 64;
    private static final String AMZ_HEADER_PREFIX = "x-amz-";

    private final Credentials credentials;
    private final Clock clock;
    private final String service;
    // Deriving a signing key costs four HMACs; it depends only on the day and the region.
    private final Map<String, byte[]> signingKeys = new ConcurrentHashMap<>();

    public SigV4Verifier(Credentials credentials, Clock clock) {
        this(credentials, clock, SERVICE);
    }

    /** A verifier for requests to another service than KMS, such as {@code iam}: the service its scope names. */
    public SigV4Verifier(Credentials credentials, Clock clock, String service) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.service = Objects.requireNonNull(service, "service");
    }

    /**
     * Verifies one request.
     *
     * @param method  the HTTP method as received
     * @param uri     the request URI as received (its raw path and raw query are signed)
     * @param headers the request headers
     * @param body    the request body exactly as received
     * @return the caller's access key and the region of its credential scope
     * @throws KmsException with {@code MissingAuthenticationTokenException}, {@code IncompleteSignatureException},
     *                      {@code InvalidSignatureException} or {@code UnrecognizedClientException}
     */
    public Caller verify(String method, URI uri, Headers headers, byte[] body) {
        String header = headers.getFirst("Authorization");
        if (header == null || header.isBlank()) {
            throw new KmsException(ProtocolErrors.MISSING_TOKEN, "Missing Authentication Token");
        }
        String amzDate = headers.getFirst("X-Amz-Date");
        String httpDate = headers.getFirst("Date");
        AuthorizationHeader authorization = AuthorizationHeader.parse(header, amzDate != null || httpDate != null);
        if (!authorization.signedHeaderNames().contains("host")) {
            throw ProtocolErrors.invalidSignature(
                    "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }
        Instant requestTime = requestTime(amzDate, httpDate);
        checkClockSkew(requestTime);
        String basicRequestTime = AmzDate.format(requestTime);
        CredentialScope scope = CredentialScope.parse(authorization.credential());
        checkScope(scope, requestTime, basicRequestTime);
        if (!credentials.accessKey().equals(scope.accessKey())) {
            throw new KmsException(ProtocolErrors.UNRECOGNIZED_CLIENT,
                    "The security token included in the request is invalid.");
        }
        checkAmzHeadersSigned(headers, authorization);
        checkSignature(method, uri, headers, body, authorization, scope, basicRequestTime);
        return new Caller(scope.accessKey(), scope.region());
    }

    /**
     * Every {@code x-amz-*} header must be signed, {@code X-Amz-Target} above all: otherwise one signature would
     * serve for any operation. This is the backend's own strictness, as AWS's exact rule for KMS was not found
     * recorded; the message follows AWS's wording for an unsigned Host. Every AWS SDK and the CLI sign these headers
     * (they leave only headers such as User-Agent, Expect and X-Amzn-Trace-Id unsigned).
     */
    private static void checkAmzHeadersSigned(Headers headers, AuthorizationHeader authorization) {
        for (String name : headers.keySet()) {
            if (!name.regionMatches(true, 0, AMZ_HEADER_PREFIX, 0, AMZ_HEADER_PREFIX.length())) {
                continue;
            }
            String lowerCase = name.toLowerCase(Locale.ROOT);
            if (!authorization.signedHeaderNames().contains(lowerCase)) {
                throw ProtocolErrors.invalidSignature(
                        "'" + lowerCase + "' must be a 'SignedHeader' in the AWS Authorization.");
            }
        }
    }

    private static Instant requestTime(String amzDate, String httpDate) {
        String text = amzDate != null ? amzDate : httpDate;
        try {
            return amzDate != null ? AmzDate.parse(text.strip())
                    : Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(text.strip()));
        } catch (DateTimeException e) {
            throw ProtocolErrors.incompleteSignature("Date must be in ISO-8601 'basic format'. Got '" + text
                    + "'. See http://en.wikipedia.org/wiki/ISO_8601");
        }
    }

    private void checkClockSkew(Instant requestTime) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant earliest = now.minus(ALLOWED_SKEW);
        Instant latest = now.plus(ALLOWED_SKEW);
        if (requestTime.isBefore(earliest)) {
            throw ProtocolErrors.invalidSignature("Signature expired: " + BASIC_FORMAT.format(requestTime)
                    + " is now earlier than " + BASIC_FORMAT.format(earliest)
                    + " (" + BASIC_FORMAT.format(now) + " - 5 min.)");
        }
        if (requestTime.isAfter(latest)) {
            throw ProtocolErrors.invalidSignature("Signature not yet current: " + BASIC_FORMAT.format(requestTime)
                    + " is still later than " + BASIC_FORMAT.format(latest)
                    + " (" + BASIC_FORMAT.format(now) + " + 5 min.)");
        }
    }

    /** AWS lists every scope problem at once, each sentence followed by a space. */
    private void checkScope(CredentialScope scope, Instant requestTime, String basicRequestTime) {
        StringBuilder problems = new StringBuilder();
        if (!REGION.matcher(scope.region()).matches()) {
            problems.append("Credential should be scoped to a valid region, not '").append(scope.region())
                    .append("'. ");
        }
        if (!service.equals(scope.service())) {
            problems.append("Credential should be scoped to correct service: '").append(service).append("'. ");
        }
        if (!TERMINATOR.equals(scope.terminator())) {
            problems.append("Credential should be scoped with a valid terminator: '").append(TERMINATOR)
                    .append("', not '").append(scope.terminator()).append("'. ");
        }
        String day = basicRequestTime.substring(0, 8);
        if (!day.equals(scope.date())) {
            problems.append("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date")
                    .append(" from HTTP: '").append(scope.date()).append("' != '").append(day).append("', from '")
                    .append(BASIC_FORMAT.format(requestTime)).append("'. ");
        }
        if (!problems.isEmpty()) {
            throw ProtocolErrors.invalidSignature(problems.toString());
        }
    }

    private void checkSignature(String method, URI uri, Headers headers, byte[] body,
                                AuthorizationHeader authorization, CredentialScope scope, String basicRequestTime) {
        String canonicalRequest = CanonicalRequest.of(method, uri, headers, authorization,
                Digests.hex(Digests.sha256(body)));
        String stringToSign = AuthorizationHeader.ALGORITHM + '\n'
                + basicRequestTime + '\n'
                + scope.date() + '/' + scope.region() + '/' + scope.service() + '/' + scope.terminator() + '\n'
                + Digests.hex(Digests.sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        byte[] expected = Digests.hex(Digests.hmacSha256WithRecurringKey(signingKey(scope.date(), scope.region()),
                stringToSign.getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.US_ASCII);
        byte[] provided = authorization.signature().getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, provided)) {
            throw ProtocolErrors.invalidSignature("The request signature we calculated does not match the signature"
                    + " you provided. Check your AWS Secret Access Key and signing method."
                    + " Consult the service documentation for details.");
        }
    }

    private byte[] signingKey(String date, String region) {
        String cacheKey = date + '/' + region;
        byte[] key = signingKeys.get(cacheKey);
        if (key == null) {
            byte[] dateKey = Digests.hmacSha256(("AWS4" + credentials.secretKey()).getBytes(StandardCharsets.UTF_8),
                    bytes(date));
            key = Digests.hmacSha256(Digests.hmacSha256(Digests.hmacSha256(dateKey, bytes(region)), bytes(service)),
                    bytes(TERMINATOR));
            if (signingKeys.size() >= SIGNING_KEY_CACHE_LIMIT) {
                signingKeys.clear();
            }
            signingKeys.put(cacheKey, key);
        }
        return key;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code <access key>/<yyyymmdd>/<region>/<service>/aws4_request}. */
    private record CredentialScope(String accessKey, String date, String region, String service, String terminator) {

        static CredentialScope parse(String credential) {
            String[] parts = credential.split("/", -1);
            if (parts.length != 5) {
                throw ProtocolErrors.incompleteSignature("Credential must have exactly 5 slash-delimited elements,"
                        + " e.g. keyid/date/region/service/term, got '" + credential + "'");
            }
            return new CredentialScope(parts[0], parts[1], parts[2], parts[3], parts[4]);
        }
    }
}
