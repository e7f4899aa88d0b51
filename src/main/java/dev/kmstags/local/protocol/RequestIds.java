package dev.kmstags.local.protocol;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The {@code x-amzn-RequestId} of each answer: a random version 4 UUID, as KMS sends. It only has to tell requests
 * apart in logs, so it comes from {@link ThreadLocalRandom}: {@link UUID#randomUUID()} draws from the shared
 * {@code SecureRandom}, whose lock every worker thread would wait on.
 */
final class RequestIds {

    private static final long VERSION_MASK = 0xffffffffffff0fffL;
    private static final long VERSION_4 = 0x0000000000004000L;
    private static final long VARIANT_MASK = 0x3fffffffffffffffL;
    private static final long VARIANT_IETF = 0x8000000000000000L;

    private RequestIds() {
    }

    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & VERSION_MASK) | VERSION_4;
        long low = (random.nextLong() & VARIANT_MASK) | VARIANT_IETF;
        return new UUID(high, low).toString();
    }
}
