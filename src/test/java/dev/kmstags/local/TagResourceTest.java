package dev.kmstags.local;

import static dev.kmstags.local.BackendFixture.tag;
import static dev.kmstags.local.KmsErrorAssert.failsWith;
import static dev.kmstags.local.KmsErrorAssert.failsWithCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.Tag;

/** TagResource, UntagResource and ListResourceTags through the real SDK, with every KMS tag rule. */
class TagResourceTest {

    private static final String ARN_PREFIX = "arn:aws:kms:us-east-1:111122223333:key/";

    @RegisterExtension
    static final SharedBackend backend = SharedBackend.empty();
    private final KmsClient kms = backend.client();

    private Map<String, String> tagsOf(String keyId) {
        Map<String, String> tags = new LinkedHashMap<>();
        kms.listResourceTagsPaginator(b -> b.keyId(keyId)).tags()
                .forEach(tag -> tags.put(tag.tagKey(), tag.tagValue()));
        return tags;
    }

    private String text(String unit, int codePoints) {
        return unit.repeat(codePoints);
    }

    @Test
    void tagResourceAddsNewTagsAndOverwritesExistingValues() {
        String keyId = backend.createKey(tag("Team", "payments"), tag("Env", "dev"));

        kms.tagResource(b -> b.keyId(keyId).tags(tag("Env", "production"), tag("Owner", "alice")));

        assertThat(tagsOf(keyId)).containsExactlyInAnyOrderEntriesOf(
                Map.of("Team", "payments", "Env", "production", "Owner", "alice"));
    }

    @Test
    void untagResourceRemovesTagsAndIgnoresKeysTheKeyDoesNotHave() {
        String keyId = backend.createKey(tag("Team", "payments"), tag("Env", "dev"));

        kms.untagResource(b -> b.keyId(keyId).tagKeys("Env", "NeverThere"));

        assertThat(tagsOf(keyId)).containsExactlyEntriesOf(Map.of("Team", "payments"));
    }

    @Test
    void keyArnIsAcceptedWhereAKeyIdIs() {
        String keyId = backend.createKey();

        kms.tagResource(b -> b.keyId(ARN_PREFIX + keyId).tags(tag("Env", "dev")));

        assertThat(kms.listResourceTags(b -> b.keyId(ARN_PREFIX + keyId)).tags()).containsExactly(tag("Env", "dev"));
    }

    @Test
    void emptyValueIsAllowed() {
        String keyId = backend.createKey();

        kms.tagResource(b -> b.keyId(keyId).tags(tag("Temporary", "")));

        assertThat(tagsOf(keyId)).containsExactlyEntriesOf(Map.of("Temporary", ""));
    }

    @Test
    void tagKeyOf128CodePointsIsAcceptedEvenWhenLongerInUtf16() {
        String keyId = backend.createKey();
        String key = text("\uD83D\uDD11", 128);

        kms.tagResource(b -> b.keyId(keyId).tags(tag(key, "v")));

        assertThat(tagsOf(keyId)).containsOnlyKeys(key);
    }

    @Test
    void tagKeyOf129CodePointsIsAValidationError() {
        String keyId = backend.createKey();
        String key = text("\uD83D\uDD11", 129);

        failsWith(() -> kms.tagResource(b -> b.keyId(keyId).tags(tag(key, "v"))), "ValidationException",
                "1 validation error detected: Value '" + key + "' at 'tags.1.member.tagKey' failed to satisfy "
                        + "constraint: Member must have length less than or equal to 128");
        assertThat(tagsOf(keyId)).isEmpty();
    }

    @Test
    void tagValueOf256CodePointsIsAcceptedAnd257IsAValidationErrorNamingItsPosition() {
        String keyId = backend.createKey();
        String longest = text("\u00E9", 256);
        String tooLong = text("\uD83D\uDE00", 257);

        kms.tagResource(b -> b.keyId(keyId).tags(tag("Ok", longest)));
        failsWith(() -> kms.tagResource(b -> b.keyId(keyId).tags(tag("A", "a"), tag("B", tooLong))),
                "ValidationException", "1 validation error detected: Value '" + tooLong + "' at "
                        + "'tags.2.member.tagValue' failed to satisfy constraint: Member must have length less than "
                        + "or equal to 256");

        assertThat(tagsOf(keyId)).containsExactlyEntriesOf(Map.of("Ok", longest));
    }

    @Test
    void everyBrokenConstraintIsNamedInOneValidationError() {
        String keyId = backend.createKey();
        String longKey = "k".repeat(129);
        String longValue = "v".repeat(257);

        failsWith(() -> kms.tagResource(b -> b.keyId(keyId).tags(tag(longKey, longValue))), "ValidationException",
                "2 validation errors detected: Value '" + longKey + "' at 'tags.1.member.tagKey' failed to satisfy "
                        + "constraint: Member must have length less than or equal to 128; Value '" + longValue
                        + "' at 'tags.1.member.tagValue' failed to satisfy constraint: Member must have length less "
                        + "than or equal to 256");
    }

