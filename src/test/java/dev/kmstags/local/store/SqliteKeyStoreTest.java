package dev.kmstags.local.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmstags.domain.Tag;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite file itself: its schema version, writes that are all or nothing, and its WAL copied into it. */
class SqliteKeyStoreTest {

    @TempDir
    Path folder;

    private static StoredKey key(String id) {
        return new StoredKey(id, "us-east-1", "111122223333", 0, "", "ENCRYPT_DECRYPT", "SYMMETRIC_DEFAULT",
                "Enabled", "CUSTOMER", "AWS_KMS", null, null);
    }

    @Test
    void aNewFileIsCreatedWithItsDirectoryAndCarriesTheSchemaVersion() throws Exception {
        Path file = folder.resolve("nested/dir/kms.db");
        SqliteKeyStore.open(file).close();

        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertThat(Schema.version(connection)).isEqualTo(Schema.CURRENT_VERSION).isPositive();
        }
    }

    @Test
    void theWalIsCopiedIntoTheFileWhileTheStoreIsOpen() throws Exception {
        Path file = folder.resolve("kms.db");
        try (SqliteKeyStore store = SqliteKeyStore.open(file)) {
            long before = Files.size(file);
            // Each commit a key of its own with 10 tags: a few pages each, under the writer's own bound, after which
            // its commit would copy them.
            for (int i = 0; i < WalCheckpointer.COMMITS_PER_CHECKPOINT + 10; i++) {
                String keyId = "key-" + i;
                store.write(session -> {
                    session.insertKey(key(keyId));
                    for (int t = 0; t < 10; t++) {
                        session.putTags(keyId, List.of(new Tag("tag-" + t, "value " + t + " of " + keyId)));
                    }
                    return null;
                });
            }
            long grown = before + 64 * 1024;
            for (int i = 0; i < 300 && Files.size(file) < grown; i++) {
                Thread.sleep(100);
            }
            assertThat(Files.size(file)).as("the data file besides its WAL").isGreaterThanOrEqualTo(grown);
        }
    }

    @Test
    void aPutOfManyTagsWritesThemAllAndOfATagKeyGivenTwiceTheLastValueStays() {
        try (SqliteKeyStore store = SqliteKeyStore.open(folder.resolve("kms.db"))) {
            List<Tag> tags = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                tags.add(new Tag(String.format("tag-%03d", i), "value " + i));
            }
            tags.add(new Tag("tag-000", "given again"));
            store.write(session -> {
                session.insertKey(key("k1"));
                session.putTags("k1", tags);
                return null;
            });

            List<Tag> stored = store.read(session -> session.tagsAfter("k1", null, 200));
            assertThat(stored).hasSize(120).contains(new Tag("tag-119", "value 119"))
                    .startsWith(new Tag("tag-000", "given again"));
        }
    }

    @Test
    void anotherProcessCanWriteTheFileWhileTheStoreIsOpenAndIdle() throws Exception {
        Path file = folder.resolve("shared.db");
        try (SqliteKeyStore store = SqliteKeyStore.open(file)) {
            store.write(session -> {
                session.insertKey(key("k1"));
                return null;
            });
            // As the tags command or a second app does on the same data file: a connection of its own.
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file + "?busy_timeout=2000")) {
                other.setAutoCommit(false);
                try (Statement statement = other.createStatement()) {
                    statement.executeUpdate("UPDATE keys SET description = 'from elsewhere' WHERE key_id = 'k1'");
                }
                other.commit();
            }
            assertThat(store.read(session -> session.findKey("k1")).map(StoredKey::description))
                    .contains("from elsewhere");
            store.write(session -> {
                session.insertKey(key("k2"));
                return null;
            });
            assertThat(store.read(StoreSession::keyCount)).isEqualTo(2);
        }
    }

    @Test
    void betweenItsOwnTransactionsTheStoreHoldsNoLockAndNoSnapshotOfTheFile() throws Exception {
        Path file = folder.resolve("shared.db");
        try (SqliteKeyStore store = SqliteKeyStore.open(file)) {
            store.write(session -> {
                session.insertKey(key("k1"));
                session.putTags("k1", List.of(new Tag("Owner", "alice")));
                return null;
            });
            store.writeLater(session -> {
                session.putTags("k1", List.of(new Tag("Owner", "bob")));
                return null;
            }).get(10, TimeUnit.SECONDS);
            for (int i = 0; i < SqliteKeyStore.READERS + 1; i++) {
                assertThat(store.read(StoreSession::keyCount)).isEqualTo(1);
                assertThat(store.<Optional<StoredKey>>withReader(session -> session.findKey("k1"))).isPresent();
                assertThat(store.keyTagPage("k1", null, 10)).isPresent();
            }
            // Without waiting: a write lock or a read snapshot left open by one of the store's connections fails it.
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file + "?busy_timeout=0");
                 Statement statement = other.createStatement()) {
                try (ResultSet checkpoint = statement.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                    assertThat(checkpoint.getInt(1)).as("the checkpoint was kept from finishing").isZero();
                }
                statement.execute("BEGIN IMMEDIATE");
                statement.execute("COMMIT");
            }
        }
    }

    @Test
    void keyIdsComeInCreationOrderAcrossPages() {
        try (SqliteKeyStore store = SqliteKeyStore.open(folder.resolve("kms.db"))) {
            List<String> created = new ArrayList<>();
            store.write(session -> {
                for (int i = 0; i < 25; i++) {
                    // IDs whose text order is not their creation order.
                    String keyId = String.format("%02d-key", (i * 7) % 25);
                    session.insertKey(key(keyId));
                    created.add(keyId);
                }
                return null;
            });
            List<String> listed = new ArrayList<>();
            long after = 0;
            boolean more = true;
            while (more) {
                long from = after;
                StoreSession.KeyIdPage page = store.read(session -> session.keyIdsAfter("us-east-1", from, 10));
                listed.addAll(page.keyIds());
                after = page.lastPosition();
                more = page.more();
            }
            assertThat(listed).containsExactlyElementsOf(created);
        }
    }

    @Test
    void keyIdsThatComeOutOfPositionOrderArePutInIt() {
        String[] keyIds = {"c", "a", "d", "b"};
        assertThat(StoreSession.inPositionOrder(keyIds, new String[] {"30", "1", "400", "20"}))
                .containsExactly("a", "b", "c", "d");
        assertThat(StoreSession.inPositionOrder(new String[] {"a", "b"}, new String[] {"9", "10"}))
                .containsExactly("a", "b");
    }

    @Test
    void aFileFromANewerReleaseIsRefusedWithoutBeingTouched() throws Exception {
        Path file = folder.resolve("newer.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA user_version = " + (Schema.CURRENT_VERSION + 1));
        }

        assertThatThrownBy(() -> SqliteKeyStore.open(file)).isInstanceOf(StoreException.class)
                .hasMessageContaining("newer release");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertThat(Schema.version(connection)).isEqualTo(Schema.CURRENT_VERSION + 1);
        }
    }

    @Test
    void aWriteThatFailsHalfWayLeavesNothingBehind() {
        try (SqliteKeyStore store = SqliteKeyStore.open(folder.resolve("kms.db"))) {
            assertThatThrownBy(() -> store.write(session -> {
                session.insertKey(key("11111111-1111-4111-8111-111111111111"));
                throw new IllegalStateException("a rule failed after the first insert");
            })).isInstanceOf(IllegalStateException.class);

            assertThat(store.read(StoreSession::keyCount)).isZero();
            store.write(session -> {
                session.insertKey(key("22222222-2222-4222-8222-222222222222"));
                return null;
            });
            assertThat(store.read(StoreSession::keyCount)).isEqualTo(1);
        }
    }

    @Test
    void writesCommittedTogetherStayAllOrNothingEachOnItsOwn() throws Exception {
        try (SqliteKeyStore store = SqliteKeyStore.open(folder.resolve("kms.db"))) {
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Object> first = holdTheWriter(store, release, "11111111-1111-4111-8111-111111111111");
            // Both queue up behind the first, so they are committed together, one failing half-way.
            CompletableFuture<Object> failing = CompletableFuture.supplyAsync(() -> store.write(session -> {
                session.insertKey(key("22222222-2222-4222-8222-222222222222"));
                throw new IllegalStateException("a rule failed after the insert");
            }));
            CompletableFuture<Object> third = CompletableFuture.supplyAsync(() -> store.write(session -> {
                session.insertKey(key("33333333-3333-4333-8333-333333333333"));
                return "written";
            }));
            for (int i = 0; i < 3_000 && store.writersWaiting() < 2; i++) {
                Thread.sleep(10);
            }
            assertThat(store.writersWaiting()).isEqualTo(2);
            release.countDown();

            assertThat(first.get(30, TimeUnit.SECONDS)).isNull();
            assertThatThrownBy(() -> failing.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
            assertThat(third.get(30, TimeUnit.SECONDS)).isEqualTo("written");
            Optional<StoredKey> failed = store.read(session -> session.findKey("22222222-2222-4222-8222-222222222222"));
            Optional<StoredKey> written = store.read(session -> session.findKey("33333333-3333-4333-8333-333333333333"));
            assertThat(failed).isEmpty();
            assertThat(written).isPresent();
            assertThat(store.read(StoreSession::keyCount)).isEqualTo(2);
        }
    }

    @Test
    void aWriteQueuedWithoutWaitingIsCommittedByTheThreadThatHasTheWriter() throws Exception {
        try (SqliteKeyStore store = SqliteKeyStore.open(folder.resolve("kms.db"))) {
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Object> first = holdTheWriter(store, release, "11111111-1111-4111-8111-111111111111");

            // Queued from this thread, which goes on at once: the writer is taken.
            CompletableFuture<String> later = store.writeLater(session -> {
                session.insertKey(key("22222222-2222-4222-8222-222222222222"));
                return "written";
            });
            CompletableFuture<String> failing = store.writeLater(session -> {
                session.insertKey(key("33333333-3333-4333-8333-333333333333"));
                throw new IllegalStateException("a rule failed after the insert");
            });
            assertThat(later).isNotDone();
            assertThat(failing).isNotDone();
            assertThat(store.writersWaiting()).isEqualTo(2);
            release.countDown();

            assertThat(first.get(30, TimeUnit.SECONDS)).isNull();
            assertThat(later.get(30, TimeUnit.SECONDS)).isEqualTo("written");
            assertThatThrownBy(() -> failing.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
            Optional<StoredKey> written = store.read(s -> s.findKey("22222222-2222-4222-8222-222222222222"));
            Optional<StoredKey> failed = store.read(s -> s.findKey("33333333-3333-4333-8333-333333333333"));
            assertThat(written).isPresent();
            assertThat(failed).isEmpty();
            assertThat(store.writersWaiting()).isZero();
        }
    }

    @Test
    void aWriteThatBreaksDownFailsItsBatchAndTheWriterServesTheNext() throws Exception {
        try (SqliteKeyStore store = SqliteKeyStore.open(folder.resolve("kms.db"))) {
            CompletableFuture<Object> broken = store.writeLater(session -> {
                session.insertKey(key("11111111-1111-4111-8111-111111111111"));
                throw new AssertionError("a bug in the work");
            });

            assertThatThrownBy(() -> broken.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(StoreException.class)
                    .hasRootCauseMessage("a bug in the work");
            store.write(session -> {
                session.insertKey(key("22222222-2222-4222-8222-222222222222"));
                return null;
            });
            assertThat(store.read(StoreSession::keyCount)).isEqualTo(1);
        }
    }

    @Test
    void aStageChainedToAWriteCannotWaitForAnotherOnTheCommitterThread() throws Exception {
        try (SqliteKeyStore store = SqliteKeyStore.open(folder.resolve("kms.db"))) {
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Object> first = holdTheWriter(store, release, "11111111-1111-4111-8111-111111111111");
            // Queued behind the first, so the stage is chained before the write is done: the committer runs it.
            CompletableFuture<Object> chained = store.writeLater(session -> {
                session.insertKey(key("22222222-2222-4222-8222-222222222222"));
                return null;
            }).thenApply(done -> store.write(session -> {
                session.insertKey(key("33333333-3333-4333-8333-333333333333"));
                return null;
            }));
            release.countDown();

            assertThat(first.get(30, TimeUnit.SECONDS)).isNull();
            assertThatThrownBy(() -> chained.get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(IllegalStateException.class);
            assertThat(store.read(StoreSession::keyCount)).isEqualTo(2);
            store.write(session -> {
                session.insertKey(key("44444444-4444-4444-8444-444444444444"));
                return null;
            });
            assertThat(store.read(StoreSession::keyCount)).isEqualTo(3);
        }
    }

    @Test
    void aWriteQueuedAfterTheStoreClosedFailsWithoutWaiting() {
        SqliteKeyStore store = SqliteKeyStore.open(folder.resolve("kms.db"));
        store.close();

        CompletableFuture<Object> later = store.writeLater(session -> {
            session.insertKey(key("11111111-1111-4111-8111-111111111111"));
            return null;
        });

        assertThat(later).isCompletedExceptionally();
        assertThatThrownBy(later::join).hasCauseInstanceOf(StoreException.class)
                .hasMessageContaining("The data file is closed");
    }

    /** A write that has taken the writer and keeps it until {@code release} opens, then inserts a key. */
    private static CompletableFuture<Object> holdTheWriter(SqliteKeyStore store, CountDownLatch release, String keyId)
            throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        CompletableFuture<Object> write = CompletableFuture.supplyAsync(() -> store.write(session -> {
            holding.countDown();
            await(release);
            session.insertKey(key(keyId));
            return null;
        }));
        assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
        return write;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
