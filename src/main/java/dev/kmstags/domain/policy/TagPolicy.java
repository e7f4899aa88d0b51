package dev.kmstags.domain.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kmstags.domain.Tag;
import dev.kmstags.domain.TagPlan;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An AWS Organizations tag policy, and the compliance of tags with it. Reads both the form an administrator writes
 * ({@code "tag_key": {"@@assign": "CostCenter"}}) and the effective form {@code DescribeEffectivePolicy} answers
 * ({@code "tag_key": "CostCenter"}). As the syntax says: the policy key matches tag keys ignoring case, {@code tag_key}
 * fixes their capitalization (lowercase when absent), {@code tag_value} lists the allowed values with {@code *}
 * wildcards (any value when absent), {@code enforced_for} names the resource types for which AWS refuses a
 * non-compliant change, and {@code report_required_tag_for} those that must carry the tag.
 *
 * <p>Every rule of tag policies lives here, beside {@link dev.kmstags.domain.TagRules}, for the editor, the
 * reviews, the command line and the bundled backend alike.
 */
public record TagPolicy(List<PolicyTag> tags) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ASSIGN = "@@assign";
    private static final String APPEND = "@@append";
    private static final String REMOVE = "@@remove";

    public TagPolicy {
        tags = List.copyOf(tags);
    }

    /** No policy: every tag complies. */
    public static TagPolicy none() {
        return new TagPolicy(List.of());
    }

    /** Whether the policy has no tags, so nothing can stray from it. */
    public boolean isEmpty() {
        return tags.isEmpty();
    }

    /**
     * Reads a tag policy document.
     *
     * @throws TagPolicyException with a sentence naming what is wrong, when it is not JSON or not a tag policy
     */
    public static TagPolicy parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new TagPolicyException("The tag policy is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new TagPolicyException("A tag policy is a JSON object that starts with \"tags\".");
        }
        JsonNode tagsNode = root.get("tags");
        if (tagsNode == null) {
            // A policy of another kind only (such as backup), or an empty one: nothing for tags.
            return none();
        }
        if (!tagsNode.isObject()) {
            throw new TagPolicyException("\"tags\" in a tag policy must be an object of policy keys.");
        }
        List<PolicyTag> parsed = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = tagsNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            parsed.add(policyTag(entry.getKey(), entry.getValue()));
        }
        return new TagPolicy(parsed);
    }

    private static PolicyTag policyTag(String policyKey, JsonNode node) {
        if (!node.isObject()) {
            throw new TagPolicyException("The policy key \"" + policyKey + "\" must hold an object.");
        }
        String tagKey = single(policyKey, "tag_key", node.get("tag_key"))
                .orElse(policyKey.toLowerCase(Locale.ROOT));
        if (!tagKey.equalsIgnoreCase(policyKey)) {
            throw new TagPolicyException("The tag_key \"" + tagKey + "\" must match its policy key \"" + policyKey
                    + "\" apart from letter case.");
        }
        JsonNode values = node.get("tag_value");
        Optional<List<String>> allowed = values == null ? Optional.empty()
                : Optional.of(list(policyKey, "tag_value", values));
        return new PolicyTag(policyKey, tagKey, allowed, listOrEmpty(policyKey, "enforced_for", node),
                listOrEmpty(policyKey, "report_required_tag_for", node));
    }

    private static Optional<String> single(String policyKey, String field, JsonNode node) {
        if (node == null) {
            return Optional.empty();
        }
        JsonNode value = node.isObject() ? node.get(ASSIGN) : node;
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new TagPolicyException(field + " of \"" + policyKey + "\" must be a string.");
        }
        return Optional.of(value.asText());
    }

    private static List<String> listOrEmpty(String policyKey, String field, JsonNode parent) {
        JsonNode node = parent.get(field);
        return node == null ? List.of() : list(policyKey, field, node);
    }

    /** A list in either form; in a written policy, {@code @@append} adds to and {@code @@remove} takes from it. */
    private static List<String> list(String policyKey, String field, JsonNode node) {
        if (!node.isObject()) {
            return strings(policyKey, field, node);
        }
        Set<String> values = new LinkedHashSet<>();
        for (String operator : List.of(ASSIGN, APPEND)) {
            if (node.has(operator)) {
                values.addAll(strings(policyKey, field, node.get(operator)));
            }
        }
        if (node.has(REMOVE)) {
            strings(policyKey, field, node.get(REMOVE)).forEach(values::remove);
        }
        return List.copyOf(values);
    }

    private static List<String> strings(String policyKey, String field, JsonNode node) {
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        if (!node.isArray()) {
            throw new TagPolicyException(field + " of \"" + policyKey + "\" must be a list of strings.");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw new TagPolicyException(field + " of \"" + policyKey + "\" must be a list of strings.");
            }
            values.add(item.asText());
        }
        return values;
    }

    /** The policy tag that governs tags with {@code key}, ignoring case. */
    public Optional<PolicyTag> governing(String key) {
        return tags.stream().filter(tag -> tag.governs(key)).findFirst();
    }

    /** What is wrong with one tag on its own (its key's case, its value); {@code written} as in the finding. */
    public List<PolicyFinding> check(String key, String value, boolean written) {
        Optional<PolicyTag> rule = governing(key);
        if (rule.isEmpty()) {
            return List.of();
        }
        List<PolicyFinding> findings = new ArrayList<>();
        if (!rule.get().hasRightCase(key)) {
            findings.add(new PolicyFinding(PolicyFinding.Kind.KEY_CASE, key, value, rule.get(), written));
        }
        if (!rule.get().allows(value)) {
            findings.add(new PolicyFinding(PolicyFinding.Kind.VALUE_NOT_ALLOWED, key, value, rule.get(), written));
        }
        return findings;
    }

    /** How a key's tags as they are stray from the policy; nothing is being written, so nothing blocks. */
    public List<PolicyFinding> check(Map<String, String> tags) {
        List<PolicyFinding> findings = new ArrayList<>();
        tags.forEach((key, value) -> findings.addAll(check(key, value, false)));
        findings.addAll(missing(tags.keySet()));
        return findings;
    }

    /** As {@link #check(Map)}, for a key's tags as KMS lists them. */
    public List<PolicyFinding> check(List<Tag> tags) {
        Map<String, String> byKey = new LinkedHashMap<>();
        tags.forEach(tag -> byKey.put(tag.key(), tag.value()));
        return check(byKey);
    }

    /** Whether {@code tags}, a key's tags as they are, comply with the policy: nothing strays from it. */
    public boolean complies(List<Tag> tags) {
        return check(tags).isEmpty();
    }

    /**
     * How the tags {@code plan} leaves on the key stray from the policy. The tags it writes are marked written: AWS
     * judges those when the policy is enforced for KMS keys, and refuses the change.
     */
    public List<PolicyFinding> check(TagPlan plan) {
        Set<Tag> written = Set.copyOf(plan.tagsToSet());
        List<PolicyFinding> findings = new ArrayList<>();
        for (Tag tag : plan.target()) {
            findings.addAll(check(tag.key(), tag.value(), written.contains(tag)));
        }
        findings.addAll(missing(plan.target().stream().map(Tag::key).toList()));
        return findings;
    }

    /** The tags required on KMS keys that none of {@code keys} names, in any case. */
    public List<PolicyFinding> missing(Collection<String> keys) {
        return tags.stream().filter(PolicyTag::requiredForKmsKeys)
                .filter(rule -> keys.stream().noneMatch(rule::governs))
                .map(rule -> new PolicyFinding(PolicyFinding.Kind.REQUIRED_MISSING, rule.tagKey(), "", rule, false))
                .toList();
    }
}
