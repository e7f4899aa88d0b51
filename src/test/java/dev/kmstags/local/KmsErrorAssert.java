package dev.kmstags.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.services.kms.model.KmsException;

/** Runs an SDK call that must fail and checks the KMS error the SDK saw: code, message and HTTP status. */
final class KmsErrorAssert {

    private KmsErrorAssert() {
    }

    static KmsException failsWith(ThrowingCallable call, String code, String message) {
        KmsException error = catchThrowableOfType(KmsException.class, call);
        assertThat(error).as("the call should fail with %s", code).isNotNull();
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo(message);
        assertThat(error.statusCode()).isEqualTo(400);
        return error;
    }

    static KmsException failsWithCode(ThrowingCallable call, String code) {
        KmsException error = catchThrowableOfType(KmsException.class, call);
        assertThat(error).as("the call should fail with %s", code).isNotNull();
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(error.statusCode()).isEqualTo(400);
        return error;
    }
}
