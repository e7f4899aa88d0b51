package dev.kmstags.local.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kmstags.local.KmsException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/** Answers authenticated KMS requests; the HTTP layer does the protocol, signatures and error envelopes. */
@FunctionalInterface
public interface KmsRequestHandler {

    /**
     * Handles one request.
     *
     * @return the response body; an empty object for operations without output
     * @throws KmsException with the code and message KMS would answer (unknown operations included)
     */
    ObjectNode handle(KmsRequest request);

    /**
     * Handles one request, perhaps without holding the calling thread until it is done: a write waits for its
     * commit this way, so the HTTP server's thread can go on meanwhile. The stage fails with what
     * {@link #handle} would throw; a request refused at once may also throw here. Unless overridden, it is
     * {@link #handle} on the calling thread.
     */
    default CompletionStage<ObjectNode> handleAsync(KmsRequest request) {
        return CompletableFuture.completedFuture(handle(request));
    }

    /** What a stage of {@link #handleAsync} ended with, as {@link #handle} would have returned or thrown it. */
    static ObjectNode join(CompletionStage<ObjectNode> answer) {
        try {
            return answer.toCompletableFuture().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
