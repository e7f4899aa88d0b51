package dev.kmstags.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmstags.profiles.AwsConfigFiles;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.sts.model.StsException;

class KmsErrorsTest {

    private static final KmsConnection CONNECTION =
            KmsConnection.bundledBackend(URI.create("http://127.0.0.1:4599"), "eu-west-1", "test", "test");

    /** An error as the SDK builds it from a KMS answer. */
    private static AwsServiceException answered(String code, String message, int status) {
        return KmsException.builder()
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
                .statusCode(status)
                .build();
    }

    @Test
    void nothingAnsweringAtTheEndpointSaysSoAndNamesTheEndpoint() throws IOException {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        KmsConnection nowhere = KmsConnection.bundledBackend(URI.create("http://127.0.0.1:" + freePort),
                "us-east-1", "test", "test");

        try (KmsSession session = KmsSession.open(nowhere)) {
            assertThatThrownBy(() -> session.keyCatalog().listKeys(batch -> { }))
                    .isInstanceOfSatisfying(KmsAccessException.class, e -> {
                        assertThat(e.problem()).isEqualTo(KmsProblem.CONNECTION_REFUSED);
                        assertThat(e.getMessage()).isEqualTo("Could not connect to KMS at http://127.0.0.1:"
                                + freePort + ": nothing answers there. Check that the endpoint is running, then "
                                + "refresh (F5).");
                        assertThat(e.getCause()).isInstanceOf(SdkClientException.class);
                    });
        }
    }

    @Test
    void accessDeniedNamesTheRegionAndThePermissionsToAskFor() {
        KmsAccessException e = listing(answered("AccessDeniedException",
                "User: arn:aws:iam::111122223333:user/jdoe is not authorized to perform: kms:ListKeys", 400));

        assertThat(e.problem()).isEqualTo(KmsProblem.ACCESS_DENIED);
        assertThat(e.getMessage()).isEqualTo("Access denied: these credentials may not list the keys in eu-west-1. "
                + "Ask an administrator for kms:ListKeys; kms:ListAliases, kms:DescribeKey and kms:ListResourceTags "
                + "show them whole.");
    }

    @Test
    void aRefusedTagReadOrChangeNamesThePermissionsItNeeds() {
        Exception refused = answered("AccessDeniedException", "not authorized", 400);

        assertThat(KmsErrors.translate(refused, CONNECTION, KmsCall.READ_TAGS).getMessage()).isEqualTo(
                "Access denied: these credentials may not read the tags of this key (AccessDeniedException: not"
                        + " authorized). Ask an administrator for kms:ListResourceTags on it.");
        assertThat(KmsErrors.translate(refused, CONNECTION, KmsCall.CHANGE_TAGS).getMessage()).isEqualTo(
                "Access denied: these credentials may not change the tags of this key (AccessDeniedException: not"
                        + " authorized). Ask an administrator for kms:TagResource and kms:UntagResource on it.");
    }

    @Test
    void rejectedCredentialsAreTheCredentialsProblemWhateverTheCode() {
        for (String code : new String[] {"UnrecognizedClientException", "InvalidSignatureException",
                "com.amazonaws.kms#IncompleteSignatureException"}) {
            assertThat(listing(answered(code, "no", 400)).problem())
                    .as(code).isEqualTo(KmsProblem.INVALID_CREDENTIALS);
        }
        assertThat(listing(answered("ExpiredTokenException", "expired", 400)).problem())
                .isEqualTo(KmsProblem.CREDENTIALS_EXPIRED);
    }

    @Test
    void requestErrorsAreClassifiedByTheirKmsCode() {
        Map<String, KmsProblem> expected = Map.of(
                "NotFoundException", KmsProblem.NOT_FOUND,
                "InvalidArnException", KmsProblem.INVALID_ARN,
                "KMSInvalidStateException", KmsProblem.INVALID_STATE,
                "LimitExceededException", KmsProblem.LIMIT_EXCEEDED,
                "TagException", KmsProblem.TAG_REJECTED,
                "ValidationException", KmsProblem.VALIDATION);
        expected.forEach((code, problem) -> assertThat(
                listing(answered(code, "m", 400)).problem()).as(code).isEqualTo(problem));
    }

