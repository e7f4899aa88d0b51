package dev.kmstags.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmstags.domain.EditedTag;
import dev.kmstags.domain.TagPlan;
import dev.kmstags.local.BackendOptions;
import dev.kmstags.local.LocalKmsBackend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.Tag;

/** Reading and committing tags with the real SDK client against the bundled backend over HTTP. */
class KmsTagServiceTest {

    @TempDir
    Path folder;

    private LocalKmsBackend backend;
    private KmsSession session;
    private KmsClient other;
    private String keyId;

    @BeforeEach
    void start() throws Exception {
        backend = LocalKmsBackend.start(BackendOptions.defaults(folder.resolve("kms.db")).withPort(0).withSeed(false));
        KmsConnection connection = KmsConnection.bundledBackend(backend.endpoint(), "us-east-1", "test", "test");
        session = KmsSession.open(connection);
        other = KmsClients.create(connection);
        keyId = other.createKey(b -> b.tags(tag("Env", "dev"), tag("Team", "payments"), tag("Owner", "alice")))
                .keyMetadata().keyId();
    }

    @AfterEach
    void stop() {
        other.close();
        session.close();
        backend.close();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().tagKey(key).tagValue(value).build();
    }

    private Map<String, String> kmsTags() {
        Map<String, String> tags = new LinkedHashMap<>();
        other.listResourceTagsPaginator(b -> b.keyId(keyId)).tags().forEach(t -> tags.put(t.tagKey(), t.tagValue()));
        return tags;
    }

    /** The loaded tags with Env changed, Owner removed, Team renamed to team and CostCenter added. */
    private TagPlan editedPlan(Map<String, String> loaded) {
        List<EditedTag> rows = new ArrayList<>();
        rows.add(EditedTag.loaded("Env", "Env", "production"));
        rows.add(EditedTag.loaded("Team", "team", loaded.get("Team")));
        rows.add(EditedTag.added("CostCenter", "CC-1"));
        return TagPlan.between(loaded, rows);
    }

    @Test
    void readTagsReadsEveryPage() {
        List<Tag> many = new ArrayList<>();
        for (int i = 0; i < 47; i++) {
            many.add(tag("k" + i, "v" + i));
        }
        other.tagResource(b -> b.keyId(keyId).tags(many));

        assertThat(session.tagService().readTags(keyId)).hasSize(50).containsEntry("k46", "v46");
    }

    @Test
    void commitMakesThePlansCallsAndAnswersWithWhatKmsHoldsAfterwards() {
        Map<String, String> loaded = session.tagService().readTags(keyId);

        CommitOutcome outcome = session.tagService().commit(keyId, editedPlan(loaded));

        Map<String, String> expected = Map.of("Env", "production", "team", "payments", "CostCenter", "CC-1");
        assertThat(outcome).isInstanceOf(CommitOutcome.Applied.class);
        assertThat(((CommitOutcome.Applied) outcome).tagsNow()).isEqualTo(expected);
        assertThat(kmsTags()).isEqualTo(expected);
    }

    @Test
    void aChangeByAnotherClientSinceLoadingIsAConflictAndNothingIsWritten() {
        Map<String, String> loaded = session.tagService().readTags(keyId);
        other.tagResource(b -> b.keyId(keyId).tags(tag("Env", "staging"), tag("Reviewer", "bob")));

        CommitOutcome outcome = session.tagService().commit(keyId, editedPlan(loaded));

        assertThat(outcome).isInstanceOf(CommitOutcome.Conflict.class);
        CommitOutcome.Conflict conflict = (CommitOutcome.Conflict) outcome;
        assertThat(conflict.theirs()).isEqualTo(kmsTags());
        assertThat(kmsTags()).containsEntry("Env", "staging").containsEntry("Owner", "alice")
                .containsEntry("Reviewer", "bob");
    }

    @Test
    void aPlanMergedOverTheirTagsIsWrittenAsReviewedAndKeepsTheirChange() {
        Map<String, String> loaded = session.tagService().readTags(keyId);
        other.tagResource(b -> b.keyId(keyId).tags(tag("Reviewer", "bob")));
        Map<String, String> theirs = session.tagService().readTags(keyId);
        TagPlan merged = dev.kmstags.domain.TagMerge.of(editedPlan(loaded), theirs).resolve().plan();

        CommitOutcome outcome = session.tagService().commit(keyId, merged);

        assertThat(outcome).isInstanceOf(CommitOutcome.Applied.class);
        assertThat(kmsTags()).isEqualTo(Map.of("Env", "production", "team", "payments", "CostCenter", "CC-1",
                "Reviewer", "bob"));
    }

    @Test
    void whenTagResourceFailsAfterUntagTheOutcomeSaysWhatIsOnTheKeyAndWhatIsPending() {
        Map<String, String> loaded = session.tagService().readTags(keyId);
        TagPlan plan = editedPlan(loaded);
        backend.faults().fail("TagResource", 1, "LimitExceededException", "The request was rejected");

        CommitOutcome outcome = session.tagService().commit(keyId, plan);

        assertThat(outcome).isInstanceOf(CommitOutcome.Failed.class);
        CommitOutcome.Failed failed = (CommitOutcome.Failed) outcome;
        assertThat(failed.partiallyApplied()).isTrue();
        assertThat(failed.error().problem()).isEqualTo(KmsProblem.LIMIT_EXCEEDED);
        assertThat(failed.error().detail()).isEqualTo("LimitExceededException: The request was rejected");
        assertThat(failed.completed()).containsExactly(plan.calls().get(0));
        assertThat(failed.pending()).containsExactly(plan.calls().get(1));
        assertThat(failed.tagsNow()).isEqualTo(plan.afterUntagOnly()).isEqualTo(kmsTags());
    }

    @Test
    void kmsErrorsAreClassifiedByTheirCode() {
        other.scheduleKeyDeletion(b -> b.keyId(keyId).pendingWindowInDays(7));
        Map<String, String> loaded = session.tagService().readTags(keyId);

        CommitOutcome outcome = session.tagService().commit(keyId, editedPlan(loaded));

        assertThat(outcome).isInstanceOf(CommitOutcome.Failed.class);
        CommitOutcome.Failed failed = (CommitOutcome.Failed) outcome;
        assertThat(failed.error().problem()).isEqualTo(KmsProblem.INVALID_STATE);
        assertThat(failed.completed()).isEmpty();
        assertThat(failed.tagsNow()).isEqualTo(loaded);
        assertThatThrownBy(() -> session.tagService().readTags("0b6e2f1a-1234-4e5f-8a9b-0123456789ab"))
                .isInstanceOfSatisfying(KmsAccessException.class,
                        e -> assertThat(e.problem()).isEqualTo(KmsProblem.NOT_FOUND));
    }

    @Test
    void aDeadEndpointIsAConnectionFailureWithNothingWritten() {
        Map<String, String> loaded = session.tagService().readTags(keyId);
        backend.close();

        CommitOutcome outcome = session.tagService().commit(keyId, editedPlan(loaded));

        assertThat(outcome).isInstanceOf(CommitOutcome.Failed.class);
        assertThat(((CommitOutcome.Failed) outcome).error().problem()).isEqualTo(KmsProblem.CONNECTION_REFUSED);
        assertThat(((CommitOutcome.Failed) outcome).completed()).isEmpty();
        assertThat(((CommitOutcome.Failed) outcome).tagsNow()).isNull();
    }
}
