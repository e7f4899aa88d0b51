package dev.kmstags.local.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The store's schema and its migrations. The file's {@code PRAGMA user_version} says how far it has come; each
 * release appends a migration and never edits an old one, so any older file can be brought up to date.
 */
final class Schema {

    /** Migration {@code i} takes a file from version {@code i} to {@code i + 1}. */
    private static final List<List<String>> MIGRATIONS = List.of(
            List.of("""
                    CREATE TABLE keys (
                      seq INTEGER PRIMARY KEY AUTOINCREMENT,
                      key_id TEXT NOT NULL UNIQUE,
                      region TEXT NOT NULL,
                      account_id TEXT NOT NULL,
                      creation_date INTEGER NOT NULL,
                      description TEXT NOT NULL,
                      key_usage TEXT NOT NULL,
                      key_spec TEXT NOT NULL,
                      key_state TEXT NOT NULL,
                      key_manager TEXT NOT NULL,
                      origin TEXT NOT NULL,
                      deletion_date INTEGER,
                      pending_window_days INTEGER)""",
                    "CREATE INDEX keys_by_region ON keys(region, seq)",
                    """
                    CREATE TABLE tags (
                      key_id TEXT NOT NULL REFERENCES keys(key_id) ON DELETE CASCADE,
                      tag_key TEXT NOT NULL,
                      tag_value TEXT NOT NULL,
                      PRIMARY KEY (key_id, tag_key)) WITHOUT ROWID""",
                    """
                    CREATE TABLE aliases (
                      region TEXT NOT NULL,
                      alias_name TEXT NOT NULL,
                      target_key_id TEXT REFERENCES keys(key_id) ON DELETE CASCADE,
                      creation_date INTEGER NOT NULL,
                      last_updated_date INTEGER NOT NULL,
                      PRIMARY KEY (region, alias_name)) WITHOUT ROWID""",
                    "CREATE INDEX aliases_by_target ON aliases(target_key_id)",
                    "CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID"),
            // A count of the file's commits (see TagMirror). A file at this version is refused by
            // the releases before it, so every process that writes it counts its commits.
            List.of("CREATE TABLE commit_sequence (id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL)",
                    "INSERT INTO commit_sequence (id, value) VALUES (1, 0)"),
            // The store that last claimed the sequence: its own commits leave the row alone (see TagMirror). A file
            // at this version is refused by the releases before it, so every process that writes it claims the row.
            List.of("ALTER TABLE commit_sequence ADD COLUMN owner INTEGER NOT NULL DEFAULT 0"));

    /** The version this release writes. */
    static final int CURRENT_VERSION = MIGRATIONS.size();

    private Schema() {
    }

    /** Brings the file up to {@link #CURRENT_VERSION} in one transaction; refuses files from a newer release. */
    static void migrate(Connection connection) throws SQLException {
        int version = version(connection);
        if (version > CURRENT_VERSION) {
            throw new StoreException("The data file was written by a newer release (schema " + version
                    + "; this release reads up to " + CURRENT_VERSION + "). Use a newer release or another file.");
        }
        if (version == CURRENT_VERSION) {
            return;
        }
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (int v = version; v < CURRENT_VERSION; v++) {
                for (String sql : MIGRATIONS.get(v)) {
                    statement.execute(sql);
                }
            }
            statement.execute("PRAGMA user_version = " + CURRENT_VERSION);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    static int version(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA user_version")) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }
}
