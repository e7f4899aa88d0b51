package dev.kmstags.ui.review;

import dev.kmstags.domain.policy.PolicyFinding;
import dev.kmstags.ui.common.Messages;
import java.util.Objects;

/**
 * A tag policy finding in the words every review uses: "Environment = prod: the tag policy does not allow this
 * value. Allowed: production, staging.", followed by why AWS refuses it when the policy is enforced for KMS keys.
 */
public final class PolicyWords {

    private final Messages messages;

    public PolicyWords(Messages messages) {
        this.messages = Objects.requireNonNull(messages, "messages");
    }

    /** The finding as one sentence. */
    public String line(PolicyFinding finding) {
        String line = switch (finding.kind()) {
            case KEY_CASE -> messages.format("review.policy.KEY_CASE", key(finding.key()),
                    key(finding.rule().tagKey()));
            case VALUE_NOT_ALLOWED -> messages.format("review.policy.VALUE_NOT_ALLOWED", key(finding.key()),
                    shown(finding.value()), String.join(", ", finding.rule().allowedValues().orElseThrow()));
            case REQUIRED_MISSING -> messages.format("review.policy.REQUIRED_MISSING", key(finding.key()));
        };
        return finding.blocks() ? line + messages.get("review.policy.refused") : line;
    }

    private String key(String key) {
        return messages.shortened(key);
    }

    private String shown(String value) {
        return value.isEmpty() ? messages.get("review.emptyValue") : messages.shortened(value);
    }
}
