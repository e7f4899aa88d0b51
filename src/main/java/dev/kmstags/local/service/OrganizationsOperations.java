package dev.kmstags.local.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kmstags.local.KmsException;
import dev.kmstags.local.protocol.KmsRequest;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The one Organizations operation the bundled backend answers: {@code DescribeEffectivePolicy}, for the account's
 * effective tag policy, so that the app's tag policy checks work without AWS. Its account has no policy of any
 * other type, and none of this type when started without one, and says so as Organizations does.
 */
final class OrganizationsOperations {

    static final String TAG_POLICY = "TAG_POLICY";
    /** The EffectivePolicyType values of the Organizations API. */
    private static final Set<String> POLICY_TYPES = Set.of("TAG_POLICY", "BACKUP_POLICY",
            "AISERVICES_OPT_OUT_POLICY", "CHATBOT_POLICY", "DECLARATIVE_POLICY_EC2", "SECURITYHUB_POLICY",
            "INSPECTOR_POLICY", "UPGRADE_ROLLOUT_POLICY", "BEDROCK_POLICY", "S3_POLICY",
            "NETWORK_SECURITY_DIRECTOR_POLICY");

    private final Optional<String> tagPolicy;
    private final Instant lastUpdated;

    /**
     * @param tagPolicy   the effective tag policy's text; empty when the account has none
     * @param lastUpdated when the policy was last changed, as the answer reports it
     */
    OrganizationsOperations(Optional<String> tagPolicy, Instant lastUpdated) {
        this.tagPolicy = Objects.requireNonNull(tagPolicy, "tagPolicy");
        this.lastUpdated = Objects.requireNonNull(lastUpdated, "lastUpdated");
    }

    ObjectNode describeEffectivePolicy(KmsRequest request) {
        JsonNode type = request.body().get("PolicyType");
        if (type == null || !type.isTextual()) {
            throw invalidInput("MISSING_REQUIRED_PARAMETER", "You must specify PolicyType.");
        }
        if (!POLICY_TYPES.contains(type.asText())) {
            throw invalidInput("INVALID_ENUM_POLICY_TYPE", "You specified an invalid value for PolicyType.");
        }
        JsonNode target = request.body().get("TargetId");
        if (target != null && !KmsAccount.ACCOUNT_ID.equals(target.asText())) {
            throw new KmsException("TargetNotFoundException", "We can't find a root, OU, account, or policy with the"
                    + " TargetId that you specified.");
        }
        if (!TAG_POLICY.equals(type.asText()) || tagPolicy.isEmpty()) {
            // The description of this error in the Organizations API reference; no recorded answer was found.
            throw new KmsException("EffectivePolicyNotFoundException",
                    "The account doesn't have an effective policy of this type.");
        }
        ObjectNode policy = JsonNodeFactory.instance.objectNode()
                .put("PolicyContent", tagPolicy.get())
                .put("LastUpdatedTimestamp", lastUpdated.getEpochSecond())
                .put("TargetId", KmsAccount.ACCOUNT_ID)
                .put("PolicyType", TAG_POLICY);
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.set("EffectivePolicy", policy);
        return answer;
    }

    private static KmsException invalidInput(String reason, String message) {
        // Organizations' InvalidInputException also carries a Reason; the message is what clients show.
        return new KmsException("InvalidInputException", message + " (" + reason + ")");
    }
}
