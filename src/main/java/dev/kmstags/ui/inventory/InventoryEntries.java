package dev.kmstags.ui.inventory;

import dev.kmstags.domain.KeyTags;
import dev.kmstags.domain.Tag;
import dev.kmstags.inventory.InventoryEntry;
import dev.kmstags.ui.keylist.KeyRowViewModel;
import java.util.List;

/** The key list's rows as inventory entries, as the command line reads keys: one place for export and import. */
final class InventoryEntries {

    private InventoryEntries() {
    }

    /** A key whose tags were not read has none, unless KMS refused to list them. */
    static InventoryEntry of(KeyRowViewModel row) {
        List<Tag> tags = row.tagsProperty().get();
        return InventoryEntry.of(row.key(), row.tagsDenied() ? KeyTags.denied(row.keyId())
                : KeyTags.read(row.keyId(), tags == null ? List.of() : tags));
    }

    static List<InventoryEntry> of(List<KeyRowViewModel> rows) {
        return rows.stream().map(InventoryEntries::of).toList();
    }
}