    @Test
    void missingTagValueIsAValidationError() {
        String keyId = backend.createKey();

        failsWith(() -> kms.tagResource(b -> b.keyId(keyId).tags(Tag.builder().tagKey("NoValue").build())),
                "ValidationException", "1 validation error detected: Value null at 'tags.1.member.tagValue' failed "
                        + "to satisfy constraint: Member must not be null");
    }

    @Test
    void awsPrefixIsReservedInAnyCase() {
        String keyId = backend.createKey();

        for (String key : List.of("aws:cost", "AWS:cost", "Aws:cost", "aWs:")) {
            failsWith(() -> kms.tagResource(b -> b.keyId(keyId).tags(tag(key, "x"))), "TagException",
                    "Tags beginning with aws: are reserved");
        }
        failsWith(() -> kms.untagResource(b -> b.keyId(keyId).tagKeys("AWS:cost")), "TagException",
                "Tags beginning with aws: are reserved");
        kms.tagResource(b -> b.keyId(keyId).tags(tag("awsome", "x"), tag("team:aws:", "y")));
        assertThat(tagsOf(keyId)).containsOnlyKeys("awsome", "team:aws:");
    }

    @Test
    void theSameKeyTwiceInOneRequestIsRejected() {
        String keyId = backend.createKey();

        failsWith(() -> kms.tagResource(b -> b.keyId(keyId).tags(tag("Env", "a"), tag("Env", "b"))),
                "TagException", "Duplicate tag keys");
        assertThat(tagsOf(keyId)).isEmpty();
    }

    @Test
    void keysDifferingOnlyInCaseAreDifferentTags() {
        String keyId = backend.createKey();

        kms.tagResource(b -> b.keyId(keyId).tags(tag("Env", "a"), tag("env", "b")));

        assertThat(tagsOf(keyId)).containsOnlyKeys("Env", "env");
    }

    @Test
    void fiftyTagsAfterTheChangeAreAllowedAndFiftyOneAreNotAndNothingIsWritten() {
        String keyId = backend.createKey(numberedTags(0, 45).toArray(Tag[]::new));

        failsWith(() -> kms.tagResource(b -> b.keyId(keyId).tags(numberedTags(45, 6))), "TagException",
                "Too many tags");
        assertThat(tagsOf(keyId)).hasSize(45);

        kms.tagResource(b -> b.keyId(keyId).tags(numberedTags(45, 5)));
        assertThat(tagsOf(keyId)).hasSize(50);

        kms.tagResource(b -> b.keyId(keyId).tags(tag("tag-00", "overwritten")));
        assertThat(tagsOf(keyId)).hasSize(50).containsEntry("tag-00", "overwritten");
        failsWith(() -> kms.tagResource(b -> b.keyId(keyId).tags(tag("one-more", "x"))), "TagException",
                "Too many tags");
    }

    @Test
    void overwrittenAndNewTagsInOneRequestCountOnceEach() {
        String keyId = backend.createKey(numberedTags(0, 48).toArray(Tag[]::new));

        kms.tagResource(b -> b.keyId(keyId).tags(tag("tag-46", "new 46"), tag("tag-47", "new 47"),
                tag("tag-48", "48"), tag("tag-49", "49")));
        assertThat(tagsOf(keyId)).hasSize(50).containsEntry("tag-46", "new 46").containsEntry("tag-49", "49");

        failsWith(() -> kms.tagResource(b -> b.keyId(keyId).tags(tag("tag-00", "changed"), tag("tag-50", "50"))),
                "TagException", "Too many tags");
        assertThat(tagsOf(keyId)).hasSize(50).containsEntry("tag-00", "value 0").doesNotContainKey("tag-50");
    }

    @Test
    void moreThanFiftyTagsInOneRequestAreTooManyOnceTheKeyIsFoundAndMayBeTagged() {
        String keyId = backend.createKey();
        String unknown = "0b6e2f1a-1234-4e5f-8a9b-0123456789ab";

        failsWith(() -> kms.tagResource(b -> b.keyId(keyId).tags(numberedTags(0, 51))), "TagException",
                "Too many tags");
        assertThat(tagsOf(keyId)).isEmpty();
        failsWith(() -> kms.tagResource(b -> b.keyId(unknown).tags(numberedTags(0, 51))), "NotFoundException",
                "Key '" + ARN_PREFIX + unknown + "' does not exist");
        kms.scheduleKeyDeletion(b -> b.keyId(keyId).pendingWindowInDays(7));
        failsWith(() -> kms.tagResource(b -> b.keyId(keyId).tags(numberedTags(0, 51))), "KMSInvalidStateException",
                ARN_PREFIX + keyId + " is pending deletion.");
    }

