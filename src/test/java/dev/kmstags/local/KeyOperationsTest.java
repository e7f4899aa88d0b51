package dev.kmstags.local;

import static dev.kmstags.local.KmsErrorAssert.failsWith;
import static dev.kmstags.local.KmsErrorAssert.failsWithCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.ScheduleKeyDeletionResponse;

/** CreateKey, DescribeKey, Enable/DisableKey, Schedule/CancelKeyDeletion, UpdateKeyDescription through the SDK. */
class KeyOperationsTest {

    private static final String ARN_PREFIX = "arn:aws:kms:us-east-1:111122223333:key/";

    @RegisterExtension
    static final SharedBackend backend = SharedBackend.empty();
    private final KmsClient kms = backend.client();

    private KeyMetadata describe(String keyId) {
        return kms.describeKey(b -> b.keyId(keyId)).keyMetadata();
    }

    @Test
    void createKeyReturnsMetadataAsKmsDoes() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        KeyMetadata key = kms.createKey(b -> b.description("orders")).keyMetadata();

        assertThat(key.keyId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(key.arn()).isEqualTo(ARN_PREFIX + key.keyId());
        assertThat(key.awsAccountId()).isEqualTo("111122223333");
        assertThat(key.creationDate()).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(key.enabled()).isTrue();
        assertThat(key.description()).isEqualTo("orders");
        assertThat(key.keyUsage()).isEqualTo(KeyUsageType.ENCRYPT_DECRYPT);
        assertThat(key.keySpec()).isEqualTo(KeySpec.SYMMETRIC_DEFAULT);
        assertThat(key.keyState()).isEqualTo(KeyState.ENABLED);
        assertThat(key.keyManagerAsString()).isEqualTo("CUSTOMER");
        assertThat(key.originAsString()).isEqualTo("AWS_KMS");
        assertThat(key.encryptionAlgorithmsAsStrings()).containsExactly("SYMMETRIC_DEFAULT");
        assertThat(key.multiRegion()).isFalse();
        assertThat(key.deletionDate()).isNull();
        assertThat(describe(key.keyId())).isEqualTo(key);
    }

    @Test
    void createKeyHonoursKeyUsageAndKeySpec() {
        KeyMetadata signing = kms.createKey(b -> b.keyUsage(KeyUsageType.SIGN_VERIFY).keySpec(KeySpec.ECC_NIST_P256))
                .keyMetadata();
        KeyMetadata mac = kms.createKey(b -> b.keyUsage(KeyUsageType.GENERATE_VERIFY_MAC).keySpec(KeySpec.HMAC_256))
                .keyMetadata();

        assertThat(signing.signingAlgorithmsAsStrings()).containsExactly("ECDSA_SHA_256");
        assertThat(signing.encryptionAlgorithms()).isEmpty();
        assertThat(mac.macAlgorithmsAsStrings()).containsExactly("HMAC_SHA_256");
        failsWith(() -> kms.createKey(b -> b.keySpec(KeySpec.HMAC_256)), "ValidationException",
                "You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.");
        failsWithCode(() -> kms.createKey(b -> b.keyUsage(KeyUsageType.SIGN_VERIFY).keySpec(KeySpec.HMAC_256)),
                "ValidationException");
        failsWith(() -> kms.createKey(b -> b.keyUsage("RANDOM")), "ValidationException",
                "1 validation error detected: Value 'RANDOM' at 'keyUsage' failed to satisfy constraint: Member must "
                        + "satisfy enum value set: [SIGN_VERIFY, ENCRYPT_DECRYPT, GENERATE_VERIFY_MAC, KEY_AGREEMENT]");
    }

    @Test
    void externalKeysArePendingImportAndCannotBeEnabled() {
        KeyMetadata key = kms.createKey(b -> b.origin("EXTERNAL")).keyMetadata();

        assertThat(key.keyState()).isEqualTo(KeyState.PENDING_IMPORT);
        assertThat(key.enabled()).isFalse();
        failsWith(() -> kms.enableKey(b -> b.keyId(key.keyId())), "KMSInvalidStateException",
                key.arn() + " is pending import.");
    }

    @Test
    void describeKeyAcceptsKeyIdKeyArnAliasNameAndAliasArn() {
        String keyId = backend.createKey();
        kms.createAlias(b -> b.aliasName("alias/described").targetKeyId(keyId));

        for (String identifier : new String[] {keyId, ARN_PREFIX + keyId, "alias/described",
                "arn:aws:kms:us-east-1:111122223333:alias/described"}) {
            assertThat(describe(identifier).keyId()).as(identifier).isEqualTo(keyId);
        }
        failsWith(() -> describe("alias/nope"), "NotFoundException",
                "Alias arn:aws:kms:us-east-1:111122223333:alias/nope is not found.");
        failsWith(() -> describe("fake-key-id"), "NotFoundException", "Invalid keyId 'fake-key-id'");
        failsWith(() -> describe("134f2428-cec1-4b25-a1ae-9048164dba47"), "NotFoundException",
                "Key '" + ARN_PREFIX + "134f2428-cec1-4b25-a1ae-9048164dba47' does not exist");
        failsWith(() -> describe(""), "ValidationException", "1 validation error detected: Value '' at 'keyId' "
                + "failed to satisfy constraint: Member must have length greater than or equal to 1");
    }

