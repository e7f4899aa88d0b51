package dev.kmstags.local.store;

/** The store's parts below its public face, for {@code RequestPartsBench} to time one by one. */
public final class StoreParts {

    private StoreParts() {
    }

    /** One statement reading the file's commit sequence on a reader connection. */
    public static long commitSequence(SqliteKeyStore store) {
        return store.withReader(StoreSession::commitSequence);
    }

    /** The key and all its tags with the commit sequence, by one statement: the mirror's fill. */
    public static Object keyWithTags(SqliteKeyStore store, String keyId) {
        return store.withReader(session -> session.keyWithTags(keyId));
    }
}
