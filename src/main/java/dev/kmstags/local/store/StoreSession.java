package dev.kmstags.local.store;

import dev.kmstags.domain.Tag;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one transaction can read and write. A session belongs to one connection and is used by one thread at a
 * time; it keeps that connection's prepared statements so a request costs no SQL parsing.
 */
public final class StoreSession implements AutoCloseable {

    private static final String KEY_COLUMNS = "key_id, region, account_id, creation_date, description, key_usage, "
            + "key_spec, key_state, key_manager, origin, deletion_date, pending_window_days";
    private static final String ALIAS_COLUMNS = "region, alias_name, target_key_id, creation_date, last_updated_date";
    /** A key carries at most 50 tags; more in one call (a file written by hand) take several statements. */
    private static final int TAGS_PER_STATEMENT = 50;

    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private final MirroredTransaction transaction = new MirroredTransaction();

    StoreSession(Connection connection) {
        this.connection = connection;
    }

    // ---- keys

    /** The key with this ID, in any region. */
    public Optional<StoredKey> findKey(String keyId) {
        return queryOne("SELECT " + KEY_COLUMNS + " FROM keys WHERE key_id = ?", StoreSession::readKey, keyId);
    }

    /**
     * Who manages the key with this ID and its state, in any region; in a write transaction from the mirror when it
     * holds the key as it is (see {@link MirroredTransaction}).
     */
    public Optional<KeyStatus> findKeyStatus(String keyId) {
        TagMirror.MirroredKey known = transaction.known(keyId);
        if (known != null) {
            return Optional.of(known.status());
        }
        return queryOne("SELECT key_id, region, key_state, key_manager FROM keys WHERE key_id = ?",
                rows -> new KeyStatus(text(rows, 1), text(rows, 2), text(rows, 3), text(rows, 4)), keyId);
    }

