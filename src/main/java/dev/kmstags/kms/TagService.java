package dev.kmstags.kms;

import dev.kmstags.domain.TagPlan;
import java.util.Map;

/** Reads and writes the tags of one connection's keys. */
public interface TagService {

    /**
     * Every tag of the key (every page), in KMS's order.
     *
     * @throws KmsAccessException when KMS or the network fails
     */
    Map<String, String> readTags(String keyId);

    /**
     * Applies {@code plan} to the key, and nothing else: only if the key's tags are still the plan's original.
     *
     * <p>First reads the key's tags again; if they differ from {@code plan.original()}, writes nothing and answers
     * {@link CommitOutcome.Conflict} with the tags KMS holds now. Otherwise makes the plan's calls (UntagResource,
     * then TagResource), reads the tags back and answers {@link CommitOutcome.Applied}, or
     * {@link CommitOutcome.Failed} when a call fails. KMS failures are answered, never thrown.
     */
    CommitOutcome commit(String keyId, TagPlan plan);
}
