package dev.kmstags.kms;

/** What went wrong with a call to KMS, in the terms a user can act on. */
public enum KmsProblem {
    /** KMS does not exist in the region asked for (AWS's own endpoints only). */
    UNKNOWN_REGION,
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
    /** The key (or alias) does not exist in this region, or no longer does. */
    NOT_FOUND,
    /** The identifier is not a valid key ARN, or an alias where only a key is accepted. */
    INVALID_ARN,
    /** The key's state does not allow the call, such as tagging a key pending deletion. */
    INVALID_STATE,
    /** An account quota was exceeded. */
    LIMIT_EXCEEDED,
    /** KMS refused the tags themselves (reserved prefix, duplicates, more than 50). */
    TAG_REJECTED,
    /** KMS found the request malformed, such as a tag key longer than 128 characters. */
    VALIDATION,
    /** The credentials have expired, such as an ended session or SSO token. */
    CREDENTIALS_EXPIRED,
    /** No credentials could be found for the connection. */
    CREDENTIALS_MISSING,
    /** The profile's IAM Identity Center (SSO) sign-in has expired or never happened: aws sso login renews it. */
    SSO_LOGIN_NEEDED,
    /** STS refused to let the profile's source credentials assume its role. */
    ASSUME_ROLE_DENIED,
    /** KMS is limiting the request rate. */
    THROTTLED,
    /** KMS failed on its side; trying again later may help. */
    SERVICE_ERROR,
    /** Any other error KMS answered with. */
    UNEXPECTED
}
