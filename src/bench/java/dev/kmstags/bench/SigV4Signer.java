package dev.kmstags.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds complete, SigV4-signed HTTP/1.1 requests for the KMS JSON protocol as raw bytes, ready to be written to a
 * socket. Signing happens before a timed phase, so the load generator only writes bytes. Not thread-safe: one per
 * thread.
 */
final class SigV4Signer {

    static final String ACCESS_KEY = "test";
    static final String SECRET_KEY = "test";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final String SIGNED_HEADERS = "content-type;host;x-amz-date;x-amz-target";
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final String host;
    private final String region;
    private final MessageDigest sha256;
    private final Mac hmac;
    private String keyDay;
    private byte[] signingKey;

    /**
     * @param port   the server's port on 127.0.0.1 (it goes into the signed Host header)
     * @param region the region of the credential scope; the bundled backend keeps keys per region
     */
    SigV4Signer(int port, String region) {
        this.host = "127.0.0.1:" + port;
        this.region = region;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
            this.hmac = Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has SHA-256 and HmacSHA256", e);
        }
    }

    String region() {
        return region;
    }

    /** {@code POST /} for {@code TrentService.<operation>} with this JSON body, signed for now. */
    byte[] request(String operation, String jsonBody) {
        return request(operation, jsonBody, Instant.now());
    }

    byte[] request(String operation, String jsonBody, Instant time) {
        byte[] body = jsonBody.getBytes(StandardCharsets.UTF_8);
        String amzDate = AMZ_DATE.format(time);
        String day = amzDate.substring(0, 8);
        String target = "TrentService." + operation;
        String canonical = "POST\n/\n\n"
                + "content-type:" + CONTENT_TYPE + "\n"
                + "host:" + host + "\n"
                + "x-amz-date:" + amzDate + "\n"
                + "x-amz-target:" + target + "\n"
                + "\n" + SIGNED_HEADERS + "\n" + hex(sha256(body));
        String scope = day + "/" + region + "/kms/aws4_request";
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                + hex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
        String signature = hex(hmac(signingKey(day), stringToSign));
        String head = "POST / HTTP/1.1\r\n"
                + "Host: " + host + "\r\n"
                + "Content-Type: " + CONTENT_TYPE + "\r\n"
                + "X-Amz-Target: " + target + "\r\n"
                + "X-Amz-Date: " + amzDate + "\r\n"
                + "Authorization: AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY + "/" + scope
                + ", SignedHeaders=" + SIGNED_HEADERS + ", Signature=" + signature + "\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        return request;
    }

    private byte[] signingKey(String day) {
        if (!day.equals(keyDay)) {
            byte[] key = hmac(("AWS4" + SECRET_KEY).getBytes(StandardCharsets.UTF_8), day);
            key = hmac(key, region);
            key = hmac(key, "kms");
            signingKey = hmac(key, "aws4_request");
            keyDay = day;
        }
        return signingKey;
    }

    private byte[] sha256(byte[] data) {
        return sha256.digest(data);
    }

    private byte[] hmac(byte[] key, String data) {
        try {
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return hmac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0x0f];
            out[2 * i + 1] = HEX[bytes[i] & 0x0f];
        }
        return new String(out);
    }
}
