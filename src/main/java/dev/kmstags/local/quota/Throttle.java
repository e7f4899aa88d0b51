package dev.kmstags.local.quota;

import dev.kmstags.local.KmsException;
import dev.kmstags.local.protocol.KmsRequest;
import dev.kmstags.local.protocol.KmsRequestFilter;
import dev.kmstags.local.protocol.KmsRequestHandler;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Refuses requests over their {@link RequestQuotas quota} as KMS does, before any work is done: HTTP 400
 * {@code ThrottlingException}, which every AWS SDK retries with backoff. One {@link TokenBucket} per account (the
 * caller's access key), region and operation, so a burst of TagResource calls does not slow ListKeys or another
 * region.
 */
public final class Throttle extends KmsRequestFilter {

    static final String CODE = "ThrottlingException";
    static final String MESSAGE =
            "You have exceeded the rate at which you may call KMS. Reduce the frequency of your calls.";

    private final LongSupplier nanoTime;
    private final Map<Scope, TokenBucket> buckets = new ConcurrentHashMap<>();
    private volatile RequestQuotas quotas;

    public Throttle(KmsRequestHandler delegate, RequestQuotas quotas) {
        this(delegate, quotas, System::nanoTime);
    }

    Throttle(KmsRequestHandler delegate, RequestQuotas quotas, LongSupplier nanoTime) {
        super(delegate);
        this.quotas = quotas;
        this.nanoTime = nanoTime;
    }

    /** Throttles with {@code newQuotas} from the next request on, every bucket starting full. */
    public void quotas(RequestQuotas newQuotas) {
        quotas = newQuotas;
        buckets.clear();
    }

    /** The quotas in force. */
    public RequestQuotas quotas() {
        return quotas;
    }

    @Override
    protected void check(KmsRequest request) {
        RequestQuotas current = quotas;
        if (!current.isEmpty()) {
            current.perSecond(request.operation()).ifPresent(rate -> take(request, rate));
        }
    }

    private void take(KmsRequest request, double rate) {
        Scope scope = new Scope(request.accessKeyId(), request.region(), request.operation());
        if (!buckets.computeIfAbsent(scope, s -> new TokenBucket(rate, nanoTime)).tryTake()) {
            throw new KmsException(CODE, MESSAGE);
        }
    }

    private record Scope(String account, String region, String operation) {
    }
}
