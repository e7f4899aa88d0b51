package dev.kmstags.local.service;

import dev.kmstags.local.KmsException;

/**
 * The errors the bundled backend answers with, worded as KMS words them. Every code and message lives here, so a
 * correction to match real KMS is made once. Two messages follow only the documented code, as no answer of real KMS
 * was found recorded for them: {@link #malformedArn} and {@link #stateNotSupported}.
 */
final class OperationErrors {

    private OperationErrors() {
    }

    static KmsException keyNotFound(String keyArn) {
        return new KmsException("NotFoundException", "Key '" + keyArn + "' does not exist");
    }

    static KmsException invalidKeyId(String keyId) {
        return new KmsException("NotFoundException", "Invalid keyId '" + keyId + "'");
    }

    static KmsException arnOfOtherRegion(String arnRegion) {
        return new KmsException("NotFoundException", "Invalid arn " + arnRegion);
    }

    static KmsException aliasNotFound(String aliasArn) {
        return new KmsException("NotFoundException", "Alias " + aliasArn + " is not found.");
    }

    static KmsException malformedArn(String arn) {
        return new KmsException("InvalidArnException", "Invalid arn " + arn);
    }

    static KmsException aliasNotSupported() {
        return new KmsException("InvalidArnException", "Key Aliases are not supported for this operation.");
    }

    static KmsException invalidState(String keyArn, String stateDescription) {
        return new KmsException("KMSInvalidStateException", keyArn + " is " + stateDescription + ".");
    }

    static KmsException stateNotSupported(String keyArn, String stateDescription) {
        return new KmsException("KMSInvalidStateException",
                keyArn + " is " + stateDescription + ", but the operation doesn't support such a state");
    }

    static KmsException accessDenied(String operation, String resourceArn) {
        return new KmsException("AccessDeniedException", "User: " + KmsAccount.CALLER_ARN
                + " is not authorized to perform: kms:" + operation + " on resource: " + resourceArn);
    }

    static KmsException reservedTag() {
        return new KmsException("TagException", "Tags beginning with aws: are reserved");
    }

    static KmsException duplicateTagKeys() {
        return new KmsException("TagException", "Duplicate tag keys");
    }

    static KmsException tooManyTags() {
        return new KmsException("TagException", "Too many tags");
    }

    static KmsException invalidMarker() {
        return new KmsException("InvalidMarkerException", "Invalid marker");
    }

    static KmsException aliasExists(String aliasArn) {
        return new KmsException("AlreadyExistsException", "An alias with the name " + aliasArn + " already exists");
    }

    static KmsException reservedAlias() {
        return new KmsException("NotAuthorizedException", "");
    }

    static KmsException invalidAliasName(String aliasName) {
        return new KmsException("ValidationException", aliasName + " contains invalid characters for an alias");
    }

    static KmsException aliasWithoutPrefix() {
        return new KmsException("ValidationException", "Alias must start with the prefix \"alias/\". Please see "
                + "https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html");
    }

    static KmsException aliasTargetIsAlias() {
        return new KmsException("ValidationException", "Aliases must refer to keys. Not aliases");
    }

    static KmsException unsupportedOperation(String operation) {
        return new KmsException("UnsupportedOperationException",
                "The bundled KMS backend does not support " + operation + "; it covers keys, aliases and tags.");
    }

    static KmsException unknownOperation() {
        return new KmsException("UnknownOperationException", "");
    }

    static KmsException keyUsageRequired() {
        return new KmsException("ValidationException",
                "You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.");
    }

    static KmsException incompatibleKeySpec(String keyUsage, String keySpec) {
        return new KmsException("ValidationException",
                "KeyUsage " + keyUsage + " is not compatible with KeySpec " + keySpec);
    }

    static KmsException unsupportedOrigin(String origin) {
        return new KmsException("UnsupportedOperationException",
                "The bundled KMS backend does not support keys with origin " + origin + ".");
    }
}