    /**
     * Who manages the key with this ID and its state, and how many of its tags have none of {@code tagKeys}, in one
     * statement: inside the write transaction that every other write waits for, one statement rather than two. In a
     * write transaction from the mirror when it holds the key as it is, or else by one read of the key and all its
     * tags, which the mirror keeps once the transaction is committed (see {@link MirroredTransaction}).
     */
    public Optional<KeyTagCount> findKeyStatusAndTagsKept(String keyId, List<String> tagKeys) {
        TagMirror.MirroredKey known = transaction.known(keyId);
        if (known == null && transaction.mayLearn(keyId)) {
            known = keyWithTags(keyId).key();
            if (known == null) {
                return Optional.empty();
            }
            transaction.learned(keyId, known);
        }
        if (known != null) {
            return Optional.of(new KeyTagCount(known.status(), known.tagsKeptBeside(tagKeys)));
        }
        // One statement per number of tag keys, each prepared once; a tag request has at most a few dozen.
        StringBuilder sql = new StringBuilder("SELECT key_id, region, key_state, key_manager, (SELECT count(*) FROM"
                + " tags t WHERE t.key_id = k.key_id AND t.tag_key NOT IN (");
        for (int i = 0; i < tagKeys.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        sql.append(")) FROM keys k WHERE k.key_id = ?");
        Object[] parameters = new Object[tagKeys.size() + 1];
        tagKeys.toArray(parameters);
        parameters[tagKeys.size()] = keyId;
        return queryOne(sql.toString(), rows -> new KeyTagCount(new KeyStatus(text(rows, 1), text(rows, 2),
                text(rows, 3), text(rows, 4)), rows.getInt(5)), parameters);
    }

    /**
     * The IDs of up to {@code limit} keys of a region in creation order, after the given position (0 for the start).
     * SQLite joins them into one string, so 1,000 IDs cost one call into it instead of two per key (reading the
     * twelve columns of every key, as this once did, took most of a ListKeys of 1,000 keys). It joins them as the
     * subquery yields them, in position order; an {@code ORDER BY} within {@code group_concat} would sort them once
     * more, which took as long as the rest of the query. SQLite does not promise that order, so the positions come
     * along and {@link #inPositionOrder} puts the IDs in it should they ever come otherwise.
     */
    public KeyIdPage keyIdsAfter(String region, long afterPosition, int limit) {
        KeyIdPage page = queryOne("SELECT group_concat(key_id, ' '), group_concat(seq, ' '), max(seq) FROM (SELECT"
                + " seq, key_id FROM keys WHERE region = ? AND seq > ? ORDER BY seq LIMIT ?)", rows -> {
                    String ids = rows.getString(1);
                    return new KeyIdPage(ids == null ? List.of()
                            : inPositionOrder(ids.split(" "), rows.getString(2).split(" ")), rows.getLong(3), false);
                }, region, afterPosition, limit).orElseThrow();
        boolean more = page.keyIds().size() == limit && queryOne("SELECT 1 FROM keys WHERE region = ? AND seq > ?"
                + " LIMIT 1", rows -> true, region, page.lastPosition()).isPresent();
        return new KeyIdPage(page.keyIds(), page.lastPosition(), more);
    }

    /** The IDs ordered by their positions (the same index in {@code positions}), as decimal numbers. */
    static List<String> inPositionOrder(String[] keyIds, String[] positions) {
        long[] numbers = new long[positions.length];
        boolean ordered = true;
        for (int i = 0; i < positions.length; i++) {
            numbers[i] = Long.parseLong(positions[i]);
            ordered &= i == 0 || numbers[i - 1] < numbers[i];
        }
        if (ordered) {
            return List.of(keyIds);
        }
        Integer[] order = new Integer[keyIds.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingLong(i -> numbers[i]));
        List<String> sorted = new ArrayList<>(keyIds.length);
        for (int i : order) {
            sorted.add(keyIds[i]);
        }
        return List.copyOf(sorted);
    }

    /**
     * A page of key IDs in creation order.
     *
     * @param lastPosition the position of the last ID, where the next page starts
     * @param more         whether keys follow that position
     */
    public record KeyIdPage(List<String> keyIds, long lastPosition, boolean more) {
    }

    public void insertKey(StoredKey key) {
        transaction.keyWritten(key.keyId());
        update("INSERT INTO keys (" + KEY_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                key.keyId(), key.region(), key.accountId(), key.creationDate(), key.description(), key.keyUsage(),
                key.keySpec(), key.keyState(), key.keyManager(), key.origin(), key.deletionDate(),
                key.pendingWindowInDays());
    }

    /** Writes the key's mutable fields: state, description and deletion schedule. */
    public void updateKey(StoredKey key) {
        transaction.keyWritten(key.keyId());
        update("UPDATE keys SET description = ?, key_state = ?, deletion_date = ?, pending_window_days = ? "
                + "WHERE key_id = ?", key.description(), key.keyState(), key.deletionDate(),
                key.pendingWindowInDays(), key.keyId());
    }

    /** Deletes the key with its tags and aliases. */
    public void deleteKey(String keyId) {
        transaction.keyWritten(keyId);
        update("DELETE FROM keys WHERE key_id = ?", keyId);
    }

    /** Keys whose deletion date has passed. */
    public List<String> keysDueForDeletion(long nowEpochSeconds) {
        return query("SELECT key_id FROM keys WHERE deletion_date IS NOT NULL AND deletion_date <= ?",
                rows -> rows.getString(1), nowEpochSeconds);
    }

    public long keyCount() {
        return queryOne("SELECT count(*) FROM keys", rows -> rows.getLong(1)).orElse(0L);
    }

    // ---- tags

    /**
     * Up to {@code limit} tags of a key, ordered by tag key, after the given tag key (null for the start), as SQLite
     * pages them: the pages the {@link TagMirror} cuts from memory must be these. ListResourceTags no longer reads
     * them this way; tests compare the mirror with it.
     */
    List<Tag> tagsAfter(String keyId, String afterTagKey, int limit) {
        return query("SELECT tag_key, tag_value FROM tags WHERE key_id = ? AND tag_key > ? ORDER BY tag_key LIMIT ?",
                rows -> new Tag(rows.getString(1), rows.getString(2)), keyId, afterTagKey == null ? "" : afterTagKey,
                limit);
    }

    /**
     * The key with this ID and all its tags, and the file's commit sequence row, by one statement (one consistent
     * snapshot); the key is null when there is none.
     */
    TagMirror.SequencedKey keyWithTags(String keyId) {
        TagMirror.Sequence sequence = null;
        KeyStatus status = null;
        List<Tag> tags = new ArrayList<>();
        try {
            PreparedStatement statement = prepared("SELECT c.value, c.owner, k.region, k.key_state, k.key_manager,"
                    + " t.tag_key, t.tag_value FROM commit_sequence c LEFT JOIN keys k ON k.key_id = ?"
                    + " LEFT JOIN tags t ON t.key_id = k.key_id ORDER BY t.tag_key", keyId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    if (status == null) {
                        sequence = new TagMirror.Sequence(rows.getLong(1), rows.getLong(2));
                        String region = text(rows, 3);
                        if (region == null) {
                            return new TagMirror.SequencedKey(sequence, null);
                        }
                        status = new KeyStatus(keyId, region, text(rows, 4), text(rows, 5));
                    }
                    String tagKey = text(rows, 6);
                    if (tagKey != null) {
                        tags.add(new Tag(tagKey, text(rows, 7)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Could not read the data file: " + e.getMessage(), e);
        }
        return new TagMirror.SequencedKey(sequence, status == null ? null : new TagMirror.MirroredKey(status, tags));
    }

    /** The file's commit sequence row: its value and the store that owns it (see TagMirror). */
    TagMirror.Sequence commitSequence() {
        return queryOne("SELECT value, owner FROM commit_sequence",
                rows -> new TagMirror.Sequence(rows.getLong(1), rows.getLong(2))).orElseThrow();
    }

    /**
     * Inside the write transaction, claims the file's commit sequence row for the store with token {@code owner}:
     * adds one to its value and sets the owner; returns the new value.
     */
    long claimCommitSequence(long owner) {
        return queryOne("UPDATE commit_sequence SET value = value + 1, owner = ? RETURNING value",
                rows -> rows.getLong(1), owner).orElseThrow();
    }

    /** What the write transaction under way tells the mirror of keys it wrote (see WriteBatch). */
    MirroredTransaction transaction() {
        return transaction;
    }

    /**
     * Adds the tags, overwriting the values of keys the key already has: one statement for up to
     * {@link #TAGS_PER_STATEMENT} tags, prepared once per number of tags (each statement is a round of JNI calls,
     * inside the write transaction every other write waits for).
     */
    public void putTags(String keyId, List<Tag> tags) {
        transaction.tagsPut(keyId, tags);
        for (int from = 0; from < tags.size(); from += TAGS_PER_STATEMENT) {
            List<Tag> some = tags.subList(from, Math.min(tags.size(), from + TAGS_PER_STATEMENT));
            StringBuilder sql = new StringBuilder("INSERT INTO tags (key_id, tag_key, tag_value) VALUES (?, ?, ?)");
            Object[] parameters = new Object[3 * some.size()];
            for (int i = 0; i < some.size(); i++) {
                if (i > 0) {
                    sql.append(", (?, ?, ?)");
                }
                parameters[3 * i] = keyId;
                parameters[3 * i + 1] = some.get(i).key();
                parameters[3 * i + 2] = some.get(i).value();
            }
            // A tag key given twice is written twice, in order, as by one statement per tag: the last value stays.
            sql.append(" ON CONFLICT (key_id, tag_key) DO UPDATE SET tag_value = excluded.tag_value");
            update(sql.toString(), parameters);
        }
    }

    /** Removes the tags with these keys; keys the key does not have are ignored. */
    public void removeTags(String keyId, List<String> tagKeys) {
        transaction.tagsRemoved(keyId, tagKeys);
        for (String tagKey : tagKeys) {
            update("DELETE FROM tags WHERE key_id = ? AND tag_key = ?", keyId, tagKey);
        }
    }

    // ---- aliases

    public Optional<StoredAlias> findAlias(String region, String aliasName) {
        return queryOne("SELECT " + ALIAS_COLUMNS + " FROM aliases WHERE region = ? AND alias_name = ?",
                StoreSession::readAlias, region, aliasName);
    }

    /**
     * Up to {@code limit} aliases of a region ordered by name after {@code afterName} (null for the start); only
     * those pointing at {@code targetKeyId} when it is not null.
     */
    public List<StoredAlias> aliasesAfter(String region, String targetKeyId, String afterName, int limit) {
        String after = afterName == null ? "" : afterName;
        if (targetKeyId == null) {
            return query("SELECT " + ALIAS_COLUMNS + " FROM aliases WHERE region = ? AND alias_name > ? "
                    + "ORDER BY alias_name LIMIT ?", StoreSession::readAlias, region, after, limit);
        }
        return query("SELECT " + ALIAS_COLUMNS + " FROM aliases WHERE region = ? AND target_key_id = ? "
                + "AND alias_name > ? ORDER BY alias_name LIMIT ?", StoreSession::readAlias, region, targetKeyId,
                after, limit);
    }

    public void insertAlias(StoredAlias alias) {
        update("INSERT INTO aliases (" + ALIAS_COLUMNS + ") VALUES (?, ?, ?, ?, ?)", alias.region(),
                alias.aliasName(), alias.targetKeyId(), alias.creationDate(), alias.lastUpdatedDate());
    }

    public void updateAliasTarget(String region, String aliasName, String targetKeyId, long updatedEpochSeconds) {
        update("UPDATE aliases SET target_key_id = ?, last_updated_date = ? WHERE region = ? AND alias_name = ?",
                targetKeyId, updatedEpochSeconds, region, aliasName);
    }

    public void deleteAlias(String region, String aliasName) {
        update("DELETE FROM aliases WHERE region = ? AND alias_name = ?", region, aliasName);
    }

    // ---- settings

    public Optional<String> setting(String name) {
        return queryOne("SELECT value FROM settings WHERE name = ?", rows -> rows.getString(1), name);
    }

    public void putSetting(String name, String value) {
        update("INSERT INTO settings (name, value) VALUES (?, ?) "
                + "ON CONFLICT (name) DO UPDATE SET value = excluded.value", name, value);
    }

    // ---- plumbing

    /** Runs a statement that returns nothing, such as {@code BEGIN IMMEDIATE}; prepared once, as every other. */
    void execute(String sql) throws SQLException {
        prepared(sql).execute();
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /**
     * A text column, or null. As {@link ResultSet#getString} decodes it (the file's text is UTF-8), at less cost:
     * the driver hands a string's bytes over in a direct buffer made through JNI for each value, and a byte array
     * for {@code getBytes}.
     */
    private static String text(ResultSet rows, int column) throws SQLException {
        byte[] utf8 = rows.getBytes(column);
        return utf8 == null ? null : new String(utf8, StandardCharsets.UTF_8);
    }

    private static StoredKey readKey(ResultSet rows) throws SQLException {
        long deletion = rows.getLong(11);
        Long deletionDate = rows.wasNull() ? null : deletion;
        int window = rows.getInt(12);
        Integer pendingWindow = rows.wasNull() ? null : window;
        return new StoredKey(rows.getString(1), rows.getString(2), rows.getString(3), rows.getLong(4),
                rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8), rows.getString(9),
                rows.getString(10), deletionDate, pendingWindow);
    }

    private static StoredAlias readAlias(ResultSet rows) throws SQLException {
        return new StoredAlias(rows.getString(1), rows.getString(2), rows.getString(3), rows.getLong(4),
                rows.getLong(5));
    }

    private <T> Optional<T> queryOne(String sql, RowReader<T> reader, Object... parameters) {
        List<T> rows = query(sql, reader, parameters);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private <T> List<T> query(String sql, RowReader<T> reader, Object... parameters) {
        try {
            PreparedStatement statement = prepared(sql, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(reader.read(rows));
                }
                return result;
            }
        } catch (SQLException e) {
            throw new StoreException("Could not read the data file: " + e.getMessage(), e);
        }
    }

    private void update(String sql, Object... parameters) {
        try {
            prepared(sql, parameters).executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Could not write the data file: " + e.getMessage(), e);
        }
    }

    private PreparedStatement prepared(String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        for (int i = 0; i < parameters.length; i++) {
            Object parameter = parameters[i];
            if (parameter == null) {
                statement.setNull(i + 1, Types.NULL);
            } else {
                statement.setObject(i + 1, parameter);
            }
        }
        return statement;
    }

    @Override
    public void close() {
        for (PreparedStatement statement : statements.values()) {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        statements.clear();
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("Could not close the data file: " + e.getMessage(), e);
        }
    }
}
