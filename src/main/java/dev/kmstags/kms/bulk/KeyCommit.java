package dev.kmstags.kms.bulk;

import dev.kmstags.domain.Tag;
import dev.kmstags.domain.TagMerge;
import dev.kmstags.domain.TagPlan;
import dev.kmstags.kms.KmsAccessException;
import dev.kmstags.kms.KmsCall;
import dev.kmstags.kms.KmsConnection;
import dev.kmstags.kms.KmsErrors;
import dev.kmstags.kms.KmsProblem;
import dev.kmstags.kms.KmsTagService;
import dev.kmstags.kms.TagService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The commit of one key in a bulk commit: re-read its tags and merge the plan three ways over them; when that leaves
 * something to write, take the first write's slot, read and merge again, then make at most one UntagResource and
 * one TagResource, each at its operation's pace. KMS has no conditional write, so the second read is what keeps a
 * change made while the key waited for its slot (seconds, at KMS's write quotas) from being overwritten unseen. A
 * throttled call is retried after the pace has slowed down, never failed; the SDK does not retry the write calls
 * itself, so every throttle reaches the pace.
 */
final class KeyCommit {

    /** Turns the SDK's own retries off for one request, so a throttle is answered at once. */
    private static final SdkPlugin NO_SDK_RETRIES = config -> config.overrideConfiguration(
            config.overrideConfiguration().toBuilder().retryStrategy(AwsRetryStrategy.doNotRetry()).build());

    private final KmsClient client;
    private final TagService reader;
    private final KmsConnection connection;
    private final Paces paces;
    private final AtomicInteger throttles;

    KeyCommit(KmsClient client, KmsConnection connection, Paces paces, AtomicInteger throttles) {
        this.client = client;
        this.reader = new KmsTagService(client, connection);
        this.connection = connection;
        this.paces = paces;
        this.throttles = throttles;
    }

    /** The paces of the three operations a bulk commit makes. */
    record Paces(Pace read, Pace untag, Pace tag) {
    }

    KeyResult commit(String keyId, TagPlan yours) throws InterruptedException {
        Decision before = decide(keyId, yours);
        if (before.ended() != null) {
            return before.ended();
        }
        Pace firstWrite = before.plan().keysToUntag().isEmpty() ? paces.tag() : paces.untag();
        firstWrite.acquire();
        Decision now = decide(keyId, yours);
        if (now.ended() != null) {
            return now.ended();
        }
        return write(keyId, now.plan(), now.merged(), firstWrite);
    }

    /**
     * What reading the key's tags now decided: either how the key's commit ended, or the plan to write and, when
     * their tags differ from those the plan was made on, the merge it came from.
     */
    private record Decision(KeyResult ended, TagPlan plan, TagMerge.Result merged) {

        static Decision end(KeyResult result) {
            return new Decision(result, null, null);
        }
    }

    private Decision decide(String keyId, TagPlan yours) throws InterruptedException {
        Map<String, String> theirs;
        try {
            theirs = paced(paces.read(), KmsCall.READ_TAGS, false, () -> reader.readTags(keyId));
        } catch (KmsAccessException e) {
            return Decision.end(new KeyResult.Failed(e, null));
        }
        TagMerge merge = TagMerge.of(yours, theirs);
        if (!merge.conflicts().isEmpty()) {
            return Decision.end(new KeyResult.Conflict(merge.conflicts(), theirs));
        }
        TagMerge.Result merged = merge.resolve();
        TagPlan plan = merged.plan();
        if (plan.isEmpty()) {
            return Decision.end(new KeyResult.Skipped(KeyResult.Reason.ALREADY_SO));
        }
        if (!plan.violations().isEmpty()) {
            return Decision.end(new KeyResult.Skipped(KeyResult.Reason.MERGE_BREAKS_RULES));
        }
        return new Decision(null, plan, theirs.equals(yours.original()) ? null : merged);
    }

    /** @param acquired the pace whose slot this key already holds for its first write */
    private KeyResult write(String keyId, TagPlan plan, TagMerge.Result merged, Pace acquired)
            throws InterruptedException {
        boolean untagged = false;
        try {
            if (!plan.keysToUntag().isEmpty()) {
                paced(paces.untag(), KmsCall.CHANGE_TAGS, paces.untag() == acquired,
                        () -> client.untagResource(b -> b.keyId(keyId).tagKeys(plan.keysToUntag())
                        .overrideConfiguration(o -> o.addPlugin(NO_SDK_RETRIES))));
                untagged = true;
            }
            List<Tag> toSet = plan.tagsToSet();
            if (!toSet.isEmpty()) {
                paced(paces.tag(), KmsCall.CHANGE_TAGS, paces.tag() == acquired,
                        () -> client.tagResource(b -> b.keyId(keyId).tags(sdkTags(toSet))
                        .overrideConfiguration(o -> o.addPlugin(NO_SDK_RETRIES))));
            }
        } catch (KmsAccessException e) {
            return untagged
                    ? new KeyResult.Partial(e, plan.afterUntagOnly(), new TagPlan.TagCall.TagResource(plan.tagsToSet()))
                    : new KeyResult.Failed(e, plan.original());
        }
        Map<String, String> now = new LinkedHashMap<>();
        plan.target().forEach(tag -> now.put(tag.key(), tag.value()));
        return new KeyResult.Applied(now, merged);
    }

    /**
     * Makes {@code call} in {@code pace}'s next slot, again and again while KMS throttles it.
     *
     * @param kind      what the call is for, which a refusal's sentence names
     * @param holdsSlot whether the first call may use a slot taken before
     * @throws KmsAccessException when the call fails otherwise
     */
    private <T> T paced(Pace pace, KmsCall kind, boolean holdsSlot, Supplier<T> call) throws InterruptedException {
        boolean slotTaken = holdsSlot;
        while (true) {
            if (!slotTaken) {
                pace.acquire();
            }
            slotTaken = false;
            try {
                T answer = call.get();
                pace.succeeded();
                return answer;
            } catch (SdkException | KmsAccessException e) {
                KmsAccessException error = KmsErrors.translate(e, connection, kind);
                if (error.problem() != KmsProblem.THROTTLED) {
                    throw error;
                }
                throttles.incrementAndGet();
                pace.throttled();
            }
        }
    }

    private static List<software.amazon.awssdk.services.kms.model.Tag> sdkTags(List<Tag> tags) {
        return tags.stream().map(tag -> software.amazon.awssdk.services.kms.model.Tag.builder().tagKey(tag.key())
                .tagValue(tag.value()).build()).toList();
    }
}
