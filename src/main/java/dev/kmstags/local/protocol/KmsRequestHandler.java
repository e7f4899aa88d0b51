package dev.kmstags.local.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kmstags.local.KmsException;

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
}
