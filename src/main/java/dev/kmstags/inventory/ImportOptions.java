package dev.kmstags.inventory;

/**
 * How an import reads what a file leaves out.
 *
 * @param emptyCellsRemove one row per key: whether an empty cell in a tag column removes the tag (default: leaves
 *                         it alone)
 * @param onlyAdd          one row per tag and JSON: whether a key's tags in the file are only added or changed
 *                         (default: they are the key's whole tag set, and tags not in the file are removed)
 */
public record ImportOptions(boolean emptyCellsRemove, boolean onlyAdd) {

    /** Empty cells leave tags alone; a key's tags in a per-tag or JSON file are its whole tag set. */
    public static ImportOptions defaults() {
        return new ImportOptions(false, false);
    }
}
