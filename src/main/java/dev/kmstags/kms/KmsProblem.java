package dev.kmstags.kms;

/** What went wrong with a call to KMS, in the terms a user can act on. */
public enum KmsProblem {
    /** Nothing answers at the endpoint. */
    CONNECTION_REFUSED,
    /** The endpoint's host name does not resolve. */
    UNKNOWN_HOST,
    /** The endpoint did not answer in time. */
    TIMEOUT,
    /** Some other network failure. */
    NETWORK,
    /** KMS does not accept the credentials or their signature. */
    INVALID_CREDENTIALS,
    /** The credentials are valid but may not make the call. */
    ACCESS_DENIED,
    /** KMS is limiting the request rate. */
    THROTTLED,
    /** KMS failed on its side; trying again later may help. */
    SERVICE_ERROR,
    /** Any other error KMS answered with. */
    UNEXPECTED
}
