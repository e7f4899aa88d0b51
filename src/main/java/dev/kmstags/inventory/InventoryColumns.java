package dev.kmstags.inventory;

import java.util.List;

/** The column names of the two CSV shapes, shared by the writer and the reader. */
final class InventoryColumns {

    static final String ACCOUNT = "Account";
    static final String REGION = "Region";
    static final String KEY_ID = "Key ID";
    static final String ARN = "ARN";
    static final String ALIASES = "Aliases";
    static final String ALIAS = "Alias";
    static final String STATE = "State";
    static final String MANAGER = "Manager";
    static final String TAG_KEY = "Tag key";
    static final String TAG_VALUE = "Tag value";
    /** The prefix of a tag column in the one-row-per-key shape, as AWS's Tag Editor names them. */
    static final String TAG_COLUMN_PREFIX = "Tag: ";
    /** Separates the aliases of a key in one cell; alias names hold no comma. */
    static final String ALIAS_SEPARATOR = ", ";

    static final List<String> PER_KEY = List.of(ACCOUNT, REGION, KEY_ID, ARN, ALIASES, STATE, MANAGER);
    static final List<String> PER_TAG = List.of(ACCOUNT, REGION, KEY_ID, ALIAS, TAG_KEY, TAG_VALUE);

    /** The UTF-8 byte order mark written first, so that spreadsheets read the file as UTF-8. */
    static final char BYTE_ORDER_MARK = '\uFEFF';

    private InventoryColumns() {
    }
}
