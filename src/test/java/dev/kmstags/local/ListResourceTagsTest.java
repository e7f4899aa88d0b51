package dev.kmstags.local;

import static dev.kmstags.local.BackendFixture.tag;
import static dev.kmstags.local.KmsErrorAssert.failsWith;
import static dev.kmstags.local.KmsErrorAssert.failsWithCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.ListResourceTagsResponse;
import software.amazon.awssdk.services.kms.model.Tag;

/**
 * ListResourceTags through the real SDK: which keys it answers for in which state, its errors, and paging by
 * Limit and Marker, exactly.
 */
class ListResourceTagsTest {

    private static final String ARN_PREFIX = "arn:aws:kms:us-east-1:111122223333:key/";
    private static final String UNKNOWN = "0b6e2f1a-1234-4e5f-8a9b-0123456789ab";

    @RegisterExtension
    static final SharedBackend backend = SharedBackend.empty();
    private final KmsClient kms = backend.client();

    @Test
    void aKeyWithoutTagsHasAnEmptyListThatIsNotTruncated() {
        String keyId = backend.createKey();

        ListResourceTagsResponse answer = kms.listResourceTags(b -> b.keyId(keyId));

        assertThat(answer.tags()).isEmpty();
        assertThat(answer.truncated()).isFalse();
        assertThat(answer.nextMarker()).isNull();
    }

    @Test
    void tagsComeOrderedByTagKeyWithTheirValuesExactly() {
        String keyId = backend.createKey(tag("b", ""), tag("B", "upper"), tag("a", "Grüße 𝄞"));

        assertThat(kms.listResourceTags(b -> b.keyId(keyId)).tags())
                .containsExactly(tag("B", "upper"), tag("a", "Grüße 𝄞"), tag("b", ""));
    }

    @Test
    void keysInEveryStateAreListedPendingDeletionToo() {
        String pending = backend.createKey(tag("Env", "dev"));
        kms.scheduleKeyDeletion(b -> b.keyId(pending).pendingWindowInDays(7));
        String disabled = backend.createKey(tag("Env", "test"));
        kms.disableKey(b -> b.keyId(disabled));

        assertThat(kms.listResourceTags(b -> b.keyId(pending)).tags()).containsExactly(tag("Env", "dev"));
        assertThat(kms.listResourceTags(b -> b.keyId(ARN_PREFIX + disabled)).tags())
                .containsExactly(tag("Env", "test"));
    }

    @Test
    void aKeyOfAnotherRegionDoesNotExistForTheRequest() {
        String keyId = backend.createKey(tag("Env", "dev"));
        KmsClient frankfurt = backend.client("eu-central-1");

        failsWith(() -> frankfurt.listResourceTags(b -> b.keyId(keyId)), "NotFoundException",
                "Key 'arn:aws:kms:eu-central-1:111122223333:key/" + keyId + "' does not exist");
        failsWith(() -> kms.listResourceTags(b -> b.keyId(UNKNOWN)), "NotFoundException",
                "Key '" + ARN_PREFIX + UNKNOWN + "' does not exist");
        failsWith(() -> kms.listResourceTags(b -> b.keyId("arn:aws:kms:us-east-1:444455556666:key/" + keyId)),
                "NotFoundException", "Key 'arn:aws:kms:us-east-1:444455556666:key/" + keyId + "' does not exist");
    }

    @Test
    void pagesFollowEachOtherWithoutGapOrRepeatAndEndExactlyAtTheLastTag() {
        String keyId = backend.createKey(numberedTags(0, 20).toArray(Tag[]::new));

        ListResourceTagsResponse first = kms.listResourceTags(b -> b.keyId(keyId).limit(7));
        ListResourceTagsResponse second = kms.listResourceTags(b -> b.keyId(keyId).limit(7)
                .marker(first.nextMarker()));
        ListResourceTagsResponse last = kms.listResourceTags(b -> b.keyId(keyId).limit(6)
                .marker(second.nextMarker()));

        assertThat(keysOf(first)).isEqualTo(names(0, 7));
        assertThat(first.truncated()).isTrue();
        assertThat(keysOf(second)).isEqualTo(names(7, 7));
        assertThat(second.truncated()).isTrue();
        assertThat(keysOf(last)).isEqualTo(names(14, 6));
        assertThat(last.truncated()).isFalse();
        assertThat(last.nextMarker()).isNull();
        ListResourceTagsResponse whole = kms.listResourceTags(b -> b.keyId(keyId).limit(20));
        assertThat(keysOf(whole)).isEqualTo(names(0, 20));
        assertThat(whole.truncated()).isFalse();
    }

