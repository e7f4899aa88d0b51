package dev.kmstags.local.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kmstags.local.KmsException;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed access to a request's JSON members. A member of the wrong JSON type is a {@code SerializationException},
 * as in KMS; a missing one reads as null, and the operation decides whether it is required.
 */
final class RequestJson {

    private final ObjectNode body;

    RequestJson(ObjectNode body) {
        this.body = body;
    }

    String string(String member) {
        return text(body.get(member), member);
    }

    Integer integer(String member) {
        JsonNode node = body.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        throw serialization(node, "an Integer");
    }

    Boolean bool(String member) {
        JsonNode node = body.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        throw serialization(node, "a Boolean");
    }

    /** A list of strings; null when the member is missing. Null entries stay null for validation to report. */
    List<String> strings(String member) {
        JsonNode node = body.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : array(node, member)) {
            values.add(text(element, member));
        }
        return values;
    }

    /**
     * A list of {@code {"TagKey": ..., "TagValue": ...}} objects; null when the member is missing. Null entries stay
     * null for validation to report.
     */
    List<RawTag> tags(String member) {
        JsonNode node = body.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        List<RawTag> tags = new ArrayList<>();
        for (JsonNode element : array(node, member)) {
            if (element.isNull()) {
                tags.add(null);
                continue;
            }
            if (!element.isObject()) {
                throw serialization(element, "a Tag");
            }
            tags.add(new RawTag(text(element.get("TagKey"), "TagKey"), text(element.get("TagValue"), "TagValue")));
        }
        return tags;
    }

    /** A tag as sent: either part may be missing (null) until validation has looked at it. */
    record RawTag(String key, String value) {
    }

    private static JsonNode array(JsonNode node, String member) {
        if (!node.isArray()) {
            throw serialization(node, "a list");
        }
        return node;
    }

    private static String text(JsonNode node, String member) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        throw serialization(node, "a String");
    }

    private static KmsException serialization(JsonNode node, String expected) {
        String found;
        if (node.isObject()) {
            return new KmsException("SerializationException", "Start of structure or map found where not expected.");
        } else if (node.isArray()) {
            return new KmsException("SerializationException", "Start of list found where not expected");
        } else if (node.isTextual()) {
            found = "STRING_VALUE";
        } else if (node.isBoolean()) {
            found = "BOOLEAN_VALUE";
        } else {
            found = "NUMBER_VALUE";
        }
        return new KmsException("SerializationException", found + " can not be converted to " + expected);
    }
}
