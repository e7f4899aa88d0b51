package dev.kmstags.local.protocol;

import dev.kmstags.local.KmsException;

/** Answers authenticated query-protocol requests (IAM's); the HTTP layer does the protocol, signatures and errors. */
@FunctionalInterface
public interface QueryRequestHandler {

    /**
     * Handles one request.
     *
     * @return the whole XML response document, {@code <ActionResponse>} with its result and response metadata
     * @throws KmsException with the query error code (such as {@code InvalidAction}) and message to answer with
     */
    String handle(QueryRequest request, String requestId);
}
