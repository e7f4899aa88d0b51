package dev.kmstags.domain.access;

import java.util.List;
import java.util.Objects;

/**
 * One operator-key pair of a statement's {@code Condition} block, with its values as written:
 * {@code "StringEquals": {"aws:ResourceTag/Team": ["payments", "billing"]}} is operator {@code StringEquals}, key
 * {@code aws:ResourceTag/Team}, values {@code payments} and {@code billing}.
 */
public record PolicyCondition(String operator, String key, List<String> values) {

    public PolicyCondition {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(key, "key");
        values = List.copyOf(values);
    }

    /** "aws:ResourceTag/Team = payments", "aws:ResourceTag/Env StringLike [prod*, live]": the condition as read. */
    public String text() {
        String shownValues = values.size() == 1 ? values.get(0) : "[" + String.join(", ", values) + "]";
        String shownOperator = switch (operator) {
            case "StringEquals" -> "=";
            case "StringNotEquals" -> "≠";
            default -> operator;
        };
        return key + " " + shownOperator + " " + shownValues;
    }
}
