package dev.kmstags.kms;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * Turns what the SDK throws into a {@link KmsAccessException} whose message a user understands. KMS answers most
 * client errors with HTTP 400, so the mapping reads the error code, not the status.
 */
public final class KmsErrors {

    private static final String BUNDLE = "dev.kmstags.kms.messages";

    private static final Set<String> CREDENTIAL_ERRORS = Set.of(
            "UnrecognizedClientException", "InvalidSignatureException", "IncompleteSignatureException",
            "InvalidClientTokenId", "MissingAuthenticationTokenException", "SignatureDoesNotMatch");
    private static final Set<String> EXPIRED_CREDENTIAL_ERRORS = Set.of("ExpiredTokenException", "ExpiredToken",
            "RequestExpired");
    private static final Map<String, KmsProblem> REQUEST_ERRORS = Map.of(
            "NotFoundException", KmsProblem.NOT_FOUND,
            "InvalidArnException", KmsProblem.INVALID_ARN,
            "KMSInvalidStateException", KmsProblem.INVALID_STATE,
            "DisabledException", KmsProblem.INVALID_STATE,
            "LimitExceededException", KmsProblem.LIMIT_EXCEEDED,
            "TagException", KmsProblem.TAG_REJECTED,
            "ValidationException", KmsProblem.VALIDATION,
            "SerializationException", KmsProblem.VALIDATION);
    /** What the SDK's IAM Identity Center providers say when the cached sign-in has ended or never happened. */
    private static final List<String> SSO_EXPIRED = List.of("The SSO session associated with this profile",
            "Token is expired", "aws sso login");
    /** What the SDK's credentials providers say when a profile or the environment has no credentials. */
    private static final List<String> CREDENTIALS_MISSING = List.of("Unable to load credentials",
            "Profile file contained no credentials");
    private static final Set<String> ACCESS_ERRORS = Set.of("AccessDeniedException", "AccessDenied");
    private static final Set<String> THROTTLING_ERRORS = Set.of(
            "ThrottlingException", "Throttling", "TooManyRequestsException", "RequestLimitExceeded");
    private static final Set<String> SERVICE_ERRORS = Set.of(
            "KMSInternalException", "KmsInternalException", "DependencyTimeoutException", "ServiceUnavailable",
            "InternalFailure");

    private KmsErrors() {
    }

    /** That {@code connection}'s region has no KMS endpoint of AWS's own, found before any call is made. */
    static KmsAccessException unknownRegion(KmsConnection connection) {
        return new KmsAccessException(KmsProblem.UNKNOWN_REGION,
                sentence(KmsProblem.UNKNOWN_REGION, KmsCall.LIST_KEYS, connection, connection.region(),
                        Locale.getDefault()),
                connection.region(), null);
    }

    /** The failure {@code error} means for {@code call} on {@code connection}. */
    public static KmsAccessException translate(Throwable error, KmsConnection connection, KmsCall call) {
        if (error instanceof KmsAccessException already) {
            return already;
        }
        KmsProblem problem = classify(error);
        String detail = detail(error);
        return new KmsAccessException(problem, sentence(problem, call, connection, detail, Locale.getDefault()),
                detail, error);
    }

