package dev.kmstags.local;

import dev.kmstags.local.protocol.KmsRequest;
import dev.kmstags.local.protocol.KmsRequestFilter;
import dev.kmstags.local.protocol.KmsRequestHandler;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes chosen operations fail on purpose, so the app's handling of KMS failures can be shown and tested: a commit
 * whose second call fails, throttling, an internal error, a key the caller may not describe. Nothing fails unless
 * asked.
 */
public final class FaultInjector extends KmsRequestFilter {

    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private final Map<KeyCall, Fault> keyFaults = new ConcurrentHashMap<>();

    FaultInjector(KmsRequestHandler delegate) {
        super(delegate);
    }

    /**
     * Makes the next {@code times} calls of {@code operation} fail with {@code code} and {@code message} (HTTP 500
     * for {@code KMSInternalException}, 400 otherwise, as KMS answers), without touching the store.
     */
    public void fail(String operation, int times, String code, String message) {
        faults.put(operation, Fault.of(times, code, message));
    }

    /**
     * Makes the next {@code times} calls of {@code operation} whose {@code KeyId} is exactly {@code keyId} fail
     * with {@code code} and {@code message}, as {@link #fail} does; calls for other keys are served. An IAM policy
     * that denies one key, say.
     */
    public void failForKey(String operation, String keyId, int times, String code, String message) {
        keyFaults.put(new KeyCall(operation, keyId), Fault.of(times, code, message));
    }

    /** Removes every fault that has not fired yet. */
    public void clear() {
        faults.clear();
        keyFaults.clear();
    }

    @Override
    protected void check(KmsRequest request) {
        if (!keyFaults.isEmpty()) {
            fire(keyFaults.get(new KeyCall(request.operation(), request.body().path("KeyId").asText(""))));
        }
        fire(faults.get(request.operation()));
    }

    private static void fire(Fault fault) {
        if (fault != null && fault.remaining().getAndDecrement() > 0) {
            throw fault.error();
        }
    }

    private record Fault(AtomicInteger remaining, KmsException error) {

        static Fault of(int times, String code, String message) {
            int status = "KMSInternalException".equals(code) ? 500 : 400;
            return new Fault(new AtomicInteger(times), new KmsException(code, message, status));
        }
    }

    private record KeyCall(String operation, String keyId) {
    }
}
