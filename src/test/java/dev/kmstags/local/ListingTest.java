package dev.kmstags.local;

import static dev.kmstags.local.KmsErrorAssert.failsWith;
import static dev.kmstags.local.KmsErrorAssert.failsWithCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.ListKeysResponse;

/** ListKeys and ListAliases paging, limits and markers, through the SDK. */
class ListingTest {

    private static final int KEYS = 250;

    @RegisterExtension
    static final SharedBackend backend = SharedBackend.empty();
    private static final List<String> created = new ArrayList<>();
    private final KmsClient kms = backend.client();

    @BeforeAll
    static void createKeysAndAliases() {
        KmsClient kms = backend.client();
        for (int i = 0; i < KEYS; i++) {
            String keyId = backend.createKey();
            created.add(keyId);
            if (i < 120) {
                String alias = "alias/key-%03d".formatted(i);
                kms.createAlias(b -> b.aliasName(alias).targetKeyId(keyId));
            }
        }
    }

    @Test
    void listKeysPagesThroughEveryKeyOnceInCreationOrder() {
        List<String> seen = new ArrayList<>();
        int pages = 0;
        for (ListKeysResponse page : kms.listKeysPaginator(b -> b.limit(100))) {
            pages++;
            page.keys().stream().map(KeyListEntry::keyId).forEach(seen::add);
            page.keys().forEach(k -> assertThat(k.keyArn()).endsWith(":key/" + k.keyId()));
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(created);
    }

    @Test
    void listKeysDefaultsToAHundredAndAllowsAThousand() {
        ListKeysResponse first = kms.listKeys();
        assertThat(first.keys()).hasSize(100);
        assertThat(first.truncated()).isTrue();

        ListKeysResponse all = kms.listKeys(b -> b.limit(1000));
        assertThat(all.keys()).hasSize(KEYS);
        assertThat(all.truncated()).isFalse();
        assertThat(all.nextMarker()).isNull();
    }

    @Test
    void limitsOutsideTheirRangeAreValidationErrors() {
        failsWith(() -> kms.listKeys(b -> b.limit(0)), "ValidationException",
                "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have "
                        + "value greater than or equal to 1");
        failsWith(() -> kms.listKeys(b -> b.limit(1001)), "ValidationException",
                "1 validation error detected: Value '1001' at 'limit' failed to satisfy constraint: Member must have "
                        + "value less than or equal to 1000");
        failsWithCode(() -> kms.listAliases(b -> b.limit(101)), "ValidationException");
        failsWithCode(() -> kms.listResourceTags(b -> b.keyId(created.get(0)).limit(51)), "ValidationException");
    }

    @Test
    void aMarkerTheBackendDidNotIssueIsRejected() {
        String aliasMarker = kms.listAliases(b -> b.limit(10)).nextMarker();

        failsWithCode(() -> kms.listKeys(b -> b.marker("made-up")), "InvalidMarkerException");
        failsWithCode(() -> kms.listKeys(b -> b.marker(aliasMarker)), "InvalidMarkerException");
        String keysMarker = kms.listKeys(b -> b.limit(10)).nextMarker();
        String altered = keysMarker.charAt(0) == 'A' ? "B" + keysMarker.substring(1) : "A" + keysMarker.substring(1);
        failsWithCode(() -> kms.listKeys(b -> b.marker(altered)), "InvalidMarkerException");
        failsWithCode(() -> backend.client("eu-west-1").listKeys(b -> b.marker(keysMarker)), "InvalidMarkerException");
    }

    @Test
    void listAliasesPagesThroughEveryAliasWithItsTarget() {
        List<AliasListEntry> aliases = new ArrayList<>();
        kms.listAliasesPaginator(b -> b.limit(50)).aliases().forEach(aliases::add);

        assertThat(aliases).extracting(AliasListEntry::aliasName).doesNotHaveDuplicates()
                .filteredOn(name -> name.startsWith("alias/key-")).hasSize(120);
        AliasListEntry first = aliases.stream().filter(a -> a.aliasName().equals("alias/key-000")).findFirst()
                .orElseThrow();
        assertThat(first.targetKeyId()).isEqualTo(created.get(0));
        assertThat(first.aliasArn()).isEqualTo("arn:aws:kms:us-east-1:111122223333:alias/key-000");
        assertThat(first.creationDate()).isNotNull();
    }

    @Test
    void listAliasesFiltersByKey() {
        String keyId = created.get(KEYS - 1);
        kms.createAlias(b -> b.aliasName("alias/filter-a").targetKeyId(keyId));
        kms.createAlias(b -> b.aliasName("alias/filter-b").targetKeyId(keyId));

        assertThat(kms.listAliases(b -> b.keyId(keyId)).aliases()).extracting(AliasListEntry::aliasName)
                .containsExactly("alias/filter-a", "alias/filter-b");
        assertThat(kms.listAliases(b -> b.keyId(created.get(KEYS - 2))).aliases()).isEmpty();
        failsWithCode(() -> kms.listAliases(b -> b.keyId("alias/filter-a")), "InvalidArnException");
    }
}
