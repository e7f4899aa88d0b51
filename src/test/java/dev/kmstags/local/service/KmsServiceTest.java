package dev.kmstags.local.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.kmstags.local.KmsException;
import dev.kmstags.local.protocol.KmsRequest;
import dev.kmstags.local.store.SqliteKeyStore;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Operation names the SDK cannot send: ones KMS has but the backend lacks, and ones KMS does not have. */
class KmsServiceTest {

    @TempDir
    Path folder;

    private static KmsRequest request(String operation) {
        return new KmsRequest(operation, "us-east-1", "test", JsonNodeFactory.instance.objectNode());
    }

    @Test
    void kmsOperationsOutsideTheBackendAreUnsupportedAndUnknownNamesAreUnknown() {
        try (SqliteKeyStore store = SqliteKeyStore.open(folder.resolve("kms.db"))) {
            KmsService service = new KmsService(store, Clock.systemUTC());

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
}