    /** What went wrong, judged by the KMS error code or the network failure behind {@code error}. */
    static KmsProblem classify(Throwable error) {
        AwsServiceException service = serviceError(error);
        if (service instanceof StsException && ACCESS_ERRORS.contains(errorCode(service))) {
            // The credentials provider's AssumeRole was refused, before KMS was asked anything.
            return KmsProblem.ASSUME_ROLE_DENIED;
        }
        if (service != null) {
            String code = errorCode(service);
            if (CREDENTIAL_ERRORS.contains(code)) {
                return KmsProblem.INVALID_CREDENTIALS;
            }
            if (EXPIRED_CREDENTIAL_ERRORS.contains(code)) {
                return KmsProblem.CREDENTIALS_EXPIRED;
            }
            if (REQUEST_ERRORS.containsKey(code)) {
                return REQUEST_ERRORS.get(code);
            }
            // A 403 whose code the SDK could not read (moto's IAM wraps its errors as EC2 does) is still a refusal.
            if (ACCESS_ERRORS.contains(code) || code.isEmpty() && service.statusCode() == 403) {
                return KmsProblem.ACCESS_DENIED;
            }
            if (THROTTLING_ERRORS.contains(code) || service.isThrottlingException()) {
                return KmsProblem.THROTTLED;
            }
            if (SERVICE_ERRORS.contains(code) || service.statusCode() >= 500) {
                return KmsProblem.SERVICE_ERROR;
            }
            return KmsProblem.UNEXPECTED;
        }
        String text = String.valueOf(error.getMessage());
        if (SSO_EXPIRED.stream().anyMatch(text::contains)) {
            return KmsProblem.SSO_LOGIN_NEEDED;
        }
        if (CREDENTIALS_MISSING.stream().anyMatch(text::contains)) {
            return KmsProblem.CREDENTIALS_MISSING;
        }
        if (text.contains("has expired") || text.contains("token is expired") || text.contains("Token is expired")) {
            return KmsProblem.CREDENTIALS_EXPIRED;
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
                return KmsProblem.CONNECTION_REFUSED;
            }
            if (cause instanceof UnknownHostException) {
                return KmsProblem.UNKNOWN_HOST;
            }
            if (cause instanceof SocketTimeoutException || cause instanceof ApiCallTimeoutException
                    || cause instanceof ApiCallAttemptTimeoutException) {
                return KmsProblem.TIMEOUT;
            }
        }
        return KmsProblem.NETWORK;
    }

    /**
     * The sentence for {@code problem}: {@code problem.<PROBLEM>.<CALL>} in the bundle where the call makes a
     * difference (the permissions a refused call needs), else {@code problem.<PROBLEM>}.
     */
    static String sentence(KmsProblem problem, KmsCall call, KmsConnection connection, String detail,
                           Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale);
        String forCall = "problem." + problem.name() + "." + call.name();
        String pattern = bundle.getString(bundle.containsKey(forCall) ? forCall : "problem." + problem.name());
        String who = new MessageFormat(bundle.getString("connection." + connection.kind().name()), locale)
                .format(new Object[] {connection.name()});
        return new MessageFormat(pattern, locale).format(new Object[] {
                connection.endpointText(), connection.region(), detail, who, connection.name()});
    }

    /** The error code and KMS's own message, or the exception's message, for the sentence's end. */
    static String detail(Throwable error) {
        AwsServiceException service = serviceError(error);
        if (service != null && service.awsErrorDetails() != null) {
            String message = service.awsErrorDetails().errorMessage();
            String code = errorCode(service);
            if (message == null || message.isBlank()) {
                return code.isEmpty() ? "HTTP " + service.statusCode() : code;
            }
            return code + ": " + message;
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }

    /** The error an AWS service answered with, if one is behind {@code error} (credentials providers wrap it). */
    private static AwsServiceException serviceError(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof AwsServiceException service) {
                return service;
            }
        }
        return null;
    }

    private static String errorCode(AwsServiceException service) {
        if (service.awsErrorDetails() == null || service.awsErrorDetails().errorCode() == null) {
            return "";
        }
        String code = service.awsErrorDetails().errorCode();
        // Some endpoints answer with a namespaced code, such as com.amazonaws.kms#NotFoundException.
        int hash = code.lastIndexOf('#');
        return hash >= 0 ? code.substring(hash + 1) : code;
    }

    /** Whether {@code error} says these credentials may not make the call (an IAM or key policy denies it). */
    static boolean isAccessDenied(Throwable error) {
        return error instanceof AwsServiceException && classify(error) == KmsProblem.ACCESS_DENIED;
    }

    /** Whether {@code error} says the key no longer exists (it may be deleted between listing and describing). */
    static boolean isNotFound(Throwable error) {
        return error instanceof AwsServiceException service && "NotFoundException".equals(errorCode(service));
    }
}
