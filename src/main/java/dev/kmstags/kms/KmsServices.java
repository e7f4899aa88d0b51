package dev.kmstags.kms;

/** What an open connection offers the app: its keys and their tags. */
public interface KmsServices {

    /** The keys of the connection's region. */
    KeyCatalog keyCatalog();

    /** The tags of the connection's keys. */
    TagService tagService();
}
