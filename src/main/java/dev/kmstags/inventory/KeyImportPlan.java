package dev.kmstags.inventory;

import dev.kmstags.domain.KeySummary;
import dev.kmstags.domain.TagPlan;

/**
 * What an import changes on one key.
 *
 * @param key       the key
 * @param plan      its tags now and after the import
 * @param matchedBy how the file named the key; {@link MatchedBy#ALIAS} is worth telling the user, as an alias may
 *                  have moved to another key since the export
 * @param firstLine the first line of the file that named the key
 */
public record KeyImportPlan(KeySummary key, TagPlan plan, MatchedBy matchedBy, long firstLine) {

    /** How a row was matched to a key. */
    public enum MatchedBy {
        ARN,
        KEY_ID,
        ALIAS
    }
}
