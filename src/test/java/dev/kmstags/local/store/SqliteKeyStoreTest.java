package dev.kmstags.local.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite file itself: its schema version, and writes that are all or nothing. */
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
}
