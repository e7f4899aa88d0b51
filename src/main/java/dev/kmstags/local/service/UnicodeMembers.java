package dev.kmstags.local.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kmstags.domain.TagRules;
import java.util.Iterator;
import java.util.Map;

/**
 * Refuses request members whose text is not valid Unicode: the JSON escape for U+D800 is valid JSON but stands
 * for half of a surrogate pair, which no UTF-8 store can keep. Without this check such text would be
 * acknowledged and then stored as {@code ?}, so two different keys could become one. Every string member is checked,
 * with the path KMS names members by ({@code tags.1.member.tagKey}).
 */
final class UnicodeMembers {

    private UnicodeMembers() {
    }

    /** Adds a failure to {@code errors} for every string in {@code body} that is not valid Unicode. */
    static void check(JsonNode body, ValidationErrors errors) {
        check(body, "", errors);
    }

    private static void check(JsonNode node, String path, ValidationErrors errors) {
        if (node.isTextual()) {
            errors.unicode(node.textValue(), path);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), path + "." + (i + 1) + ".member", errors);
            }
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = memberPath(field.getKey());
                check(field.getValue(), path.isEmpty() ? name : path + "." + name, errors);
            }
        }
    }

    /** KMS names a member in its messages with a lower-case first letter: {@code TagKey} is {@code tagKey}. */
    private static String memberPath(String member) {
        if (member.isEmpty() || !TagRules.isValidUnicode(member)) {
            return member.isEmpty() ? member : ValidationErrors.shown(member);
        }
        return Character.toLowerCase(member.charAt(0)) + member.substring(1);
    }
}
