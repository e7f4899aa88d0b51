package dev.kmstags.ui.bulk;

import static dev.kmstags.ui.common.TestKeys.MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.domain.bulk.BulkEdit;
import dev.kmstags.domain.bulk.BulkOperation;
import dev.kmstags.domain.bulk.BulkPlan;
import dev.kmstags.domain.bulk.BulkSelection;
import dev.kmstags.domain.policy.TagPolicy;
import dev.kmstags.kms.EffectiveTagPolicy;
import dev.kmstags.kms.KmsClients;
import dev.kmstags.kms.KmsConnection;
import dev.kmstags.kms.KmsSession;
import dev.kmstags.local.BackendOptions;
import dev.kmstags.local.LocalKmsBackend;
import dev.kmstags.profiles.MemoryPreferences;
import dev.kmstags.profiles.TagCallQuotaPreferences;
import dev.kmstags.ui.common.AppState;
import dev.kmstags.ui.common.BulkCommitStarter;
import dev.kmstags.ui.common.BulkReviewOpener;
import dev.kmstags.ui.common.PolicyInForce;
import dev.kmstags.ui.common.ScriptedDialogs;
import dev.kmstags.ui.common.TestTaskExecutor;
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
import software.amazon.awssdk.services.kms.model.AliasListEntry;

/**
 * The bulk review's guardrails on the bundled backend's demo account, read with the real SDK clients over HTTP: its
 * tag policy (from DescribeEffectivePolicy) and the IAM policies of its roles (from GetAccountAuthorizationDetails).
 */
class BulkReviewsTest {

    @TempDir
    Path folder;

    private LocalKmsBackend backend;
    private KmsSession session;
    private final Map<String, BulkReviewOpener.Key> keys = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> tags = new LinkedHashMap<>();

    private final AppState state = new AppState();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final List<String> started = new ArrayList<>();
    private final BulkCommitStarter starter = new BulkCommitStarter() {
        @Override
        public void start(BulkPlan reviewed) {
            start(reviewed, false);
        }

        @Override
        public void start(BulkPlan reviewed, boolean accessChanges) {
            started.add(reviewed.ready().size() + " keys, access changes: " + accessChanges);
        }
    };
    private final TestTaskExecutor executor = new TestTaskExecutor();
    private final BulkReviews reviews = new BulkReviews(dialogs, state, executor,
            new TagCallQuotaPreferences(MemoryPreferences.newRoot()), MESSAGES, starter);

    @BeforeEach
    void start() throws Exception {
        backend = LocalKmsBackend.start(BackendOptions.defaults(folder.resolve("kms.db")).withPort(0));
        KmsConnection connection = KmsConnection.bundledBackend(backend.endpoint(), "us-east-1", "test", "test");
        session = KmsSession.open(connection);
        try (KmsClient kms = KmsClients.create(connection)) {
            for (String name : List.of("alias/payments-prod", "alias/orders-db")) {
                AliasListEntry alias = kms.listAliases().aliases().stream()
                        .filter(a -> a.aliasName().equals(name)).findFirst().orElseThrow();
                String arn = kms.describeKey(b -> b.keyId(alias.targetKeyId())).keyMetadata().arn();
                keys.put(alias.targetKeyId(), new BulkReviewOpener.Key(name, arn));
                tags.put(alias.targetKeyId(), session.tagService().readTags(alias.targetKeyId()));
            }
        }
        state.connectionOpened(session);
        EffectiveTagPolicy.Found demoPolicy = (EffectiveTagPolicy.Found) session.effectiveTagPolicy();
        state.setTagPolicy(new PolicyInForce(TagPolicy.parse(demoPolicy.text()), "the demo policy"));
    }

    @AfterEach
    void stop() {
        session.close();
        backend.close();
    }

    private BulkPlan set(String key, String value) {
        return BulkEdit.EMPTY.then(new BulkOperation.SetTag(key, value)).plan(BulkSelection.ofTags(tags));
    }

    @Test
    void whileTheAccessCheckReadsIamTheReviewSaysSoAndOpensOnceItIsRead() {
        state.setAccessCheck(true);
        executor.holdWork();
        dialogs.answerNextBulkReview(review -> false);

        reviews.review(set("Team", "data"), keys, () -> { });

        assertThat(reviews.readingProperty().get()).isEqualTo("Reading the account's IAM policies for the review"
                + " of 2 keys\u2026");
        assertThat(dialogs.bulkReviews()).isEmpty();

        executor.runHeldWork();

        assertThat(reviews.readingProperty().get()).isEmpty();
        assertThat(dialogs.bulkReviews()).hasSize(1);
    }

    @Test
    void withTheAccessCheckOffNothingIsRead() {
        dialogs.answerNextBulkReview(review -> false);

        reviews.review(set("Team", "data"), keys, () -> { });

        assertThat(reviews.readingProperty().get()).isEmpty();
        assertThat(dialogs.bulkReviews()).hasSize(1);
    }

