package dev.kmstags.domain.access;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * An IAM policy document as AWS stores it: {@code Version} and {@code Statement}, one object or a list. Each
 * element of a statement may be a string or a list of strings; condition values may also be booleans or numbers,
 * which IAM compares as their text.
 */
public record PolicyDocument(String version, List<PolicyStatement> statements) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public PolicyDocument {
        version = version == null ? "" : version;
        statements = List.copyOf(statements);
    }

    /**
     * Reads a policy document from its JSON text.
     *
     * @throws PolicyDocumentException when it is not JSON or not a policy
     */
    public static PolicyDocument parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new PolicyDocumentException("The policy document is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new PolicyDocumentException("The policy document is not a JSON object");
        }
        JsonNode statement = root.get("Statement");
        List<PolicyStatement> statements = new ArrayList<>();
        if (statement != null && statement.isArray()) {
            for (JsonNode each : statement) {
                statements.add(statement(statements.size() + 1, each));
            }
        } else if (statement != null && statement.isObject()) {
            statements.add(statement(1, statement));
        } else if (statement != null && !statement.isNull()) {
            throw new PolicyDocumentException("Statement must be an object or a list of objects");
        }
        return new PolicyDocument(root.path("Version").asText(""), statements);
    }

    private static PolicyStatement statement(int index, JsonNode node) {
        if (!node.isObject()) {
            throw new PolicyDocumentException("Statement " + index + " is not a JSON object");
        }
        String effect = node.path("Effect").asText("");
        PolicyStatement.Effect parsed = switch (effect) {
            case "Allow" -> PolicyStatement.Effect.ALLOW;
            case "Deny" -> PolicyStatement.Effect.DENY;
            default -> throw new PolicyDocumentException("Statement " + index + " has Effect '" + effect
                    + "'; IAM knows only Allow and Deny");
        };
        return new PolicyStatement(index, node.path("Sid").asText(""), parsed, strings(node.get("Action")),
                strings(node.get("NotAction")), strings(node.get("Resource")), strings(node.get("NotResource")),
                conditions(node.get("Condition")));
    }

    private static List<PolicyCondition> conditions(JsonNode block) {
        List<PolicyCondition> conditions = new ArrayList<>();
        if (block == null || !block.isObject()) {
            return conditions;
        }
        for (Iterator<Map.Entry<String, JsonNode>> operators = block.fields(); operators.hasNext(); ) {
            Map.Entry<String, JsonNode> operator = operators.next();
            for (Iterator<Map.Entry<String, JsonNode>> keys = operator.getValue().fields(); keys.hasNext(); ) {
                Map.Entry<String, JsonNode> key = keys.next();
                conditions.add(new PolicyCondition(operator.getKey(), key.getKey(), strings(key.getValue())));
            }
        }
        return conditions;
    }

    /** A string, or each member of a list, as text; nothing for an absent element. */
    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (node.isArray()) {
            node.forEach(member -> values.add(member.asText()));
        } else {
            values.add(node.asText());
        }
        return values;
    }
}
