package dev.kmstags.local.protocol;

import dev.kmstags.local.KmsException;

/**
 * The error codes the protocol layer answers with itself, before or instead of the request handler. The codes are
 * KMS's; the messages for a wrong content type, a body over 1 MiB and a body that is not UTF-8 are this server's own
 * sentences, as no answer of real KMS was found recorded for them.
 */
final class ProtocolErrors {

    static final String UNKNOWN_OPERATION = "UnknownOperationException";
    static final String SERIALIZATION = "SerializationException";
    static final String VALIDATION = "ValidationException";
    static final String INTERNAL = "KMSInternalException";
    static final String MISSING_TOKEN = "MissingAuthenticationTokenException";
    static final String UNRECOGNIZED_CLIENT = "UnrecognizedClientException";
    static final String INCOMPLETE_SIGNATURE = "IncompleteSignatureException";
    static final String INVALID_SIGNATURE = "InvalidSignatureException";

    private ProtocolErrors() {
    }

    static KmsException incompleteSignature(String message) {
        return new KmsException(INCOMPLETE_SIGNATURE, message);
    }

    static KmsException invalidSignature(String message) {
        return new KmsException(INVALID_SIGNATURE, message);
    }
}
