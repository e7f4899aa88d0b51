package dev.kmstags.ui.tageditor;

import dev.kmstags.domain.Tag;
import dev.kmstags.domain.TagPlan;
import dev.kmstags.kms.CommitOutcome;
import dev.kmstags.ui.common.DialogService;
import dev.kmstags.ui.common.Messages;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A failed commit in words: what happened and what to do (per KMS error), and, when part of the change went
 * through, exactly what is on the key now and which calls are still pending.
 */
final class CommitFailure {

    private final Messages messages;
    private final String keyName;
    private final TagPlan plan;
    private final CommitOutcome.Failed failed;

    CommitFailure(Messages messages, String keyName, TagPlan plan, CommitOutcome.Failed failed) {
        this.messages = messages;
        this.keyName = keyName;
        this.plan = plan;
        this.failed = failed;
    }

    void show(DialogService dialogs) {
        dialogs.showError(messages.get("commit.failed.title"), header(), content());
    }

    String header() {
        return messages.format(failed.completed().isEmpty() ? "commit.failed.nothing" : "commit.failed.partly",
                keyName);
    }

    /**
     * What went wrong, for this key; a problem of the connection itself (its region, SSO sign-in or role) is told
     * as the connection tells it, since that sentence names the profile and what to run.
     */
    private String sentence() {
        String key = "commit.problem." + failed.error().problem().name();
        if (!messages.has(key)) {
            return failed.error().getMessage() + " " + messages.get("commit.problem.connection");
        }
        return messages.format(key, failed.error().detail(), keyName);
    }

    String content() {
        String sentence = sentence();
        if (failed.completed().isEmpty()) {
            return sentence + "\n\n" + messages.get("commit.failed.kept");
        }
        Map<String, String> now = failed.tagsNow() != null ? failed.tagsNow() : plan.afterUntagOnly();
        String pending = failed.pending().isEmpty() ? messages.get("commit.failed.nothingPending")
                : failed.pending().stream().map(this::callText).collect(Collectors.joining("; "));
        return sentence + "\n\n" + messages.format("commit.failed.done",
                failed.completed().stream().map(this::callText).collect(Collectors.joining("; ")))
                + "\n" + messages.format("commit.failed.now", tagsText(now))
                + "\n" + messages.format("commit.failed.pending", pending);
    }

    private String callText(TagPlan.TagCall call) {
        if (call instanceof TagPlan.TagCall.Untag untag) {
            return messages.format("commit.call.untag",
                    untag.tagKeys().stream().map(messages::shortened).collect(Collectors.joining(", ")));
        }
        List<Tag> tags = ((TagPlan.TagCall.TagResource) call).tags();
        return messages.format("commit.call.tag", tags.stream().map(this::tagText).collect(Collectors.joining(", ")));
    }

    private String tagsText(Map<String, String> tags) {
        if (tags.isEmpty()) {
            return messages.get("commit.failed.noTags");
        }
        return tags.entrySet().stream().map(e -> tagText(new Tag(e.getKey(), e.getValue())))
                .collect(Collectors.joining(", "));
    }

    private String tagText(Tag tag) {
        return messages.format("review.line.tag", messages.shortened(tag.key()),
                tag.value().isEmpty() ? messages.get("review.emptyValue") : messages.shortened(tag.value()));
    }
}
