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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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

    @Test
    void aStoreWritingAloneLeavesTheCommitSequenceRowAsItIs() {
        try (SqliteKeyStore store = SqliteKeyStore.open(folder.resolve("kms.db"))) {
            createKey(store, KEY_ID, "x");
            TagMirror.Sequence claimed = store.withReader(StoreSession::commitSequence);
            assertThat(claimed.owner()).isEqualTo(store.mirror().owner());

            for (String tagKey : List.of("y", "z", "w")) {
                store.write(session -> {
                    tag(session, KEY_ID, tagKey);
                    return null;
                });
            }

            assertThat(store.withReader(StoreSession::commitSequence)).isEqualTo(claimed);
            assertThat(store.keyTagPage(KEY_ID, null, 50).orElseThrow().tags()).extracting(Tag::key)
                    .containsExactly("w", "x", "y", "z");
        }
    }

    @Test
    void twoStoresOnOneFileTakingTurnsToWriteEachAnswerTheOthersChangesAtOnce() {
        Path file = folder.resolve("kms.db");
        try (SqliteKeyStore first = SqliteKeyStore.open(file); SqliteKeyStore second = SqliteKeyStore.open(file)) {
            createKey(first, KEY_ID, "a");
            assertThat(tagKeys(first)).containsExactly("a");
            assertThat(tagKeys(first)).containsExactly("a");
            assertThat(answersFromMemory(first)).isTrue();

            putTag(second, "b");
            assertThat(answersFromMemory(first)).isFalse();
            assertThat(tagKeys(first)).containsExactly("a", "b");
            assertThat(tagKeys(first)).containsExactly("a", "b");
            assertThat(answersFromMemory(first)).as("the row claimed back, the mirror filled again").isTrue();

            assertThat(tagKeys(second)).containsExactly("a", "b");
            assertThat(tagKeys(second)).containsExactly("a", "b");
            putTag(first, "c");
            assertThat(tagKeys(second)).containsExactly("a", "b", "c");
            putTag(second, "d");
            putTag(second, "e");
            assertThat(tagKeys(first)).containsExactly("a", "b", "c", "d", "e");
            putTag(first, "f");
            assertThat(tagKeys(second)).containsExactly("a", "b", "c", "d", "e", "f");
            assertThat(tagKeys(first)).containsExactly("a", "b", "c", "d", "e", "f");
        }
    }

    @Test
    void whileNoOtherProcessCommitsTheRowIsKnownWithoutAStatementAndAnotherStoresCommitIsSeenAtOnce() {
        Path file = folder.resolve("kms.db");
        try (SqliteKeyStore first = SqliteKeyStore.open(file); SqliteKeyStore second = SqliteKeyStore.open(file)) {
            createKey(first, KEY_ID, "a");
            assertThat(tagKeys(first)).containsExactly("a");
            assertThat(tagKeys(first)).containsExactly("a");
            long statements = first.sequenceStatements();
            for (int i = 0; i < 5; i++) {
                assertThat(tagKeys(first)).containsExactly("a");
            }
            assertThat(first.sequenceStatements()).as("the WAL-index header unchanged: the row as last read")
                    .isEqualTo(statements);

            putTag(second, "b");
            assertThat(tagKeys(first)).as("another store's commit moved the header on").containsExactly("a", "b");
            assertThat(first.sequenceStatements()).isGreaterThan(statements);

            statements = first.sequenceStatements();
            putTag(first, "c");
            putTag(first, "d");
            assertThat(tagKeys(first)).containsExactly("a", "b", "c", "d");
            assertThat(tagKeys(first)).containsExactly("a", "b", "c", "d");
            assertThat(first.sequenceStatements())
                    .as("our own commits: the header counts one transaction more each time, ours")
                    .isEqualTo(statements);

            putTag(second, "e");
            assertThat(tagKeys(first)).containsExactly("a", "b", "c", "d", "e");
            assertThat(first.sequenceStatements()).isGreaterThan(statements);
        }
    }

    @Test
    void aReaderRacingOurOwnWritesNeverAnswersATagOlderThanOneAlreadyAcknowledged() throws Exception {
        int writes = 3_000;
        int readers = 3;
        ExecutorService threads = Executors.newFixedThreadPool(readers + 1);
        try (SqliteKeyStore store = SqliteKeyStore.open(folder.resolve("kms.db"))) {
            store.write(session -> {
                session.insertKey(new StoredKey(KEY_ID, "us-east-1", "111122223333", 0, "", "ENCRYPT_DECRYPT",
                        "SYMMETRIC_DEFAULT", "Enabled", "CUSTOMER", "AWS_KMS", null, null));
                session.putTags(KEY_ID, List.of(new Tag("n", "0")));
                return null;
            });
            AtomicInteger acknowledged = new AtomicInteger();
            List<String> staleAnswers = new CopyOnWriteArrayList<>();
            // Puts alone, without reading the key first: each commit forgets the key, so readers read it afresh
            // while the next write is committed.
            Future<?> writer = threads.submit(() -> {
                for (int i = 1; i <= writes; i++) {
                    String value = Integer.toString(i);
                    store.write(session -> {
                        session.putTags(KEY_ID, List.of(new Tag("n", value)));
                        return null;
                    });
                    acknowledged.set(i);
                }
            });
            List<Future<?>> reading = new ArrayList<>();
            for (int r = 0; r < readers; r++) {
                reading.add(threads.submit(() -> {
                    while (!writer.isDone() && staleAnswers.isEmpty()) {
                        int floor = acknowledged.get();
                        int answered = Integer.parseInt(store.keyTagPage(KEY_ID, null, 50).orElseThrow().tags()
                                .get(0).value());
                        if (answered < floor) {
                            staleAnswers.add(answered + " after " + floor + " was acknowledged");
                        }
                    }
                }));
            }
            writer.get(120, TimeUnit.SECONDS);
            for (Future<?> reader : reading) {
                reader.get(120, TimeUnit.SECONDS);
            }
            assertThat(staleAnswers).isEmpty();
        } finally {
            threads.shutdownNow();
        }
    }

    private static void createKey(SqliteKeyStore store, String keyId, String... tagKeys) {
        store.write(session -> {
            session.insertKey(new StoredKey(keyId, "us-east-1", "111122223333", 0, "", "ENCRYPT_DECRYPT",
                    "SYMMETRIC_DEFAULT", "Enabled", "CUSTOMER", "AWS_KMS", null, null));
            session.putTags(keyId, tags(tagKeys));
            return null;
        });
    }

    private static void putTag(SqliteKeyStore store, String tagKey) {
        store.write(session -> {
            tag(session, KEY_ID, tagKey);
            return null;
        });
    }

    /** Whether the store's next ListResourceTags of the key would be answered from its mirror. */
    private static boolean answersFromMemory(SqliteKeyStore store) {
        return store.mirror().get(KEY_ID, store.withReader(StoreSession::commitSequence)) != null;
    }

    private static List<String> tagKeys(SqliteKeyStore store) {
        return store.keyTagPage(KEY_ID, null, 50).orElseThrow().tags().stream().map(Tag::key).toList();
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

    /** A mirror whose store claimed the commit sequence row at {@code value}. */
    private static TagMirror claimedAt(long value) {
        TagMirror mirror = new TagMirror();
        mirror.committed(value, Set.of(), Map.of());
        return mirror;
    }

    private static TagMirror.Sequence ours(TagMirror mirror, long value) {
        return new TagMirror.Sequence(value, mirror.owner());
    }

    private static void fill(TagMirror mirror, String keyId, TagMirror.MirroredKey key, long value) {
        mirror.put(keyId, key, ours(mirror, value), mirror.epoch());
    }

    @Test
    void aReadIsAnsweredOnlyWhileTheRowIsOursAtTheMirrorsSequence() {
        TagMirror mirror = claimedAt(5);
        fill(mirror, "k", key("k", "a"), 5);

        assertThat(mirror.get("k", ours(mirror, 5))).isEqualTo(key("k", "a"));
        assertThat(mirror.get("k", ours(mirror, 6))).as("claimed again since").isNull();
        assertThat(mirror.get("k", new TagMirror.Sequence(5, new TagMirror().owner()))).as("another owner").isNull();
    }

    @Test
    void ourCommitForgetsTheKeysItWroteAndKeepsTheOthers() {
        TagMirror mirror = claimedAt(5);
        fill(mirror, "written", key("written", "a"), 5);
        fill(mirror, "untouched", key("untouched", "a"), 5);

        mirror.committed(5, Set.of("written"), Map.of());

        assertThat(mirror.get("written", ours(mirror, 5))).isNull();
        assertThat(mirror.get("untouched", ours(mirror, 5))).isEqualTo(key("untouched", "a"));
    }

    @Test
    void aCommitThatClaimedTheRowForgetsEverything() {
        TagMirror mirror = claimedAt(5);
        fill(mirror, "k", key("k", "a"), 5);

        // Another store claimed 6 and wrote; ours claims 7.
        mirror.committed(7, Set.of(), Map.of());

        assertThat(mirror.get("k", ours(mirror, 7))).isNull();
    }

    @Test
    void aReadOfAnotherOwnerOrAnotherSequenceIsNotKept() {
        TagMirror mirror = claimedAt(5);
        TagMirror.Sequence othersRow = new TagMirror.Sequence(5, new TagMirror().owner());

        mirror.put("other owner", key("other owner", "a"), othersRow, mirror.epoch());
        mirror.put("later", key("later", "a"), ours(mirror, 6), mirror.epoch());
        mirror.put("earlier", key("earlier", "a"), ours(mirror, 4), mirror.epoch());

        assertThat(mirror.holds("other owner")).isFalse();
        assertThat(mirror.holds("later")).isFalse();
        assertThat(mirror.holds("earlier")).isFalse();
    }

    @Test
    void aReadWhoseSnapshotOurCommitOvertookIsNotKept() {
        TagMirror mirror = claimedAt(5);
        // A reader notes the epoch and reads k by its statement, before our commit writes k ...
        long epochBefore = mirror.epoch();
        TagMirror.MirroredKey readBeforeTheCommit = key("k", "before");
        // ... which leaves the row as it was (ours, 5) and is told to the mirror before the reader puts what it read.
        mirror.committed(5, Set.of("k"), Map.of());

        mirror.put("k", readBeforeTheCommit, ours(mirror, 5), epochBefore);

        assertThat(mirror.get("k", ours(mirror, 5))).isNull();
    }

    @Test
    void aReaderBetweenOurCommitAndTheMirrorsUpdateLeavesNothingStale() {
        TagMirror mirror = claimedAt(5);
        fill(mirror, "k", key("k", "before"), 5);
        // Our commit wrote k; before the writer tells the mirror, a reader reads k afresh and keeps it.
        fill(mirror, "k", key("k", "after"), 5);

        mirror.committed(5, Set.of("k"), Map.of());

        assertThat(mirror.get("k", ours(mirror, 5))).isNull();
    }

    @Test
    void aFailedWriteForgetsItsKeys() {
        TagMirror mirror = claimedAt(5);
        fill(mirror, "k", key("k", "a"), 5);
        fill(mirror, "other", key("other", "a"), 5);

        mirror.forget(Set.of("k"));

        assertThat(mirror.get("k", ours(mirror, 5))).isNull();
        assertThat(mirror.get("other", ours(mirror, 5))).isEqualTo(key("other", "a"));
    }

    @Test
    void overItsBudgetTheMirrorLetsTheLeastRecentlyUsedKeysGo() {
        TagMirror.MirroredKey sample = key("k0", "a", "b", "c");
        TagMirror mirror = new TagMirror(TagMirror.weightOf(sample) * 3);
        mirror.committed(1, Set.of(), Map.of());
        for (int i = 0; i < 3; i++) {
            fill(mirror, "k" + i, key("k" + i, "a", "b", "c"), 1);
        }
        assertThat(mirror.get("k0", ours(mirror, 1))).isNotNull();

        fill(mirror, "k3", key("k3", "a", "b", "c"), 1);

        assertThat(mirror.get("k1", ours(mirror, 1))).as("least recently used").isNull();
        assertThat(mirror.get("k0", ours(mirror, 1))).isNotNull();
        assertThat(mirror.get("k2", ours(mirror, 1))).isNotNull();
        assertThat(mirror.get("k3", ours(mirror, 1))).isNotNull();
    }
}
