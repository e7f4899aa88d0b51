package dev.kmstags.local.protocol;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SHA-256 and HMAC-SHA256 for signature checks. Looking up a JCA provider costs more than hashing a small request,
 * so every worker thread keeps its own instances.
 */
final class Digests {

    private static final String HMAC_SHA256 = "HmacSHA256";
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    });

    private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(Digests::newHmac);

    /** A Mac kept initialised with the key it was last used with: initialising one costs a hash of its own. */
    private static final class KeyedMac {
        private final Mac mac = newHmac();
        private byte[] key;
    }

    private static final ThreadLocal<KeyedMac> SIGNING_HMAC = ThreadLocal.withInitial(KeyedMac::new);

    private Digests() {
    }

    private static Mac newHmac() {
        try {
            return Mac.getInstance(HMAC_SHA256);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides HmacSHA256", e);
        }
    }

    static byte[] sha256(byte[] data) {
        return SHA256.get().digest(data);
    }

    static byte[] hmacSha256(byte[] key, byte[] data) {
        Mac mac = HMAC.get();
        try {
            mac.init(new SecretKeySpec(key, HMAC_SHA256));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 accepts keys of any length", e);
        }
        return mac.doFinal(data);
    }

    /**
     * HMAC-SHA256 under a key that comes again and again, such as a day's signing key: each thread's Mac stays
     * initialised with the key it was last given, and is initialised again only for another.
     */
    static byte[] hmacSha256WithRecurringKey(byte[] key, byte[] data) {
        KeyedMac keyed = SIGNING_HMAC.get();
        if (!Arrays.equals(keyed.key, key)) {
            try {
                keyed.mac.init(new SecretKeySpec(key, HMAC_SHA256));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 accepts keys of any length", e);
            }
            keyed.key = key.clone();
        }
        return keyed.mac.doFinal(data);
    }

    /** Lower-case hex, as SigV4 writes hashes and signatures. */
    static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0x0f];
            out[2 * i + 1] = HEX[bytes[i] & 0x0f];
        }
        return new String(out);
    }
}
