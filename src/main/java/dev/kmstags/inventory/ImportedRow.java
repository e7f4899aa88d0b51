package dev.kmstags.inventory;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One key's row (CSV one row per key, or one key of a JSON file) or one tag's row (CSV one row per tag) as read,
 * formula guards undone.
 *
 * @param line    the line the row starts on, counting from 1 (the header is line 1)
 * @param account the account named, empty when none
 * @param region  the region named, empty when none
 * @param keyId   the key ID named, empty when none
 * @param arn     the key ARN named, empty when none
 * @param alias   the alias named (the first of the row's aliases), empty when none
 * @param tags    the tag cells present: tag key to value, where {@code null} is an empty cell (per-key shape)
 */
public record ImportedRow(long line, String account, String region, String keyId, String arn, String alias,
                          Map<String, String> tags) {

    public ImportedRow {
        account = Objects.requireNonNullElse(account, "");
        region = Objects.requireNonNullElse(region, "");
        keyId = Objects.requireNonNullElse(keyId, "");
        arn = Objects.requireNonNullElse(arn, "");
        alias = Objects.requireNonNullElse(alias, "");
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }
}
