package dev.kmstags.local;

import static dev.kmstags.local.BackendFixture.tag;
import static dev.kmstags.local.KmsErrorAssert.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kms.KmsClient;

class FaultInjectorTest {

    @TempDir
    Path directory;

    @Test
    void anInjectedFaultFailsTheChosenCallsThenTheOperationWorksAgain() {
        try (BackendFixture backend = BackendFixture.empty(directory)) {
            KmsClient kms = backend.client();
            String keyId = backend.createKey(tag("Env", "dev"));
            backend.backend().faults().fail("TagResource", 1, "LimitExceededException", "Too many requests");

            kms.untagResource(b -> b.keyId(keyId).tagKeys("Env"));
            failsWith(() -> kms.tagResource(b -> b.keyId(keyId).tags(tag("Team", "x"))), "LimitExceededException",
                    "Too many requests");
            assertThat(kms.listResourceTags(b -> b.keyId(keyId)).tags()).isEmpty();

            kms.tagResource(b -> b.keyId(keyId).tags(tag("Team", "x")));
            assertThat(kms.listResourceTags(b -> b.keyId(keyId)).tags()).containsExactly(tag("Team", "x"));
        }
    }

    @Test
    void aFaultForOneKeyFailsThatKeysCallsOnlyUntilItIsUsedUp() {
        try (BackendFixture backend = BackendFixture.empty(directory)) {
            KmsClient kms = backend.client();
            String denied = backend.createKey();
            String allowed = backend.createKey();
            backend.backend().faults().failForKey("DescribeKey", denied, 2, "AccessDeniedException",
                    "not authorized to perform: kms:DescribeKey");

            failsWith(() -> kms.describeKey(b -> b.keyId(denied)), "AccessDeniedException",
                    "not authorized to perform: kms:DescribeKey");
            assertThat(kms.describeKey(b -> b.keyId(allowed)).keyMetadata().keyId()).isEqualTo(allowed);
            assertThat(kms.listResourceTags(b -> b.keyId(denied)).tags()).isEmpty();
            failsWith(() -> kms.describeKey(b -> b.keyId(denied)), "AccessDeniedException",
                    "not authorized to perform: kms:DescribeKey");

            assertThat(kms.describeKey(b -> b.keyId(denied)).keyMetadata().keyId()).isEqualTo(denied);
        }
    }
}