    @Test
    void aTeamChangeOfSeveralKeysShowsWhoLosesDecryptPerStatementWithItsKeysAndAsksOnceMore() {
        state.setAccessCheck(true);
        dialogs.answerNextBulkReview(review -> review.canApplyProperty().get()).answerNextConfirm(true);
        List<String> applied = new ArrayList<>();

        reviews.review(set("Team", "data"), keys, () -> applied.add("applied"));

        BulkGuardrails guardrails = dialogs.bulkReviews().get(0).guardrails();
        assertThat(guardrails.accessShown()).isTrue();
        assertThat(guardrails.accessGroups()).first().satisfies(loss -> {
            assertThat(loss.kind()).isEqualTo(BulkGuardrails.Kind.LOSS);
            assertThat(loss.text()).isEqualTo("role/payments-app: kms:Decrypt allowed before, not after"
                    + " (policy PaymentsKeyAccess, statement AllowByTeam: aws:ResourceTag/Team = payments)");
            assertThat(loss.keys()).containsExactly("alias/payments-prod");
        });
        assertThat(guardrails.accessGroups()).anySatisfy(gain -> {
            assertThat(gain.kind()).isEqualTo(BulkGuardrails.Kind.GAIN);
            assertThat(gain.text()).startsWith("role/data-pipeline: kms:Decrypt allowed after, not before");
            assertThat(gain.keys()).as("both keys get Team = data").containsExactly("alias/payments-prod",
                    "alias/orders-db");
        });
        assertThat(dialogs.bulkReviews().get(0).heading(guardrails.accessGroups().get(0)))
                .endsWith("\u2014 1 key");
        assertThat(guardrails.accessScope()).contains("a list of warnings, not a verdict");
        assertThat(dialogs.shown("confirm")).singleElement().satisfies(confirm -> {
            assertThat(confirm.header()).isEqualTo("This change removes access to 1 key");
            assertThat(confirm.content()).contains("role/payments-app: kms:Decrypt allowed before, not after")
                    .contains("\u2014 1 key");
        });
        assertThat(applied).containsExactly("applied");
        assertThat(started).containsExactly("2 keys, access changes: true");
    }

    @Test
    void declaringTheFurtherConfirmationCommitsNothing() {
        state.setAccessCheck(true);
        dialogs.answerNextBulkReview(review -> review.canApplyProperty().get()).answerNextConfirm(false);
        List<String> applied = new ArrayList<>();

        reviews.review(set("Team", "data"), keys, () -> applied.add("applied"));

        assertThat(applied).isEmpty();
        assertThat(started).isEmpty();
    }

    @Test
    void aChangeNoPolicyDecidesOnSaysSoAndCommitsWithoutTheFiveMinuteNote() {
        state.setAccessCheck(true);
        dialogs.answerNextBulkReview(review -> review.canApplyProperty().get());

        reviews.review(set("Owner", "alice"), keys, () -> { });

        BulkGuardrails guardrails = dialogs.bulkReviews().get(0).guardrails();
        assertThat(guardrails.accessGroups()).isEmpty();
        assertThat(guardrails.accessStatus())
                .isEqualTo("No IAM policy in this account decides access by the tags you change.");
        assertThat(dialogs.shown("confirm")).isEmpty();
        assertThat(started).containsExactly("2 keys, access changes: false");
    }

    @Test
    void aValueTheEnforcedPolicyRefusesIsOneLineWithItsKeysAndKeepsApplyDisabled() {
        dialogs.answerNextBulkReview(review -> review.canApplyProperty().get());

        reviews.review(set("CostCenter", "CC-9000"), keys, () -> { });

        BulkReviewViewModel review = dialogs.bulkReviews().get(0);
        BulkGuardrails guardrails = review.guardrails();
        assertThat(guardrails.accessShown()).as("the access check is off").isFalse();
        assertThat(guardrails.policyTitle()).isEqualTo("Tag policy (the demo policy)");
        assertThat(guardrails.policyGroups()).first().satisfies(refused -> {
            assertThat(refused.kind()).isEqualTo(BulkGuardrails.Kind.REFUSED);
            assertThat(review.heading(refused)).isEqualTo("CostCenter = CC-9000: the tag policy does not allow this"
                    + " value. Allowed: CC-1*, CC-2*. AWS refuses this change: the policy is enforced for KMS keys."
                    + " \u2014 2 keys");
        });
        assertThat(guardrails.policyAllows()).isFalse();
        assertThat(review.canApplyProperty().get()).isFalse();
        assertThat(started).isEmpty();
    }

    @Test
    void aChangeAfterWhichEveryKeyCompliesSaysSo() {
        dialogs.answerNextBulkReview(review -> false);

        reviews.review(set("Owner", "alice"), keys, () -> { });

        BulkGuardrails guardrails = dialogs.bulkReviews().get(0).guardrails();
        assertThat(guardrails.policyGroups()).isEmpty();
        assertThat(guardrails.policyStatus()).isEqualTo("The tags follow the tag policy.");
        assertThat(dialogs.bulkReviews().get(0).canApplyProperty().get()).isTrue();
    }
}
