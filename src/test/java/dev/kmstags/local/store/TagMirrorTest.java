package dev.kmstags.local.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmstags.domain.Tag;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mirror of keys' tags: pages from memory exactly as SQLite's, and what it keeps or forgets as commits and
 * reads of any sequence meet.
 */
class TagMirrorTest {

    private static final String KEY_ID = "11111111-1111-4111-8111-111111111111";
    /** U+1D49C, outside the BMP: Java's compareTo puts it before U+FF21, SQLite (and code point order) after. */
    private static final String SCRIPT_A = "\uD835\uDC9C";
    private static final String FULLWIDTH_A = "\uFF21";

    @TempDir
    Path folder;

    private static TagMirror.MirroredKey key(String keyId, String... tagKeys) {
        List<Tag> tags = new ArrayList<>();
        for (String tagKey : tagKeys) {
            tags.add(new Tag(tagKey, "value of " + tagKey));
        }
        return new TagMirror.MirroredKey(new KeyStatus(keyId, "us-east-1", "Enabled", "CUSTOMER"), tags);
    }

    @Test
    void pagesFromMemoryAreThePagesSqliteGivesForEveryMarkerAndLimit() {
        List<String> tagKeys = List.of("a", "B", "b", "ab", "a b", "A", "é", "z", "~", FULLWIDTH_A, FULLWIDTH_A + "a",
                SCRIPT_A, SCRIPT_A + "a", SCRIPT_A + SCRIPT_A, "\uE000", "\uFFFD", "\uD7FF", "0", "Z9", "é1");
        assertThat(SCRIPT_A.compareTo(FULLWIDTH_A)).as("Java orders UTF-16 units").isNegative();
        List<String> markers = new ArrayList<>(tagKeys);
        markers.addAll(List.of("", "!", FULLWIDTH_A + "\u0000", SCRIPT_A + "0", "\uFFFF", "\uD83D\uDE00", "zz"));
        markers.add(null);
        try (SqliteKeyStore store = SqliteKeyStore.open(folder.resolve("kms.db"))) {
            store.write(session -> {
                session.insertKey(new StoredKey(KEY_ID, "us-east-1", "111122223333", 0, "", "ENCRYPT_DECRYPT",
                        "SYMMETRIC_DEFAULT", "Enabled", "CUSTOMER", "AWS_KMS", null, null));
                session.putTags(KEY_ID, tagKeys.stream().map(k -> new Tag(k, "value of " + k)).toList());
                return null;
            });
            TagMirror.MirroredKey mirrored = store.withReader(session -> session.keyWithTags(KEY_ID)).key();
            // SQLite's own paging: tag_key > ? ORDER BY tag_key LIMIT ?
            List<String> sqliteOrder = store.read(session -> session.tagsAfter(KEY_ID, null, 100)).stream()
                    .map(Tag::key).toList();
            assertThat(sqliteOrder).hasSize(tagKeys.size())
                    .containsSubsequence(FULLWIDTH_A, FULLWIDTH_A + "a", SCRIPT_A, SCRIPT_A + SCRIPT_A);
            assertThat(mirrored.tags().stream().map(Tag::key).toList()).isEqualTo(sqliteOrder);
            for (String marker : markers) {
                for (int limit = 1; limit <= tagKeys.size() + 1; limit++) {
                    int pageLimit = limit;
                    KeyTagPage fromMemory = mirrored.page(marker, limit);
                    assertThat(fromMemory.region()).isEqualTo("us-east-1");
                    assertThat(fromMemory.tags()).as("after %s, limit %d", marker, limit)
                            .isEqualTo(store.read(session -> session.tagsAfter(KEY_ID, marker, pageLimit)));
                }
            }
        }
    }

