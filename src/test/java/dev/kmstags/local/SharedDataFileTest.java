package dev.kmstags.local;

import static dev.kmstags.local.BackendFixture.tag;
import static dev.kmstags.local.KmsErrorAssert.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.Tag;

/**
 * Two backends on one data file, as {@code serve} (or the app) and the {@code tags} command, each in a process of
 * its own, share the default file: what one writes, the other answers with its very next request, whatever it
 * read and kept before.
 */
class SharedDataFileTest {

    private static final String ARN_PREFIX = "arn:aws:kms:us-east-1:111122223333:key/";

    @TempDir
    Path folder;

    private BackendFixture serving;
    private KmsClient kms;
    private final List<BackendFixture> others = new ArrayList<>();

    @BeforeEach
    void start() {
        serving = BackendFixture.empty(folder);
        kms = serving.client();
    }

    @AfterEach
    void stop() {
        others.forEach(BackendFixture::close);
        serving.close();
    }

    /** Another backend on the same file, answering on a port of its own, as the {@code tags} command opens one. */
    private KmsClient other(Clock clock) {
        BackendFixture other = BackendFixture.start(serving.options(), clock);
        others.add(other);
        return other.client();
    }

    private List<Tag> tagsOf(String keyId) {
        List<Tag> tags = new ArrayList<>();
        kms.listResourceTagsPaginator(b -> b.keyId(keyId).limit(3)).tags().forEach(tags::add);
        return tags;
    }

    @Test
    void tagsAnotherBackendPutAndRemovedAreListedAtOnce() {
        String keyId = serving.createKey(tag("a", "1"), tag("b", "2"));
        assertThat(tagsOf(keyId)).containsExactly(tag("a", "1"), tag("b", "2"));
        assertThat(tagsOf(keyId)).containsExactly(tag("a", "1"), tag("b", "2"));

        KmsClient tagsCommand = other(Clock.systemUTC());
        tagsCommand.tagResource(b -> b.keyId(keyId).tags(tag("b", "changed"), tag("c", "3")));
        tagsCommand.untagResource(b -> b.keyId(keyId).tagKeys("a"));

        assertThat(tagsOf(keyId)).containsExactly(tag("b", "changed"), tag("c", "3"));
    }

    @Test
    void aKeyAnotherBackendDeletedIsNotFound() {
        String keyId = serving.createKey(tag("Env", "dev"));
        kms.scheduleKeyDeletion(b -> b.keyId(keyId).pendingWindowInDays(7));
        assertThat(tagsOf(keyId)).containsExactly(tag("Env", "dev"));
        assertThat(tagsOf(keyId)).containsExactly(tag("Env", "dev"));

        // Opened eight days later, the other backend deletes the keys whose waiting period has passed.
        other(Clock.offset(Clock.systemUTC(), Duration.ofDays(8)));

        failsWith(() -> kms.listResourceTags(b -> b.keyId(keyId)), "NotFoundException",
                "Key '" + ARN_PREFIX + keyId + "' does not exist");
    }

    @Test
    void aKeyAnotherBackendScheduledForDeletionTakesNoTags() {
        String keyId = serving.createKey(tag("Env", "dev"));
        kms.tagResource(b -> b.keyId(keyId).tags(tag("Owner", "alice")));
        assertThat(tagsOf(keyId)).containsExactly(tag("Env", "dev"), tag("Owner", "alice"));
        assertThat(tagsOf(keyId)).containsExactly(tag("Env", "dev"), tag("Owner", "alice"));

        other(Clock.systemUTC()).scheduleKeyDeletion(b -> b.keyId(keyId).pendingWindowInDays(7));

        failsWith(() -> kms.tagResource(b -> b.keyId(keyId).tags(tag("Owner", "bob"))), "KMSInvalidStateException",
                ARN_PREFIX + keyId + " is pending deletion.");
        assertThat(tagsOf(keyId)).containsExactly(tag("Env", "dev"), tag("Owner", "alice"));
    }

    @Test
    void theTagLimitCountsTheTagsAnotherBackendPut() {
        String keyId = serving.createKey(numberedTags(0, 45).toArray(Tag[]::new));
        assertThat(tagsOf(keyId)).hasSize(45);
        kms.tagResource(b -> b.keyId(keyId).tags(tag("tag-00", "overwritten")));
        assertThat(tagsOf(keyId)).hasSize(45);

        other(Clock.systemUTC()).tagResource(b -> b.keyId(keyId).tags(numberedTags(45, 5)));

        failsWith(() -> kms.tagResource(b -> b.keyId(keyId).tags(tag("one-more", "x"))), "TagException",
                "Too many tags");
        assertThat(tagsOf(keyId)).hasSize(50).contains(tag("tag-49", "value 49")).doesNotContain(tag("one-more", "x"));
    }

    private static List<Tag> numberedTags(int from, int count) {
        List<Tag> tags = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            tags.add(tag(String.format("tag-%02d", i), "value " + i));
        }
        return tags;
    }
}
