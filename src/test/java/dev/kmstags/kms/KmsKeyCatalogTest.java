package dev.kmstags.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmstags.domain.KeyManager;
import dev.kmstags.domain.KeyStates;
import dev.kmstags.domain.KeySummary;
import dev.kmstags.domain.KeyTags;
import dev.kmstags.domain.Tag;
import dev.kmstags.local.BackendOptions;
import dev.kmstags.local.LocalKmsBackend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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
        return listAll(catalog, batchSizes, new HashMap<>());
    }

    /** Every key listed, with the aliases that came after it; each key's tags go to {@code tags}. */
    private static List<KeySummary> listAll(KeyCatalog catalog, List<Integer> batchSizes,
                                            Map<String, KeyTags> tags) {
        List<KeySummary> keys = new ArrayList<>();
        List<KeySummary> beforeAliases = new ArrayList<>();
        Map<String, List<String>> aliases = new HashMap<>();
        int count = catalog.listKeys(new KeyCatalog.Listener() {
            @Override
            public void accept(List<KeySummary> batch) {
                batchSizes.add(batch.size());
                keys.addAll(batch);
            }

            @Override
            public void acceptBeforeAliases(List<KeySummary> batch) {
                batchSizes.add(batch.size());
                beforeAliases.addAll(batch);
            }

            @Override
            public void aliasesArrived(Map<String, List<String>> aliasesByKeyId) {
                assertThat(aliases).isEmpty();
                aliases.putAll(aliasesByKeyId);
                beforeAliases.forEach(key -> keys.add(key.withAliases(aliasesByKeyId.getOrDefault(key.keyId(),
                        List.of()))));
                beforeAliases.clear();
            }

            @Override
            public void tagsArrived(List<KeyTags> batch) {
                batch.forEach(keyTags -> assertThat(tags.put(keyTags.keyId(), keyTags)).isNull());
            }
        });
        assertThat(beforeAliases).isEmpty();
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
            assertThat(byAlias.get("alias/tmp-experiment").deletionDate())
                    .as("DescribeKey's DeletionDate of a key pending deletion")
                    .isAfter(java.time.Instant.now().plus(java.time.Duration.ofDays(1)));
            assertThat(byAlias.get("alias/payments-prod").deletionDate()).isNull();
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
    void readsEveryPageOfKeysAliasesAndTags() throws Exception {
        KmsConnection connection = start(false, "us-east-1");
        // More than one page of ListKeys (1,000 a page) and of ListAliases (100 a page).
        int keyCount = 1_030;
        int aliasCount = 120;
        List<String> created;
        try (KmsClient client = KmsClients.create(connection)) {
            created = IntStream.range(0, keyCount).parallel().mapToObj(i -> {
                String keyId = client.createKey(request -> request.description("bulk")).keyMetadata().keyId();
                if (i < aliasCount) {
                    client.createAlias(request -> request.aliasName("alias/bulk-%03d".formatted(i)).targetKeyId(keyId));
                }
                return keyId;
            }).toList();
            // More than one page of ListResourceTags (50 a page).
            List<software.amazon.awssdk.services.kms.model.Tag> many = IntStream.range(0, 50)
                    .mapToObj(i -> software.amazon.awssdk.services.kms.model.Tag.builder()
                            .tagKey("k" + i).tagValue("v" + i).build())
                    .toList();
            client.tagResource(request -> request.keyId(created.get(7)).tags(many));
            client.untagResource(request -> request.keyId(created.get(7)).tagKeys("k0"));
            client.tagResource(request -> request.keyId(created.get(7)).tags(many.get(0)));
        }
        try (KmsSession session = KmsSession.open(connection)) {
            List<Integer> batches = new ArrayList<>();
            Map<String, KeyTags> tags = new HashMap<>();
            List<KeySummary> keys = listAll(session.keyCatalog(), batches, tags);

            assertThat(keys).extracting(KeySummary::keyId).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(created);
            assertThat(batches).as("keys are handed over in batches as they are described").hasSizeGreaterThan(1);
            assertThat(keys).flatExtracting(KeySummary::aliases).hasSize(aliasCount)
                    .contains("alias/bulk-000", "alias/bulk-119");
            assertThat(tags).hasSize(keyCount);
            assertThat(tags.get(created.get(7)).tags()).hasSize(50)
                    .contains(new Tag("k0", "v0"), new Tag("k49", "v49"));
            assertThat(tags.get(created.get(8)).tags()).isEmpty();
        }
    }

    @Test
    void readsTheTagsOfCustomerManagedKeysOnly() throws Exception {
        try (KmsSession session = KmsSession.open(start(true, "us-east-1"))) {
            Map<String, KeyTags> tags = new HashMap<>();
            Map<String, KeySummary> byAlias = byFirstAlias(listAll(session.keyCatalog(), new ArrayList<>(), tags));

            assertThat(tags.get(byAlias.get("alias/payments-prod").keyId()).tags()).isNotEmpty();
            assertThat(tags).doesNotContainKey(byAlias.get("alias/aws/s3").keyId());
            assertThat(tags.values()).noneMatch(KeyTags::denied);
        }
    }

    @Test
    void aKeyKmsWillNotDescribeOrWhoseTagsItWillNotListIsHandedOverMarkedAndTheRestStillLoad() throws Exception {
        KmsConnection connection = start(true, "us-east-1");
        String denied = "User: arn:aws:iam::111122223333:user/reader is not authorized to perform: kms:DescribeKey";
        Map<String, KeySummary> before;
        try (KmsSession session = KmsSession.open(connection)) {
            before = byFirstAlias(listAll(session.keyCatalog(), new ArrayList<>()));
        }
        String hidden = before.get("alias/payments-prod").keyId();
        String untaggable = before.get("alias/reporting-old").keyId();
        backend.faults().failForKey("DescribeKey", hidden, Integer.MAX_VALUE, "AccessDeniedException", denied);
        backend.faults().failForKey("ListResourceTags", untaggable, Integer.MAX_VALUE, "AccessDeniedException",
                denied.replace("DescribeKey", "ListResourceTags"));

        try (KmsSession session = KmsSession.open(connection)) {
            Map<String, KeyTags> tags = new HashMap<>();
            List<KeySummary> keys = listAll(session.keyCatalog(), new ArrayList<>(), tags);

            assertThat(keys).hasSize(12);
            KeySummary refused = keys.stream().filter(key -> key.keyId().equals(hidden)).findFirst().orElseThrow();
            assertThat(refused.described()).isFalse();
            assertThat(refused.arn()).endsWith(":key/" + hidden);
            assertThat(refused.aliases()).containsExactly("alias/payments-prod");
            assertThat(refused.tagEditingBlockedBy()).contains(KeyStates.ReadOnlyReason.DESCRIBE_DENIED);
            assertThat(tags).doesNotContainKey(hidden);
            assertThat(tags.get(untaggable).denied()).isTrue();
            assertThat(keys).filteredOn(KeySummary::described).hasSize(11)
                    .allSatisfy(key -> assertThat(key.state()).isNotEmpty());
            assertThat(tags.values()).filteredOn(KeyTags::denied).hasSize(1);
        }
    }

    @Test
    void whenKmsWillNotListTheAliasesTheKeysAndTheirTagsStillLoadWithoutThem() throws Exception {
        KmsConnection connection = start(true, "us-east-1");
        backend.faults().fail("ListAliases", Integer.MAX_VALUE, "AccessDeniedException",
                "User: arn:aws:iam::111122223333:user/reader is not authorized to perform: kms:ListAliases on"
                        + " resource: *");

        try (KmsSession session = KmsSession.open(connection)) {
            // A listener that takes keys before their aliases hears that they will not come.
            List<KeySummary> early = new ArrayList<>();
            List<String> calls = new ArrayList<>();
            int count = session.keyCatalog().listKeys(new KeyCatalog.Listener() {
                @Override
                public void accept(List<KeySummary> keys) {
                    calls.add("accept");
                    early.addAll(keys);
                }

                @Override
                public boolean takesKeysBeforeAliases() {
                    return true;
                }

                @Override
                public void acceptBeforeAliases(List<KeySummary> keys) {
                    early.addAll(keys);
                }

                @Override
                public void aliasesArrived(Map<String, List<String>> aliasesByKeyId) {
                    calls.add("aliasesArrived");
                }

                @Override
                public void aliasesDenied() {
                    calls.add("aliasesDenied");
                }
            });
            assertThat(count).isEqualTo(12);
            assertThat(early).hasSize(12).allSatisfy(key -> assertThat(key.aliases()).isEmpty());
            assertThat(calls).contains("aliasesDenied").doesNotContain("aliasesArrived");

            // A plain listener gets every key, without aliases, and the tags are read all the same.
            Map<String, KeyTags> tags = new HashMap<>();
            List<KeySummary> keys = listAll(session.keyCatalog(), new ArrayList<>(), tags);
            assertThat(keys).hasSize(12).allSatisfy(key -> assertThat(key.aliases()).isEmpty());
            assertThat(keys).filteredOn(KeySummary::described).hasSize(12);
            assertThat(tags.values()).isNotEmpty().noneMatch(KeyTags::denied);
        }
    }

    @Test
    void everyDescribeAndTagsCallWaitsAtTheCallGateFirst() throws Exception {
        try (KmsSession session = KmsSession.open(start(true, "us-east-1"))) {
            AtomicInteger turns = new AtomicInteger();
            Map<String, KeyTags> tags = new HashMap<>();
            List<KeySummary> keys = new ArrayList<>();
            session.keyCatalog().withCallGate(turns::incrementAndGet).listKeys(new KeyCatalog.Listener() {
                @Override
                public void accept(List<KeySummary> batch) {
                    keys.addAll(batch);
                }

                @Override
                public void tagsArrived(List<KeyTags> read) {
                    read.forEach(keyTags -> tags.put(keyTags.keyId(), keyTags));
                }
            });

            // One turn per DescribeKey and per ListResourceTags, and at least one for each listing's first page.
            assertThat(keys).hasSize(12);
            assertThat(turns.get()).isGreaterThanOrEqualTo(keys.size() + tags.size() + 2);
        }
    }

    @Test
    void accessDeniedToListKeysFailsTheWholeLoad() throws Exception {
        KmsConnection connection = start(true, "us-east-1");
        backend.faults().fail("ListKeys", 1, "AccessDeniedException", "not authorized to perform: kms:ListKeys");

        try (KmsSession session = KmsSession.open(connection)) {
            assertThatThrownBy(() -> session.keyCatalog().listKeys(batch -> { }))
                    .isInstanceOfSatisfying(KmsAccessException.class,
                            e -> assertThat(e.problem()).isEqualTo(KmsProblem.ACCESS_DENIED));
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
