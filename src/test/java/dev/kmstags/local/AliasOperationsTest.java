package dev.kmstags.local;

import static dev.kmstags.local.KmsErrorAssert.failsWith;
import static dev.kmstags.local.KmsErrorAssert.failsWithCode;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;

/** CreateAlias, UpdateAlias and DeleteAlias through the SDK. */
class AliasOperationsTest {

    private static final String ALIAS_ARN_PREFIX = "arn:aws:kms:us-east-1:111122223333:";

    @RegisterExtension
    static final SharedBackend backend = SharedBackend.empty();
    private final KmsClient kms = backend.client();

    private String targetOf(String aliasName) {
        return kms.listAliasesPaginator().aliases().stream().filter(a -> a.aliasName().equals(aliasName))
                .map(AliasListEntry::targetKeyId).findFirst().orElse(null);
    }

    @Test
    void aliasesAreCreatedMovedAndDeleted() {
        String first = backend.createKey();
        String second = backend.createKey();

        kms.createAlias(b -> b.aliasName("alias/moving").targetKeyId(first));
        assertThat(targetOf("alias/moving")).isEqualTo(first);

        kms.updateAlias(b -> b.aliasName("alias/moving").targetKeyId(second));
        assertThat(targetOf("alias/moving")).isEqualTo(second);
        assertThat(kms.describeKey(b -> b.keyId("alias/moving")).keyMetadata().keyId()).isEqualTo(second);

        kms.deleteAlias(b -> b.aliasName("alias/moving"));
        assertThat(targetOf("alias/moving")).isNull();
        failsWith(() -> kms.deleteAlias(b -> b.aliasName("alias/moving")), "NotFoundException",
                "Alias " + ALIAS_ARN_PREFIX + "alias/moving is not found.");
    }

    @Test
    void anAliasNameIsUniqueInItsRegion() {
        String keyId = backend.createKey();
        kms.createAlias(b -> b.aliasName("alias/unique").targetKeyId(keyId));

        failsWith(() -> kms.createAlias(b -> b.aliasName("alias/unique").targetKeyId(keyId)),
                "AlreadyExistsException", "An alias with the name " + ALIAS_ARN_PREFIX + "alias/unique already exists");
    }

    @Test
    void aliasNamesFollowKmsNamingRules() {
        String keyId = backend.createKey();

        failsWith(() -> kms.createAlias(b -> b.aliasName("no-prefix").targetKeyId(keyId)), "ValidationException",
                "Alias must start with the prefix \"alias/\". Please see "
                        + "https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html");
        failsWithCode(() -> kms.createAlias(b -> b.aliasName("alias/aws/mine").targetKeyId(keyId)),
                "NotAuthorizedException");
        failsWith(() -> kms.createAlias(b -> b.aliasName("alias/with space").targetKeyId(keyId)),
                "ValidationException", "1 validation error detected: Value 'alias/with space' at 'aliasName' failed "
                        + "to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9:/_-]+$");
        failsWith(() -> kms.createAlias(b -> b.aliasName("alias/a:b").targetKeyId(keyId)), "ValidationException",
                "alias/a:b contains invalid characters for an alias");
    }

    @Test
    void anAliasMustPointAtAnExistingUsableKey() {
        String keyId = backend.createKey();
        kms.createAlias(b -> b.aliasName("alias/existing").targetKeyId(keyId));
        String pending = backend.createKey();
        kms.scheduleKeyDeletion(b -> b.keyId(pending));

        failsWithCode(() -> kms.createAlias(b -> b.aliasName("alias/x").targetKeyId("alias/existing")),
                "ValidationException");
        failsWithCode(() -> kms.createAlias(b -> b.aliasName("alias/x")
                .targetKeyId("0b6e2f1a-1234-4e5f-8a9b-0123456789ab")), "NotFoundException");
        failsWithCode(() -> kms.createAlias(b -> b.aliasName("alias/x").targetKeyId(pending)),
                "KMSInvalidStateException");
        failsWithCode(() -> kms.updateAlias(b -> b.aliasName("alias/never-made").targetKeyId(keyId)),
                "NotFoundException");
    }
}
