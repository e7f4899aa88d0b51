package dev.kmstags.inventory;

import dev.kmstags.domain.Arns;
import dev.kmstags.domain.KeySummary;
import dev.kmstags.domain.KeyTags;
import dev.kmstags.domain.Tag;
import java.util.List;
import java.util.Objects;

/**
 * One key of an inventory as exported: where it lives, what KMS said about it, and its tags.
 *
 * @param account    the 12-digit account ID, empty when the ARN names none
 * @param region     the region, empty when the ARN names none
 * @param key        the key as the key list shows it
 * @param tags       its tags in KMS's order; empty when KMS would not list them
 * @param tagsDenied whether KMS refused to list its tags
 */
public record InventoryEntry(String account, String region, KeySummary key, List<Tag> tags, boolean tagsDenied) {

    public InventoryEntry {
        account = account == null ? "" : account;
        region = region == null ? "" : region;
        Objects.requireNonNull(key, "key");
        tags = List.copyOf(tags);
    }

    /** The entry for {@code key} with {@code keyTags}, its account and region read from the key's ARN. */
    public static InventoryEntry of(KeySummary key, KeyTags keyTags) {
        return new InventoryEntry(Arns.accountId(key.arn()).orElse(""), Arns.region(key.arn()).orElse(""), key,
                keyTags.tags(), keyTags.denied());
    }
}
