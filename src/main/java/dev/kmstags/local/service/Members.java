package dev.kmstags.local.service;

import dev.kmstags.domain.Tag;
import dev.kmstags.domain.TagRule;
import dev.kmstags.domain.TagRules;
import java.util.ArrayList;
import java.util.List;

/**
 * The constraints of KMS's request shapes that several operations share (KeyId, Limit, Marker, Tags), checked with
 * the paths KMS names in its validation messages.
 */
final class Members {

    static final int MAX_KEY_ID_LENGTH = 2048;
    static final int MAX_MARKER_LENGTH = 1024;

    private Members() {
    }

    static void keyId(ValidationErrors errors, String keyId, String path) {
        errors.notNull(keyId, path);
        errors.length(keyId, path, 1, MAX_KEY_ID_LENGTH);
    }

    static void marker(ValidationErrors errors, String marker) {
        errors.length(marker, "marker", 1, MAX_MARKER_LENGTH);
        if (marker != null && !marker.matches("[\\u0020-\\u00FF]*")) {
            errors.pattern(marker, "marker", "[\\u0020-\\u00FF]*");
        }
    }

    /** The page size: {@code defaultLimit} when absent, else checked against {@code 1..maxLimit}. */
    static int limit(ValidationErrors errors, Integer limit, int defaultLimit, int maxLimit) {
        errors.range(limit, "limit", 1, maxLimit);
        return limit == null ? defaultLimit : limit;
    }

    /**
     * Checks each tag's key and value lengths with {@link TagRules}, reporting failures as KMS does
     * ({@code tags.1.member.tagKey}); returns the tags that are complete.
     */
    static List<Tag> tags(ValidationErrors errors, List<RequestJson.RawTag> rawTags, String member) {
        List<Tag> tags = new ArrayList<>();
        for (int i = 0; i < rawTags.size(); i++) {
            RequestJson.RawTag raw = rawTags.get(i);
            if (raw == null) {
                errors.notNull(null, member + "." + (i + 1) + ".member");
                continue;
            }
            String path = member + "." + (i + 1) + ".member.";
            tagKey(errors, raw.key(), path + "tagKey");
            TagRules.checkValue(raw.value()).ifPresent(rule -> {
                // A value that is not Unicode never gets here: BackendOperations refuses it first, with every member.
                if (rule == TagRule.VALUE_MISSING) {
                    errors.notNull(null, path + "tagValue");
                } else if (rule == TagRule.VALUE_TOO_LONG) {
                    errors.length(raw.value(), path + "tagValue", 0, TagRules.MAX_VALUE_LENGTH);
                }
            });
            if (raw.key() != null && raw.value() != null) {
                tags.add(new Tag(raw.key(), raw.value()));
            }
        }
        return tags;
    }

    /** Checks one tag key's length (reserved prefixes are a TagException, checked after validation). */
    static void tagKey(ValidationErrors errors, String tagKey, String path) {
        errors.notNull(tagKey, path);
        errors.length(tagKey, path, 1, TagRules.MAX_KEY_LENGTH);
    }

    /** The TagException KMS answers when tags break the reserved-prefix or duplicate-key rules. */
    static void tagRules(List<Tag> tags) {
        for (Tag tag : tags) {
            if (TagRules.isReserved(tag.key())) {
                throw OperationErrors.reservedTag();
            }
        }
        if (!TagRules.duplicateKeys(tags.stream().map(Tag::key).toList()).isEmpty()) {
            throw OperationErrors.duplicateTagKeys();
        }
    }
}
