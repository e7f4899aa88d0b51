package dev.kmstags.local.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kmstags.local.KmsException;
import dev.kmstags.local.protocol.KmsRequest;
import dev.kmstags.local.store.SqliteKeyStore;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Operation names the SDK cannot send: ones KMS has but the backend lacks, and ones KMS does not have. */
class BackendOperationsTest {

    @TempDir
    Path folder;

    private static KmsRequest request(String operation) {
        return new KmsRequest(operation, "us-east-1", "test", JsonNodeFactory.instance.objectNode());
    }

    @Test
    void kmsOperationsOutsideTheBackendAreUnsupportedAndUnknownNamesAreUnknown() {
        try (SqliteKeyStore store = SqliteKeyStore.open(folder.resolve("kms.db"))) {
            BackendOperations service = new BackendOperations(store, Clock.systemUTC());

            assertThatThrownBy(() -> service.handle(request("GetKeyPolicy"))).isInstanceOfSatisfying(
                    KmsException.class, e -> {
                        assertThat(e.code()).isEqualTo("UnsupportedOperationException");
                        assertThat(e.getMessage()).contains("GetKeyPolicy");
                    });
            assertThatThrownBy(() -> service.handle(request("FrobnicateKey"))).isInstanceOfSatisfying(
                    KmsException.class, e -> assertThat(e.code())
                            .isEqualTo("UnknownOperationException"));
        }
    }

    @Test
    void describeEffectivePolicyAnswersOnlyForTagPoliciesAndOnlyTheAccountItPlays() {
        try (SqliteKeyStore store = SqliteKeyStore.open(folder.resolve("kms.db"))) {
            BackendOperations service = new BackendOperations(store, Clock.systemUTC(),
                    java.util.Optional.of("{\"tags\":{}}"));
            KmsRequest tagPolicy = new KmsRequest("organizations:DescribeEffectivePolicy", "us-east-1", "test",
                    JsonNodeFactory.instance.objectNode().put("PolicyType", "TAG_POLICY"));

            assertThat(service.handle(tagPolicy).path("EffectivePolicy").path("PolicyContent").asText())
                    .isEqualTo("{\"tags\":{}}");
            assertThat(service.handle(tagPolicy).path("EffectivePolicy").path("TargetId").asText())
                    .isEqualTo(KmsAccount.ACCOUNT_ID);
            tagPolicy.body().put("PolicyType", "BACKUP_POLICY");
            assertThatThrownBy(() -> service.handle(tagPolicy)).isInstanceOfSatisfying(KmsException.class,
                    e -> assertThat(e.code()).isEqualTo("EffectivePolicyNotFoundException"));
            tagPolicy.body().put("PolicyType", "TAGS");
            assertThatThrownBy(() -> service.handle(tagPolicy)).isInstanceOfSatisfying(KmsException.class,
                    e -> assertThat(e.code()).isEqualTo("InvalidInputException"));
            tagPolicy.body().put("PolicyType", "TAG_POLICY").put("TargetId", "999999999999");
            assertThatThrownBy(() -> service.handle(tagPolicy)).isInstanceOfSatisfying(KmsException.class,
                    e -> assertThat(e.code()).isEqualTo("TargetNotFoundException"));
            assertThatThrownBy(() -> service.handle(request("DescribeEffectivePolicy")))
                    .isInstanceOfSatisfying(KmsException.class,
                            e -> assertThat(e.code()).isEqualTo("UnknownOperationException"));
        }
    }

    @Test
    void aNullInAListIsAMissingMemberNotAWronglyTypedOne() throws Exception {
        try (SqliteKeyStore store = SqliteKeyStore.open(folder.resolve("kms.db"))) {
            BackendOperations service = new BackendOperations(store, Clock.systemUTC());
            ObjectMapper json = new ObjectMapper();
            KmsRequest tagNull = new KmsRequest("TagResource", "us-east-1", "test", (ObjectNode) json.readTree(
                    "{\"KeyId\":\"1234abcd-12ab-34cd-56ef-1234567890ab\",\"Tags\":[null]}"));
            KmsRequest untagNull = new KmsRequest("UntagResource", "us-east-1", "test", (ObjectNode) json.readTree(
                    "{\"KeyId\":\"1234abcd-12ab-34cd-56ef-1234567890ab\",\"TagKeys\":[\"k\",null]}"));

            assertThatThrownBy(() -> service.handle(tagNull)).isInstanceOfSatisfying(KmsException.class, e -> {
                assertThat(e.code()).isEqualTo("ValidationException");
                assertThat(e.getMessage()).isEqualTo("1 validation error detected: Value null at 'tags.1.member'"
                        + " failed to satisfy constraint: Member must not be null");
            });
            assertThatThrownBy(() -> service.handle(untagNull)).isInstanceOfSatisfying(KmsException.class, e -> {
                assertThat(e.code()).isEqualTo("ValidationException");
                assertThat(e.getMessage()).isEqualTo("1 validation error detected: Value null at 'tagKeys.2.member'"
                        + " failed to satisfy constraint: Member must not be null");
            });
        }
    }
}