    @Test
    void listResourceTagsPagesThroughEveryTag() {
        String keyId = backend.createKey(numberedTags(0, 23).toArray(Tag[]::new));

        var first = kms.listResourceTags(b -> b.keyId(keyId).limit(10));
        assertThat(first.tags()).hasSize(10);
        assertThat(first.truncated()).isTrue();
        assertThat(first.nextMarker()).isNotBlank();

        List<String> all = new ArrayList<>();
        kms.listResourceTagsPaginator(b -> b.keyId(keyId).limit(10)).tags().forEach(t -> all.add(t.tagKey()));
        assertThat(all).hasSize(23).doesNotHaveDuplicates();

        var last = kms.listResourceTags(b -> b.keyId(keyId).limit(50));
        assertThat(last.truncated()).isFalse();
        assertThat(last.nextMarker()).isNull();
    }

    @Test
    void pendingDeletionForbidsTaggingAndUntagging() {
        String keyId = backend.createKey(tag("Env", "dev"));
        kms.scheduleKeyDeletion(b -> b.keyId(keyId).pendingWindowInDays(7));

        failsWith(() -> kms.tagResource(b -> b.keyId(keyId).tags(tag("Env", "prod"))), "KMSInvalidStateException",
                ARN_PREFIX + keyId + " is pending deletion.");
        failsWith(() -> kms.untagResource(b -> b.keyId(keyId).tagKeys("Env")), "KMSInvalidStateException",
                ARN_PREFIX + keyId + " is pending deletion.");
        assertThat(tagsOf(keyId)).containsExactlyEntriesOf(Map.of("Env", "dev"));
    }

    @Test
    void disabledAndPendingImportKeysCanBeTagged() {
        String disabled = backend.createKey();
        kms.disableKey(b -> b.keyId(disabled));
        String external = kms.createKey(b -> b.origin("EXTERNAL")).keyMetadata().keyId();

        kms.tagResource(b -> b.keyId(disabled).tags(tag("Env", "dev")));
        kms.tagResource(b -> b.keyId(external).tags(tag("Env", "dev")));

        assertThat(tagsOf(disabled)).containsEntry("Env", "dev");
        assertThat(tagsOf(external)).containsEntry("Env", "dev");
    }

    @Test
    void aliasesAreNotAcceptedByTheTagOperations() {
        String keyId = backend.createKey();
        kms.createAlias(b -> b.aliasName("alias/tagged").targetKeyId(keyId));
        String message = "Key Aliases are not supported for this operation.";

        failsWith(() -> kms.tagResource(b -> b.keyId("alias/tagged").tags(tag("A", "b"))), "InvalidArnException",
                message);
        failsWith(() -> kms.untagResource(b -> b.keyId("alias/tagged").tagKeys("A")), "InvalidArnException",
                message);
        failsWith(() -> kms.listResourceTags(b -> b.keyId("arn:aws:kms:us-east-1:111122223333:alias/tagged")),
                "InvalidArnException", message);
    }

    @Test
    void unknownKeysAndMalformedIdentifiersGetNotFoundOrInvalidArn() {
        String unknown = "0b6e2f1a-1234-4e5f-8a9b-0123456789ab";

        failsWith(() -> kms.tagResource(b -> b.keyId(unknown).tags(tag("A", "b"))), "NotFoundException",
                "Key '" + ARN_PREFIX + unknown + "' does not exist");
        failsWith(() -> kms.listResourceTags(b -> b.keyId("not-a-key")), "NotFoundException",
                "Invalid keyId 'not-a-key'");
        failsWith(() -> kms.listResourceTags(b -> b.keyId("arn:aws:kms:eu-west-1:111122223333:key/" + unknown)),
                "NotFoundException", "Invalid arn eu-west-1");
        failsWithCode(() -> kms.listResourceTags(b -> b.keyId("arn:aws:kms:us-east-1")), "InvalidArnException");
        failsWithCode(() -> kms.listResourceTags(b -> b.keyId("arn:aws:kms:us-east-1:111122223333:grant/x")),
                "InvalidArnException");
    }

    @Test
    void createKeyChecksTheSameTagRules() {
        int before = kms.listKeys(b -> b.limit(1000)).keys().size();

        failsWith(() -> kms.createKey(b -> b.tags(numberedTags(0, 51))), "TagException", "Too many tags");
        failsWith(() -> kms.createKey(b -> b.tags(tag("AWS:x", "y"))), "TagException",
                "Tags beginning with aws: are reserved");
        failsWith(() -> kms.createKey(b -> b.tags(tag("a", "1"), tag("a", "2"))), "TagException",
                "Duplicate tag keys");

        assertThat(kms.listKeys(b -> b.limit(1000)).keys()).hasSize(before);
        String keyId = kms.createKey(b -> b.tags(numberedTags(0, 50))).keyMetadata().keyId();
        assertThat(tagsOf(keyId)).hasSize(50);
    }

    private List<Tag> numberedTags(int from, int count) {
        List<Tag> tags = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            tags.add(tag("tag-%02d".formatted(i), "value " + i));
        }
        return tags;
    }
}