    @Test
    void keysAreScopedToTheRegionOfTheSignature() {
        String keyId = backend.createKey();
        KmsClient ireland = backend.client("eu-west-1");

        failsWith(() -> ireland.describeKey(b -> b.keyId(keyId)), "NotFoundException",
                "Key 'arn:aws:kms:eu-west-1:111122223333:key/" + keyId + "' does not exist");
        failsWith(() -> ireland.describeKey(b -> b.keyId(ARN_PREFIX + keyId)), "NotFoundException",
                "Invalid arn us-east-1");
        assertThat(ireland.listKeys().keys()).noneMatch(k -> k.keyId().equals(keyId));

        String irish = ireland.createKey(b -> b.description("eu")).keyMetadata().keyId();
        assertThat(ireland.describeKey(b -> b.keyId(irish)).keyMetadata().arn())
                .isEqualTo("arn:aws:kms:eu-west-1:111122223333:key/" + irish);
        assertThat(kms.listKeysPaginator().keys()).noneMatch(k -> k.keyId().equals(irish));
    }

    @Test
    void disableAndEnableKeyChangeTheState() {
        String keyId = backend.createKey();

        kms.disableKey(b -> b.keyId(keyId));
        assertThat(describe(keyId).keyState()).isEqualTo(KeyState.DISABLED);
        assertThat(describe(keyId).enabled()).isFalse();

        kms.enableKey(b -> b.keyId(ARN_PREFIX + keyId));
        assertThat(describe(keyId).keyState()).isEqualTo(KeyState.ENABLED);
        assertThat(describe(keyId).enabled()).isTrue();
    }

    @Test
    void scheduleKeyDeletionDefaultsToThirtyDaysAndAnswersAsKmsDoes() {
        String keyId = backend.createKey();

        ScheduleKeyDeletionResponse response = kms.scheduleKeyDeletion(b -> b.keyId(keyId));

        assertThat(response.keyId()).isEqualTo(ARN_PREFIX + keyId);
        assertThat(response.keyState()).isEqualTo(KeyState.PENDING_DELETION);
        assertThat(response.pendingWindowInDays()).isEqualTo(30);
        assertThat(response.deletionDate()).isCloseTo(Instant.now().plus(Duration.ofDays(30)), within(5, ChronoUnit.SECONDS));
        KeyMetadata key = describe(keyId);
        assertThat(key.keyState()).isEqualTo(KeyState.PENDING_DELETION);
        assertThat(key.enabled()).isFalse();
        assertThat(key.deletionDate()).isEqualTo(response.deletionDate());
        assertThat(key.pendingDeletionWindowInDays()).isEqualTo(30);
    }

    @Test
    void pendingWindowMustBeSevenToThirtyDays() {
        String keyId = backend.createKey();

        failsWith(() -> kms.scheduleKeyDeletion(b -> b.keyId(keyId).pendingWindowInDays(6)), "ValidationException",
                "1 validation error detected: Value '6' at 'pendingWindowInDays' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 7");
        failsWith(() -> kms.scheduleKeyDeletion(b -> b.keyId(keyId).pendingWindowInDays(31)), "ValidationException",
                "1 validation error detected: Value '31' at 'pendingWindowInDays' failed to satisfy constraint: "
                        + "Member must have value less than or equal to 30");
        assertThat(kms.scheduleKeyDeletion(b -> b.keyId(keyId).pendingWindowInDays(7)).pendingWindowInDays())
                .isEqualTo(7);
    }

    @Test
    void aKeyPendingDeletionRefusesChangesUntilDeletionIsCancelledAndThenIsDisabled() {
        String keyId = backend.createKey();
        kms.scheduleKeyDeletion(b -> b.keyId(keyId).pendingWindowInDays(7));
        String pending = ARN_PREFIX + keyId + " is pending deletion.";

        failsWith(() -> kms.scheduleKeyDeletion(b -> b.keyId(keyId)), "KMSInvalidStateException", pending);
        failsWith(() -> kms.enableKey(b -> b.keyId(keyId)), "KMSInvalidStateException", pending);
        failsWith(() -> kms.disableKey(b -> b.keyId(keyId)), "KMSInvalidStateException", pending);
        failsWith(() -> kms.updateKeyDescription(b -> b.keyId(keyId).description("x")), "KMSInvalidStateException",
                pending);

        assertThat(kms.cancelKeyDeletion(b -> b.keyId(keyId)).keyId()).isEqualTo(ARN_PREFIX + keyId);
        KeyMetadata key = describe(keyId);
        assertThat(key.keyState()).isEqualTo(KeyState.DISABLED);
        assertThat(key.deletionDate()).isNull();
        failsWith(() -> kms.cancelKeyDeletion(b -> b.keyId(keyId)), "KMSInvalidStateException",
                ARN_PREFIX + keyId + " is disabled, but the operation doesn't support such a state");
    }

    @Test
    void updateKeyDescriptionReplacesTheDescription() {
        String keyId = backend.createKey();

        kms.updateKeyDescription(b -> b.keyId(keyId).description("new words"));
        assertThat(describe(keyId).description()).isEqualTo("new words");

        kms.updateKeyDescription(b -> b.keyId(keyId).description(""));
        assertThat(describe(keyId).description()).isEmpty();
        failsWithCode(() -> kms.updateKeyDescription(b -> b.keyId(keyId).description("d".repeat(8193))),
                "ValidationException");
    }

    @Test
    void otherKmsOperationsAreUnsupportedAndSaySo() {
        String keyId = backend.createKey();

        failsWith(() -> kms.encrypt(b -> b.keyId(keyId).plaintext(SdkBytes.fromUtf8String("secret"))),
                "UnsupportedOperationException",
                "The bundled KMS backend does not support Encrypt; it covers keys, aliases and tags.");
    }
}
