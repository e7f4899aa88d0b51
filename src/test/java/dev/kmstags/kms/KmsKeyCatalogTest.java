package dev.kmstags.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmstags.domain.KeyManager;
import dev.kmstags.domain.KeySummary;
import dev.kmstags.local.BackendOptions;
import dev.kmstags.local.LocalKmsBackend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kms.KmsClient;

/** The catalog with the real SDK client against the bundled backend over HTTP. */
class KmsKeyCatalogTest {

    @TempDir
    Path folder;

    private LocalKmsBackend backend;

    @AfterEach
    void stopBackend() {
        if (backend != null) {
            backend.close();
        }
    }

    private KmsConnection start(boolean seed, String region) throws Exception {
        backend = LocalKmsBackend.start(BackendOptions.defaults(folder.resolve("kms.db")).withPort(0).withSeed(seed));
        return KmsConnection.bundledBackend(backend.endpoint(), region, "test", "test");
    }

    private static List<KeySummary> listAll(KeyCatalog catalog, List<Integer> batchSizes) {
        List<KeySummary> keys = new ArrayList<>();
        int count = catalog.listKeys(batch -> {
            batchSizes.add(batch.size());
            keys.addAll(batch);
        });
        assertThat(count).isEqualTo(keys.size());
        return keys;
    }

    private static Map<String, KeySummary> byFirstAlias(List<KeySummary> keys) {
        return keys.stream().filter(key -> !key.aliases().isEmpty())
                .collect(Collectors.toMap(key -> key.aliases().get(0), Function.identity()));
    }

    @Test
    void listsEveryKeyOfTheRegionWithItsAliasesStateAndManager() throws Exception {
        try (KmsSession session = KmsSession.open(start(true, "us-east-1"))) {
            List<KeySummary> keys = listAll(session.keyCatalog(), new ArrayList<>());

            assertThat(keys).hasSize(12);
            Map<String, KeySummary> byAlias = byFirstAlias(keys);
            assertThat(byAlias.get("alias/payments-prod").state()).isEqualTo("Enabled");
            assertThat(byAlias.get("alias/payments-prod").manager()).isEqualTo(KeyManager.CUSTOMER);
            assertThat(byAlias.get("alias/payments-prod").description()).isEqualTo("Payments service: card data at rest");
            assertThat(byAlias.get("alias/payments-prod").arn())
                    .startsWith("arn:aws:kms:us-east-1:").endsWith(":key/" + byAlias.get("alias/payments-prod").keyId());
            assertThat(byAlias.get("alias/build-cache").aliases())
                    .containsExactly("alias/build-cache", "alias/ci-artifacts");
            assertThat(byAlias.get("alias/reporting-old").state()).isEqualTo("Disabled");
            assertThat(byAlias.get("alias/tmp-experiment").state()).isEqualTo("PendingDeletion");
            assertThat(byAlias.get("alias/aws/s3").manager()).isEqualTo(KeyManager.AWS);
            assertThat(byAlias.get("alias/aws/ebs").manager()).isEqualTo(KeyManager.AWS);
            assertThat(keys).filteredOn(key -> key.aliases().isEmpty()).hasSize(1);
            assertThat(keys).allSatisfy(key -> assertThat(key.created()).isNotNull());
            // alias/aws/lambda has no target key yet: it names no key and breaks nothing.
            assertThat(keys).flatExtracting(KeySummary::aliases).doesNotContain("alias/aws/lambda");
        }
    }

    @Test
    void eachRegionHasItsOwnKeys() throws Exception {
        try (KmsSession session = KmsSession.open(start(true, "eu-west-1"))) {
            List<KeySummary> keys = listAll(session.keyCatalog(), new ArrayList<>());

            assertThat(keys).flatExtracting(KeySummary::aliases)
                    .contains("alias/payments-eu", "alias/customer-exports", "alias/loadtest", "alias/aws/s3")
                    .doesNotContain("alias/payments-prod");
            assertThat(keys).allSatisfy(key -> assertThat(key.arn()).startsWith("arn:aws:kms:eu-west-1:"));
        }
    }

    @Test
    void aRegionWithoutKeysHandsOverNothing() throws Exception {
        try (KmsSession session = KmsSession.open(start(true, "ap-southeast-2"))) {
            List<Integer> batches = new ArrayList<>();

            assertThat(listAll(session.keyCatalog(), batches)).isEmpty();
            assertThat(batches).isEmpty();
        }
    }

    @Test
    void readsEveryPageAndHandsOverEachPageAsItIsDescribed() throws Exception {
        KmsConnection connection = start(false, "us-east-1");
        int keyCount = 230;
        int aliasCount = 120;
        try (KmsClient client = KmsClients.create(connection)) {
            for (int i = 0; i < keyCount; i++) {
                String keyId = client.createKey(request -> request.description("bulk")).keyMetadata().keyId();
                if (i < aliasCount) {
                    String alias = "alias/bulk-%03d".formatted(i);
                    client.createAlias(request -> request.aliasName(alias).targetKeyId(keyId));
                }
            }
        }
        try (KmsSession session = KmsSession.open(connection)) {
            List<Integer> batches = new ArrayList<>();
            List<KeySummary> keys = listAll(session.keyCatalog(), batches);

            assertThat(keys).hasSize(keyCount);
            assertThat(keys).extracting(KeySummary::keyId).doesNotHaveDuplicates();
            // ListKeys answers 100 keys a page unless asked otherwise: three pages, three batches.
            assertThat(batches).containsExactly(100, 100, 30);
            // ListAliases answers 50 a page: every page of aliases was read.
            assertThat(keys).flatExtracting(KeySummary::aliases).hasSize(aliasCount)
                    .contains("alias/bulk-000", "alias/bulk-119");
        }
    }

    @Test
    void credentialsTheBackendDoesNotKnowAreReportedAsRejected() throws Exception {
        KmsConnection connection = start(true, "us-east-1");
        KmsConnection stranger = new KmsConnection(connection.kind(), connection.endpoint(), "us-east-1",
                "AKIAEXAMPLE", "wrong-secret");

        try (KmsSession session = KmsSession.open(stranger)) {
            assertThatThrownBy(() -> session.keyCatalog().listKeys(batch -> { }))
                    .isInstanceOfSatisfying(KmsAccessException.class,
                            e -> assertThat(e.problem()).isEqualTo(KmsProblem.INVALID_CREDENTIALS));
        }
    }
}
