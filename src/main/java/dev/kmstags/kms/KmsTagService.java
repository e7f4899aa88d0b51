package dev.kmstags.kms;

import dev.kmstags.domain.Tag;
import dev.kmstags.domain.TagPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Tags through the SDK: ListResourceTags (every page), and a plan's UntagResource and TagResource calls with a
 * check for concurrent changes first. KMS has no conditional write on tags, so the check narrows the window in
 * which another's change could be overwritten; it cannot close it.
 */
public final class KmsTagService implements TagService {

    private static final Logger LOG = LoggerFactory.getLogger(KmsTagService.class);

    private final KmsClient client;
    private final KmsConnection connection;

    /** A service over {@code client}, which the caller keeps and closes. */
    public KmsTagService(KmsClient client, KmsConnection connection) {
        this.client = Objects.requireNonNull(client, "client");
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    @Override
    public Map<String, String> readTags(String keyId) {
        try {
            Map<String, String> tags = new LinkedHashMap<>();
            client.listResourceTagsPaginator(b -> b.keyId(keyId)).tags()
                    .forEach(tag -> tags.put(tag.tagKey(), tag.tagValue()));
            return tags;
        } catch (SdkException e) {
            throw KmsErrors.translate(e, connection, KmsCall.READ_TAGS);
        }
    }

    @Override
    public CommitOutcome commit(String keyId, TagPlan plan) {
        Map<String, String> theirs;
        try {
            theirs = readTags(keyId);
        } catch (KmsAccessException e) {
            LOG.warn("Could not read the tags of {} before committing", keyId, e);
            return new CommitOutcome.Failed(e, null, List.of(), plan.calls());
        }
        if (!theirs.equals(plan.original())) {
            return new CommitOutcome.Conflict(theirs);
        }
        List<TagPlan.TagCall> calls = plan.calls();
        List<TagPlan.TagCall> completed = new ArrayList<>();
        for (TagPlan.TagCall call : calls) {
            try {
                make(keyId, call);
                completed.add(call);
            } catch (SdkException e) {
                LOG.warn("{} on {} failed", call.getClass().getSimpleName(), keyId, e);
                return new CommitOutcome.Failed(KmsErrors.translate(e, connection, KmsCall.CHANGE_TAGS),
                        readTagsOrNull(keyId), completed, calls.subList(completed.size(), calls.size()));
            }
        }
        try {
            return new CommitOutcome.Applied(readTags(keyId));
        } catch (KmsAccessException e) {
            LOG.warn("Could not read the tags of {} after committing", keyId, e);
            return new CommitOutcome.Failed(e, null, completed, List.of());
        }
    }

    private void make(String keyId, TagPlan.TagCall call) {
        if (call instanceof TagPlan.TagCall.Untag untag) {
            client.untagResource(b -> b.keyId(keyId).tagKeys(untag.tagKeys()));
        } else if (call instanceof TagPlan.TagCall.TagResource tag) {
            client.tagResource(b -> b.keyId(keyId).tags(tag.tags().stream().map(KmsTagService::sdkTag).toList()));
        }
    }

    private Map<String, String> readTagsOrNull(String keyId) {
        try {
            return readTags(keyId);
        } catch (KmsAccessException e) {
            return null;
        }
    }

    private static software.amazon.awssdk.services.kms.model.Tag sdkTag(Tag tag) {
        return software.amazon.awssdk.services.kms.model.Tag.builder().tagKey(tag.key()).tagValue(tag.value()).build();
    }
}
