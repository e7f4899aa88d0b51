package dev.kmstags.local;

import static dev.kmstags.local.BackendFixture.tag;
import static dev.kmstags.local.KmsErrorAssert.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;

/** The demo account a new store starts with, read through the SDK. */
class DemoAccountTest {

    @RegisterExtension
    static final SharedBackend backend = SharedBackend.seeded();
    private final KmsClient kms = backend.client();

    private List<KeyMetadata> keys(KmsClient client) {
        return client.listKeysPaginator().keys().stream()
                .map(k -> client.describeKey(b -> b.keyId(k.keyId())).keyMetadata()).toList();
    }

    private Map<String, String> tagsOf(String identifier) {
        String keyId = kms.describeKey(b -> b.keyId(identifier)).keyMetadata().keyId();
        return kms.listResourceTagsPaginator(b -> b.keyId(keyId)).tags().stream()
                .collect(Collectors.toMap(t -> t.tagKey(), t -> t.tagValue()));
    }

    @Test
    void usEast1HasCustomerKeysInEveryStateAndAwsManagedKeys() {
        List<KeyMetadata> keys = keys(kms);

        assertThat(keys).extracting(KeyMetadata::keyState)
                .contains(KeyState.ENABLED, KeyState.DISABLED, KeyState.PENDING_DELETION);
        assertThat(keys).filteredOn(k -> k.keyManagerAsString().equals("AWS")).hasSize(2);
        assertThat(kms.describeKey(b -> b.keyId("alias/aws/s3")).keyMetadata().keyManagerAsString()).isEqualTo("AWS");
        assertThat(kms.describeKey(b -> b.keyId("alias/aws/ebs")).keyMetadata().keyManagerAsString())
                .isEqualTo("AWS");
        assertThat(kms.describeKey(b -> b.keyId("alias/reporting-old")).keyMetadata().keyState())
                .isEqualTo(KeyState.DISABLED);
        assertThat(kms.describeKey(b -> b.keyId("alias/tmp-experiment")).keyMetadata().deletionDate()).isNotNull();
    }

    @Test
    void tagsSpreadFromEmptyValuesToNearlyTheLimit() {
        assertThat(tagsOf("alias/analytics-staging")).containsEntry("Temporary", "");
        assertThat(tagsOf("alias/legacy-vault")).hasSizeBetween(45, 49);
        assertThat(tagsOf("alias/payments-prod")).containsEntry("Environment", "production");
    }

    @Test
    void euWest1HasItsOwnKeys() {
        KmsClient ireland = backend.client("eu-west-1");

        assertThat(keys(ireland)).isNotEmpty()
                .allMatch(k -> k.arn().startsWith("arn:aws:kms:eu-west-1:111122223333:key/"));
        assertThat(ireland.listAliasesPaginator().aliases()).extracting(AliasListEntry::aliasName)
                .contains("alias/payments-eu", "alias/aws/s3").doesNotContain("alias/payments-prod");
    }

    @Test
    void predefinedAwsAliasesWithoutATargetAreListed() {
        assertThat(kms.listAliasesPaginator().aliases())
                .anyMatch(a -> a.aliasName().equals("alias/aws/lambda") && a.targetKeyId() == null);
    }

    @Test
    void awsManagedKeysCannotBeTaggedOrChanged() {
        KeyMetadata s3 = kms.describeKey(b -> b.keyId("alias/aws/s3")).keyMetadata();
        String denied = "User: arn:aws:iam::111122223333:user/local is not authorized to perform: kms:%s on "
                + "resource: " + s3.arn();

        failsWith(() -> kms.tagResource(b -> b.keyId(s3.keyId()).tags(tag("Team", "x"))), "AccessDeniedException",
                denied.formatted("TagResource"));
        failsWith(() -> kms.untagResource(b -> b.keyId(s3.keyId()).tagKeys("Team")), "AccessDeniedException",
                denied.formatted("UntagResource"));
        failsWith(() -> kms.disableKey(b -> b.keyId(s3.keyId())), "AccessDeniedException",
                denied.formatted("DisableKey"));
        assertThat(kms.listResourceTags(b -> b.keyId(s3.keyId())).tags()).isEmpty();
    }

    @Test
    void aStoreThatHasKeysIsNotSeededAgain(@TempDir Path otherDirectory) {
        try (BackendFixture other = BackendFixture.seeded(otherDirectory)) {
            int before = keys(other.client()).size();

            other.restart();

            assertThat(keys(other.client())).hasSize(before);
        }
    }
}
