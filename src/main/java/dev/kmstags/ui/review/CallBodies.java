package dev.kmstags.ui.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.kmstags.domain.TagPlan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The KMS request bodies of a plan's calls, as the review shows them: the JSON the SDK sends, indented. */
final class CallBodies {

    /** Two-space indents, "Key": value, and one array member per line. */
    private static final ObjectWriter JSON = new ObjectMapper().writer(new DefaultPrettyPrinter()
            .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE)
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

    private CallBodies() {
    }

    static String operation(TagPlan.TagCall call) {
        return call instanceof TagPlan.TagCall.Untag ? "UntagResource" : "TagResource";
    }

    static String json(String keyId, TagPlan.TagCall call) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("KeyId", keyId);
        if (call instanceof TagPlan.TagCall.Untag untag) {
            body.put("TagKeys", untag.tagKeys());
        } else if (call instanceof TagPlan.TagCall.TagResource tag) {
            List<Map<String, String>> tags = tag.tags().stream().map(t -> {
                Map<String, String> member = new LinkedHashMap<>();
                member.put("TagKey", t.key());
                member.put("TagValue", t.value());
                return member;
            }).toList();
            body.put("Tags", tags);
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Strings and lists always serialize", e);
        }
    }
}
