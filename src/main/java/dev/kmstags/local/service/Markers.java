package dev.kmstags.local.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Paging markers that only this backend can issue: the position and what it is a position in, with an HMAC. A
 * marker that was not issued for this listing (made up, altered, or from another listing) is refused.
 */
final class Markers {

    private static final int MAC_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] secret;
    private final ThreadLocal<Mac> macs;

    Markers(byte[] secret) {
        this.secret = secret.clone();
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** A marker for {@code position} within the listing named by {@code scope}. */
    String issue(String scope, String position) {
        byte[] payload = position.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(scope, payload));
    }

    /** The position a marker stands for, or {@code InvalidMarkerException} when this listing did not issue it. */
    String positionOf(String scope, String marker) {
        int dot = marker.indexOf('.');
        if (dot < 0) {
            throw OperationErrors.invalidMarker();
        }
        try {
            byte[] payload = DECODER.decode(marker.substring(0, dot));
            byte[] mac = DECODER.decode(marker.substring(dot + 1));
            if (!MessageDigest.isEqual(mac, mac(scope, payload))) {
                throw OperationErrors.invalidMarker();
            }
            return new String(payload, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OperationErrors.invalidMarker();
        }
    }

    private byte[] mac(String scope, byte[] payload) {
        Mac mac = macs.get();
        mac.update(scope.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return Arrays.copyOf(mac.doFinal(payload), MAC_BYTES);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
