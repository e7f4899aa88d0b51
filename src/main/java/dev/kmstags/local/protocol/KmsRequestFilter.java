package dev.kmstags.local.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kmstags.local.KmsException;
import java.util.concurrent.CompletionStage;

/**
 * Looks at each request before the next handler gets it, and may refuse it; a refused request is not handled.
 * A request passed on is handled as the next handler does it, later or at once.
 */
public abstract class KmsRequestFilter implements KmsRequestHandler {

    private final KmsRequestHandler next;

    protected KmsRequestFilter(KmsRequestHandler next) {
        this.next = next;
    }

    /**
     * Lets the request through by returning.
     *
     * @throws KmsException the answer to a request refused here
     */
    protected abstract void check(KmsRequest request);

    @Override
    public final ObjectNode handle(KmsRequest request) {
        check(request);
        return next.handle(request);
    }

    @Override
    public final CompletionStage<ObjectNode> handleAsync(KmsRequest request) {
        check(request);
        return next.handleAsync(request);
    }
}
