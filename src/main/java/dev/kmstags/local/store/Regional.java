package dev.kmstags.local.store;

/** What the store keeps per region: a key, or what was read of one. */
public interface Regional {

    /** The region it lives in. */
    String region();
}
