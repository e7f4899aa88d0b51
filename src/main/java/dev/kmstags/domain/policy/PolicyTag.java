package dev.kmstags.domain.policy;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One tag of a tag policy in AWS Organizations syntax: the policy key (matched against tag keys ignoring case),
 * the capitalization the tag key must have, the values allowed (any when the policy names none), the resource
 * types for which a non-compliant change is refused ({@code enforced_for}) and those that must carry the tag
 * ({@code report_required_tag_for}).
 *
 * @param policyKey     the policy key, such as {@code costcenter}
 * @param tagKey        the key as it must be written, such as {@code CostCenter}
 * @param allowedValues the allowed values, each perhaps with {@code *} wildcards; empty when any value is allowed
 * @param enforcedFor   resource types such as {@code kms:key}, {@code kms:*} or {@code kms:ALL_SUPPORTED}
 * @param requiredFor   resource types that must carry the tag, in the same form
 */
public record PolicyTag(String policyKey, String tagKey, Optional<List<String>> allowedValues,
                        List<String> enforcedFor, List<String> requiredFor) {

    /** The resource type of a KMS key in tag policies. */
    public static final String KMS_KEY_TYPE = "kms:key";
    private static final List<String> KMS_KEY_TYPES = List.of(KMS_KEY_TYPE, "kms:*", "kms:all_supported");

    public PolicyTag {
        Objects.requireNonNull(policyKey, "policyKey");
        Objects.requireNonNull(tagKey, "tagKey");
        allowedValues = allowedValues.map(List::copyOf);
        enforcedFor = List.copyOf(enforcedFor);
        requiredFor = List.copyOf(requiredFor);
    }

    /** Whether this policy tag governs a tag with {@code key}: the policy key matches it ignoring case. */
    public boolean governs(String key) {
        return key != null && policyKey.equalsIgnoreCase(key);
    }

    /** Whether {@code key} is written with the capitalization the policy asks for. */
    public boolean hasRightCase(String key) {
        return tagKey.equals(key);
    }

    /** Whether {@code value} is allowed: any value when the policy lists none, else one that matches a pattern. */
    public boolean allows(String value) {
        return allowedValues.map(patterns -> patterns.stream().anyMatch(pattern -> matches(pattern, value)))
                .orElse(true);
    }

    /** Whether a non-compliant change of this tag on a KMS key is refused by AWS. */
    public boolean enforcedForKmsKeys() {
        return namesKmsKeys(enforcedFor);
    }

    /** Whether KMS keys must carry this tag. */
    public boolean requiredForKmsKeys() {
        return namesKmsKeys(requiredFor);
    }

    private static boolean namesKmsKeys(List<String> resourceTypes) {
        return resourceTypes.stream().map(type -> type.toLowerCase(Locale.ROOT)).anyMatch(KMS_KEY_TYPES::contains);
    }

    /** {@code *} stands for any run of characters, itself included; everything else matches itself, case and all. */
    static boolean matches(String pattern, String value) {
        if (value == null) {
            return false;
        }
        String[] parts = pattern.split("\\*", -1);
        if (parts.length == 1) {
            return pattern.equals(value);
        }
        if (!value.startsWith(parts[0])) {
            return false;
        }
        int at = parts[0].length();
        for (int i = 1; i < parts.length - 1; i++) {
            int found = value.indexOf(parts[i], at);
            if (found < 0) {
                return false;
            }
            at = found + parts[i].length();
        }
        String last = parts[parts.length - 1];
        return value.length() - at >= last.length() && value.endsWith(last);
    }
}