    @Test
    void pagesFollowSqlitesOrderOfTagKeysBeyondTheBasicPlane() {
        // U+F900 and U+FF21 sort before U+1D49C by code point (UTF-8 bytes, as SQLite compares); Java's String order
        // of UTF-16 units puts U+1D49C (a surrogate pair) first.
        String keyId = backend.createKey(tag("\uD835\uDC9C", "script A"), tag("\uFF21", "fullwidth A"),
                tag("\uF900", "compatibility ideograph"), tag("z", "ascii"));
        List<String> order = List.of("z", "\uF900", "\uFF21", "\uD835\uDC9C");

        for (int pass = 0; pass < 3; pass++) {
            List<String> paged = new ArrayList<>();
            kms.listResourceTagsPaginator(b -> b.keyId(keyId).limit(1)).tags().forEach(t -> paged.add(t.tagKey()));
            assertThat(paged).as("pass %d", pass).isEqualTo(order);
            assertThat(keysOf(kms.listResourceTags(b -> b.keyId(keyId)))).isEqualTo(order);
        }
    }

    @Test
    void aMarkerGoesOnAfterItsTagEvenWhenThatTagWasRemovedMeanwhile() {
        String keyId = backend.createKey(numberedTags(0, 6).toArray(Tag[]::new));
        ListResourceTagsResponse first = kms.listResourceTags(b -> b.keyId(keyId).limit(3));

        kms.untagResource(b -> b.keyId(keyId).tagKeys("tag-02", "tag-03"));

        ListResourceTagsResponse rest = kms.listResourceTags(b -> b.keyId(keyId).marker(first.nextMarker()));
        assertThat(keysOf(rest)).containsExactly("tag-04", "tag-05");
        assertThat(rest.truncated()).isFalse();
    }

    @Test
    void aMarkerOfAnotherKeyOrMadeUpIsRefused() {
        String keyId = backend.createKey(numberedTags(0, 4).toArray(Tag[]::new));
        String other = backend.createKey(numberedTags(0, 4).toArray(Tag[]::new));
        String marker = kms.listResourceTags(b -> b.keyId(keyId).limit(2)).nextMarker();

        failsWithCode(() -> kms.listResourceTags(b -> b.keyId(other).marker(marker)), "InvalidMarkerException");
        failsWithCode(() -> kms.listResourceTags(b -> b.keyId(keyId).marker("made-up")), "InvalidMarkerException");
        assertThat(keysOf(kms.listResourceTags(b -> b.keyId(ARN_PREFIX + keyId).marker(marker))))
                .containsExactly("tag-02", "tag-03");
    }

    @Test
    void anUnknownKeyIsReportedBeforeABadMarker() {
        failsWith(() -> kms.listResourceTags(b -> b.keyId(UNKNOWN).marker("made-up")), "NotFoundException",
                "Key '" + ARN_PREFIX + UNKNOWN + "' does not exist");
        String keyId = backend.createKey();
        KmsClient frankfurt = backend.client("eu-central-1");
        failsWith(() -> frankfurt.listResourceTags(b -> b.keyId(keyId).marker("made-up")), "NotFoundException",
                "Key 'arn:aws:kms:eu-central-1:111122223333:key/" + keyId + "' does not exist");
    }

    @Test
    void aLimitOutsideOneToFiftyIsAValidationError() {
        String keyId = backend.createKey();

        failsWithCode(() -> kms.listResourceTags(b -> b.keyId(keyId).limit(0)), "ValidationException");
        failsWithCode(() -> kms.listResourceTags(b -> b.keyId(keyId).limit(51)), "ValidationException");
    }

    private static List<String> keysOf(ListResourceTagsResponse answer) {
        return answer.tags().stream().map(Tag::tagKey).toList();
    }

    private static List<String> names(int from, int count) {
        return numberedTags(from, count).stream().map(Tag::tagKey).toList();
    }

    private static List<Tag> numberedTags(int from, int count) {
        List<Tag> tags = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            tags.add(tag("tag-%02d".formatted(i), "value " + i));
        }
        return tags;
    }
}