    @Test
    void throttlingAndInternalErrorsAskTheUserToWaitAndRefresh() {
        KmsAccessException throttled = listing(answered("ThrottlingException", "Rate exceeded", 400));
        KmsAccessException internal = listing(answered("KMSInternalException", "Internal error", 500));
        KmsAccessException gateway = listing(answered("", null, 503));

        assertThat(throttled.problem()).isEqualTo(KmsProblem.THROTTLED);
        assertThat(throttled.getMessage()).contains("Wait a moment, then refresh (F5)");
        assertThat(internal.problem()).isEqualTo(KmsProblem.SERVICE_ERROR);
        assertThat(internal.getMessage())
                .isEqualTo("KMS failed on its side (KMSInternalException: Internal error). Wait a moment, then "
                        + "refresh (F5).");
        assertThat(gateway.problem()).isEqualTo(KmsProblem.SERVICE_ERROR);
    }

    @Test
    void anyOtherErrorKeepsKmsCodeAndMessage() {
        KmsAccessException e = listing(answered("IncorrectKeyException", "wrong key", 400));

        assertThat(e.problem()).isEqualTo(KmsProblem.UNEXPECTED);
        assertThat(e.getMessage()).isEqualTo("KMS refused the request (IncorrectKeyException: wrong key).");
        assertThat(e.detail()).isEqualTo("IncorrectKeyException: wrong key");
    }

    @Test
    void theErrorCodeDecidesNotTheHttpStatus() {
        assertThat(KmsErrors.isNotFound(answered("NotFoundException", "Key does not exist", 400))).isTrue();
        assertThat(KmsErrors.isNotFound(answered("com.amazonaws.kms#NotFoundException", "gone", 400))).isTrue();
        assertThat(listing(answered("AccessDeniedException", "no", 400)).problem())
                .isEqualTo(KmsProblem.ACCESS_DENIED);
    }

    @Test
    void aRefusedAssumeRoleIsTheRolesProblemNotKmss() {
        KmsConnection profile = KmsConnection.profile("admin", new AwsConfigFiles(Path.of("config"),
                Path.of("credentials")), Optional.empty(), "eu-west-1");
        StsException refused = (StsException) StsException.builder()
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDenied").serviceName("STS")
                        .errorMessage("User: arn:aws:iam::111122223333:user/jdoe is not authorized to perform: "
                                + "sts:AssumeRole").build())
                .statusCode(403).build();

        KmsAccessException e = KmsErrors.translate(SdkClientException.create("Unable to load credentials", refused),
                profile, KmsCall.LIST_KEYS);

        assertThat(e.problem()).isEqualTo(KmsProblem.ASSUME_ROLE_DENIED);
        assertThat(e.getMessage()).startsWith("The role of profile admin could not be assumed (AccessDenied: User:");
    }

    /** The SDK's own words when an IAM Identity Center sign-in has ended (SsoCredentialsProvider, SsoOidcToken). */
    @Test
    void anExpiredSsoSignInTellsWhichLoginToRun() {
        KmsConnection profile = KmsConnection.profile("dev-sso", new AwsConfigFiles(Path.of("config"),
                Path.of("credentials")), Optional.empty(), "eu-west-1");
        for (String said : new String[] {"The SSO session associated with this profile has expired or is otherwise "
                + "invalid. To refresh this SSO session run aws sso login with the corresponding profile.",
                "Token is expired"}) {
            KmsAccessException e = KmsErrors.translate(SdkClientException.create(said), profile, KmsCall.LIST_KEYS);

            assertThat(e.problem()).as(said).isEqualTo(KmsProblem.SSO_LOGIN_NEEDED);
            assertThat(e.getMessage()).contains("Run `aws sso login --profile dev-sso`, then refresh (F5).");
        }
    }

    /** What {@code error} means for listing the keys on {@link #CONNECTION}. */
    private static KmsAccessException listing(Throwable error) {
        return KmsErrors.translate(error, CONNECTION, KmsCall.LIST_KEYS);
    }
}
