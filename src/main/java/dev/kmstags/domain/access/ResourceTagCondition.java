package dev.kmstags.domain.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates one condition against a key's tags, as IAM does for {@code aws:ResourceTag/<tag-key>}: the tag key is
 * matched ignoring case, several values of one operator are ORed (NORed for the negated operators), a missing tag
 * makes a plain operator false and a negated one true, {@code ...IfExists} true, and {@code Null} tests for the
 * tag's absence. {@code ForAnyValue:} and {@code ForAllValues:} apply to a single-valued key as to a set of at most
 * one value: with the tag missing, ForAnyValue is false and ForAllValues true.
 *
 * <p>Whatever the tool cannot decide from the key's tags is {@link Truth#UNKNOWN}, with the reason: another
 * condition key (the caller's tags, the request), a policy variable, an operator it does not evaluate.
 */
final class ResourceTagCondition {

    static final String PREFIX = "aws:ResourceTag/";
    private static final String FOR_ANY = "ForAnyValue:";
    private static final String FOR_ALL = "ForAllValues:";
    private static final String IF_EXISTS = "IfExists";

    /** The outcome of one condition, and why it is unknown when it is. */
    record Outcome(Truth truth, String unknownReason) {

        static Outcome known(boolean value) {
            return new Outcome(Truth.of(value), "");
        }

        static Outcome unknown(String reason) {
            return new Outcome(Truth.UNKNOWN, reason);
        }
    }

    private ResourceTagCondition() {
    }

    /** The tag key a condition is on ({@code Team} for {@code aws:resourcetag/Team}); empty for other keys. */
    static Optional<String> tagKey(PolicyCondition condition) {
        String key = condition.key();
        return key.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) && key.length() > PREFIX.length()
                ? Optional.of(key.substring(PREFIX.length()))
                : Optional.empty();
    }

    static Outcome evaluate(PolicyCondition condition, Map<String, String> tags) {
        Optional<String> tagKey = tagKey(condition);
        if (tagKey.isEmpty()) {
            return Outcome.unknown(condition.key() + " is not a tag of the key");
        }
        if (tagKey.get().contains("${") || condition.values().stream().anyMatch(v -> v.contains("${"))) {
            return Outcome.unknown("policy variables are not evaluated");
        }
        String operator = condition.operator();
        Qualifier qualifier = Qualifier.NONE;
        if (operator.startsWith(FOR_ANY)) {
            qualifier = Qualifier.ANY;
            operator = operator.substring(FOR_ANY.length());
        } else if (operator.startsWith(FOR_ALL)) {
            qualifier = Qualifier.ALL;
            operator = operator.substring(FOR_ALL.length());
        }
        boolean ifExists = operator.endsWith(IF_EXISTS) && !operator.equals("Null");
        if (ifExists) {
            operator = operator.substring(0, operator.length() - IF_EXISTS.length());
        }
        Operator base = Operator.named(operator);
        if (base == null || base == Operator.NULL && (qualifier != Qualifier.NONE || ifExists)) {
            return Outcome.unknown("operator " + condition.operator() + " is not evaluated");
        }
        List<String> present = valuesOf(tagKey.get(), tags);
        if (present.size() > 1) {
            return Outcome.unknown("the key has several tags named " + tagKey.get() + " in different cases");
        }
        if (base == Operator.NULL) {
            boolean absent = present.isEmpty();
            return Outcome.known(condition.values().stream()
                    .anyMatch(v -> v.equalsIgnoreCase("true") ? absent : !absent));
        }
        if (present.isEmpty()) {
            if (ifExists) {
                return Outcome.known(true);
            }
            return switch (qualifier) {
                case ANY -> Outcome.known(false);
                case ALL -> Outcome.known(true);
                case NONE -> Outcome.known(base.negated);
            };
        }
        String value = present.get(0);
        boolean anyMatches = condition.values().stream().anyMatch(pattern -> base.matches(pattern, value));
        return Outcome.known(base.negated != anyMatches);
    }

    /** The values of the tags whose key equals {@code tagKey} ignoring case: none, one, or (rarely) several. */
    private static List<String> valuesOf(String tagKey, Map<String, String> tags) {
        List<String> values = new ArrayList<>();
        String wanted = tagKey.toLowerCase(Locale.ROOT);
        tags.forEach((key, value) -> {
            if (key.toLowerCase(Locale.ROOT).equals(wanted)) {
                values.add(value);
            }
        });
        return values;
    }

    private enum Qualifier { NONE, ANY, ALL }

    private enum Operator {
        STRING_EQUALS("StringEquals", false),
        STRING_NOT_EQUALS("StringNotEquals", true),
        STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", false),
        STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", true),
        STRING_LIKE("StringLike", false),
        STRING_NOT_LIKE("StringNotLike", true),
        NULL("Null", false);

        private final String name;
        private final boolean negated;

        Operator(String name, boolean negated) {
            this.name = name;
            this.negated = negated;
        }

        static Operator named(String name) {
            for (Operator operator : values()) {
                if (operator.name.equals(name)) {
                    return operator;
                }
            }
            return null;
        }

        /** Whether {@code value} matches the policy's {@code pattern}, before negation. */
        boolean matches(String pattern, String value) {
            return switch (this) {
                case STRING_EQUALS, STRING_NOT_EQUALS -> pattern.equals(value);
                case STRING_EQUALS_IGNORE_CASE, STRING_NOT_EQUALS_IGNORE_CASE -> pattern.equalsIgnoreCase(value);
                case STRING_LIKE, STRING_NOT_LIKE -> IamWildcards.matches(pattern, value);
                case NULL -> throw new IllegalStateException("Null tests presence, not values");
            };
        }
    }
}
