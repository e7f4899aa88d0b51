package dev.kmstags.ui.tageditor;

import dev.kmstags.domain.Tag;
import dev.kmstags.domain.TagPlan;
import dev.kmstags.kms.CommitOutcome;
import dev.kmstags.kms.KmsAccessException;
import dev.kmstags.kms.KmsProblem;
import dev.kmstags.kms.TagService;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tags of keys held in memory, read and committed by the rules of {@link TagService}: a commit writes only when
 * the key's tags are still the plan's original (else it answers a conflict with what the key holds now), untags
 * first, then tags, and answers the tags as they are afterwards. Tags come back ordered by key, as the bundled
 * backend lists them. A colleague changes tags directly with {@link #tag} and {@link #untag}.
 *
 * <p>For ViewModel tests of editing and merging, which need no HTTP, SDK or SQLite; what only a real KMS does
 * (failing calls, refusing, retrying) is tested against the bundled backend.
 */
final class InMemoryTagService implements TagService {

    private final Map<String, Map<String, String>> tagsByKeyId = new HashMap<>();
    private int keysCreated;

    /** Creates a key with {@code tags}; answers its ID. */
    String createKey(Tag... tags) {
        String keyId = "00000000-0000-0000-0000-" + String.format("%012d", ++keysCreated);
        tagsByKeyId.put(keyId, new TreeMap<>());
        tag(keyId, tags);
        return keyId;
    }

    /** Sets {@code tags} on the key, as TagResource does. */
    void tag(String keyId, Tag... tags) {
        Map<String, String> held = held(keyId);
        for (Tag tag : tags) {
            held.put(tag.key(), tag.value());
        }
    }

    /** Removes the tags with {@code tagKeys} from the key, as UntagResource does. */
    void untag(String keyId, String... tagKeys) {
        Map<String, String> held = held(keyId);
        for (String tagKey : tagKeys) {
            held.remove(tagKey);
        }
    }

    /** What the key holds now. */
    Map<String, String> tags(String keyId) {
        return Map.copyOf(held(keyId));
    }

    @Override
    public Map<String, String> readTags(String keyId) {
        return new TreeMap<>(held(keyId));
    }

    @Override
    public CommitOutcome commit(String keyId, TagPlan plan) {
        Map<String, String> theirs = readTags(keyId);
        if (!theirs.equals(plan.original())) {
            return new CommitOutcome.Conflict(theirs);
        }
        for (TagPlan.TagCall call : plan.calls()) {
            if (call instanceof TagPlan.TagCall.Untag untag) {
                untag(keyId, untag.tagKeys().toArray(String[]::new));
            } else {
                tag(keyId, ((TagPlan.TagCall.TagResource) call).tags().toArray(Tag[]::new));
            }
        }
        return new CommitOutcome.Applied(readTags(keyId));
    }

    private Map<String, String> held(String keyId) {
        Map<String, String> held = tagsByKeyId.get(keyId);
        if (held == null) {
            throw new KmsAccessException(KmsProblem.NOT_FOUND, "No key " + keyId + " in memory.", keyId, null);
        }
        return held;
    }
}
