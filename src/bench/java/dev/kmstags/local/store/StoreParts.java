package dev.kmstags.local.store;

import dev.kmstags.domain.Tag;
import java.util.List;

/** The store's parts below its public face, for {@code RequestPartsBench} to time one by one. */
public final class StoreParts {

    private StoreParts() {
    }

    /** One statement reading the file's commit sequence on a reader connection. */
    public static Object commitSequence(SqliteKeyStore store) {
        return store.withReader(StoreSession::commitSequence);
    }

    /** The key and all its tags with the commit sequence, by one statement: the mirror's fill. */
    public static Object keyWithTags(SqliteKeyStore store, String keyId) {
        return store.withReader(session -> session.keyWithTags(keyId));
    }

    /** A page of the key's tags after {@code afterTagKey} read from the file by SQLite's own paging, not the mirror. */
    public static List<Tag> tagsAfter(StoreSession session, String keyId, String afterTagKey, int limit) {
        return session.tagsAfter(keyId, afterTagKey, limit);
    }
}
