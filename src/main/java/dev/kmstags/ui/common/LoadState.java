package dev.kmstags.ui.common;

/** Where loading the rows of a table (the keys, a key's tags) stands. */
public enum LoadState {
    /** There is nothing to load yet: no connection, or no key selected. */
    IDLE,
    LOADING,
    LOADED,
    FAILED
}