    @Test
    void keysTheWritesOfABatchKnewAreMirroredAsTheFileHasThemAndAWriteRolledBackLeavesNoTrace() throws Exception {
        String first = KEY_ID;
        String second = "22222222-2222-4222-8222-222222222222";
        // Threads of their own: on two cores the common pool has one, which the first write holds.
        ExecutorService writers = Executors.newFixedThreadPool(3);
        try (SqliteKeyStore store = SqliteKeyStore.open(folder.resolve("kms.db"))) {
            store.write(session -> {
                for (String keyId : List.of(first, second)) {
                    session.insertKey(new StoredKey(keyId, "us-east-1", "111122223333", 0, "", "ENCRYPT_DECRYPT",
                            "SYMMETRIC_DEFAULT", "Enabled", "CUSTOMER", "AWS_KMS", null, null));
                    session.putTags(keyId, tags("x", "y"));
                }
                return null;
            });
            store.keyTagPage(first, null, 50);
            store.keyTagPage(second, null, 50);
            assertThat(store.mirror().holds(first)).isTrue();

            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Object> alone = CompletableFuture.supplyAsync(() -> store.write(session -> {
                holding.countDown();
                await(release);
                tag(session, first, "z");
                return null;
            }), writers);
            assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
            // These two queue up behind it, in this order, and are committed together; the first of them fails
            // after its put. (Queued the other way round, the rollback would make the batch forget the first key
            // the third write knew, which is safe but not what this test looks at.)
            CompletableFuture<Object> failing = CompletableFuture.supplyAsync(() -> store.write(session -> {
                tag(session, second, "w");
                throw new IllegalStateException("a rule failed after the put");
            }), writers);
            waitForWriters(store, 1);
            CompletableFuture<Object> third = CompletableFuture.supplyAsync(() -> store.write(session -> {
                session.findKeyStatusAndTagsKept(first, List.of());
                session.removeTags(first, List.of("x"));
                tag(session, second, "v");
                return null;
            }), writers);
            waitForWriters(store, 2);
            release.countDown();
            alone.get(30, TimeUnit.SECONDS);
            assertThatThrownBy(() -> failing.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
            third.get(30, TimeUnit.SECONDS);

            assertThat(store.mirror().holds(first)).as("tagged twice, known throughout").isTrue();
            for (String keyId : List.of(first, second)) {
                List<Tag> fromFile = store.read(session -> session.tagsAfter(keyId, null, 50));
                assertThat(store.keyTagPage(keyId, null, 50).orElseThrow().tags()).isEqualTo(fromFile);
                assertThat(store.keyTagPage(keyId, null, 50).orElseThrow().tags()).isEqualTo(fromFile);
            }
            assertThat(store.keyTagPage(first, null, 50).orElseThrow().tags()).extracting(Tag::key)
                    .containsExactly("y", "z");
            assertThat(store.keyTagPage(second, null, 50).orElseThrow().tags()).extracting(Tag::key)
                    .containsExactly("v", "x", "y");
        } finally {
            writers.shutdownNow();
        }
    }

    private static void waitForWriters(SqliteKeyStore store, int waiting) throws InterruptedException {
        for (int i = 0; i < 3_000 && store.writersWaiting() < waiting; i++) {
            Thread.sleep(10);
        }
        assertThat(store.writersWaiting()).isEqualTo(waiting);
    }

    /** As TagResource does: the key's status and count first, then the put. */
    private static void tag(StoreSession session, String keyId, String tagKey) {
        assertThat(session.findKeyStatusAndTagsKept(keyId, List.of(tagKey))).isPresent();
        session.putTags(keyId, tags(tagKey));
    }

    private static List<Tag> tags(String... tagKeys) {
        return Arrays.stream(tagKeys).map(k -> new Tag(k, "value of " + k)).toList();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aReadIsAnsweredOnlyAtTheSequenceItWasKeptFor() {
        TagMirror mirror = new TagMirror();
        mirror.put("k", key("k", "a"), 5);

        assertThat(mirror.get("k", 5)).isEqualTo(key("k", "a"));
        assertThat(mirror.get("k", 6)).as("the file moved on").isNull();
        assertThat(mirror.get("k", 4)).isNull();
    }

    @Test
    void ourCommitForgetsTheKeysItWroteAndKeepsTheOthersForTheNewSequence() {
        TagMirror mirror = new TagMirror();
        mirror.put("written", key("written", "a"), 5);
        mirror.put("untouched", key("untouched", "a"), 5);

        mirror.committed(6, Set.of("written"), Map.of());

        assertThat(mirror.get("written", 6)).isNull();
        assertThat(mirror.get("untouched", 6)).isEqualTo(key("untouched", "a"));
    }

    @Test
    void aCommitThatDoesNotFollowTheMirrorsSequenceForgetsEverything() {
        TagMirror mirror = new TagMirror();
        mirror.put("k", key("k", "a"), 5);

        // Another process committed 6; ours is 7.
        mirror.committed(7, Set.of(), Map.of());

        assertThat(mirror.get("k", 7)).isNull();
    }

    @Test
    void aReadOfALaterSequenceStartsTheMirrorAfreshAndAReadOfAnEarlierOneIsNotKept() {
        TagMirror mirror = new TagMirror();
        mirror.put("old", key("old", "a"), 5);

        mirror.put("fresh", key("fresh", "b"), 8);
        mirror.put("stale", key("stale", "c"), 7);

        assertThat(mirror.get("old", 8)).isNull();
        assertThat(mirror.get("fresh", 8)).isEqualTo(key("fresh", "b"));
        assertThat(mirror.get("stale", 8)).isNull();
        assertThat(mirror.get("stale", 7)).isNull();
    }

    @Test
    void aReaderBetweenOurCommitAndTheMirrorsUpdateLeavesNothingStale() {
        TagMirror mirror = new TagMirror();
        mirror.put("k", key("k", "before"), 5);
        // Our commit 6 wrote k; before the writer tells the mirror, a reader sees 6 and reads k afresh.
        assertThat(mirror.get("k", 6)).isNull();
        mirror.put("k", key("k", "after"), 6);

        mirror.committed(6, Set.of("k"), Map.of());

        assertThat(mirror.get("k", 6)).isNotEqualTo(key("k", "before"));
    }

    @Test
    void aFailedWriteForgetsItsKeysAtTheSameSequence() {
        TagMirror mirror = new TagMirror();
        mirror.put("k", key("k", "a"), 5);
        mirror.put("other", key("other", "a"), 5);

        mirror.forget(Set.of("k"));

        assertThat(mirror.get("k", 5)).isNull();
        assertThat(mirror.get("other", 5)).isEqualTo(key("other", "a"));
    }

    @Test
    void overItsBudgetTheMirrorLetsTheLeastRecentlyUsedKeysGo() {
        TagMirror.MirroredKey sample = key("k0", "a", "b", "c");
        TagMirror mirror = new TagMirror(TagMirror.weightOf(sample) * 3);
        for (int i = 0; i < 3; i++) {
            mirror.put("k" + i, key("k" + i, "a", "b", "c"), 1);
        }
        assertThat(mirror.get("k0", 1)).isNotNull();

        mirror.put("k3", key("k3", "a", "b", "c"), 1);

        assertThat(mirror.get("k1", 1)).as("least recently used").isNull();
        assertThat(mirror.get("k0", 1)).isNotNull();
        assertThat(mirror.get("k2", 1)).isNotNull();
        assertThat(mirror.get("k3", 1)).isNotNull();
    }
}
