package dev.kmstags.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kmstags.local.protocol.KmsRequest;
import dev.kmstags.local.protocol.KmsRequestHandler;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes chosen operations fail on purpose, so the app's handling of KMS failures can be shown and tested: a commit
 * whose second call fails, throttling, an internal error. Nothing fails unless asked.
 */
public final class FaultInjector implements KmsRequestHandler {

    private final KmsRequestHandler delegate;
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();

    FaultInjector(KmsRequestHandler delegate) {
        this.delegate = delegate;
    }

    /**
     * Makes the next {@code times} calls of {@code operation} fail with {@code code} and {@code message} (HTTP 500
     * for {@code KMSInternalException}, 400 otherwise, as KMS answers), without touching the store.
     */
    public void fail(String operation, int times, String code, String message) {
        int status = "KMSInternalException".equals(code) ? 500 : 400;
        faults.put(operation, new Fault(new AtomicInteger(times), new KmsException(code, message, status)));
    }

    /** Removes every fault that has not fired yet. */
    public void clear() {
        faults.clear();
    }

    @Override
    public ObjectNode handle(KmsRequest request) {
        Fault fault = faults.get(request.operation());
        if (fault != null && fault.remaining().getAndDecrement() > 0) {
            throw fault.error();
        }
        return delegate.handle(request);
    }

    private record Fault(AtomicInteger remaining, KmsException error) {
    }
}
