package dev.kmstags.ui.tageditor;

import static dev.kmstags.ui.common.TestKeys.DATES;
import static dev.kmstags.ui.common.TestKeys.MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.domain.EditedTag;
import dev.kmstags.domain.KeyManager;
import dev.kmstags.domain.KeySummary;
import dev.kmstags.domain.TagMerge;
import dev.kmstags.domain.TagPlan;
import dev.kmstags.domain.access.AccessWords;
import dev.kmstags.kms.KmsClients;
import dev.kmstags.kms.KmsConnection;
import dev.kmstags.kms.KmsServices;
import dev.kmstags.kms.KmsSession;
import dev.kmstags.kms.TagService;
import dev.kmstags.local.BackendOptions;
import dev.kmstags.local.LocalKmsBackend;
import dev.kmstags.ui.common.ScriptedDialogs;
import dev.kmstags.ui.common.TestTaskExecutor;
import dev.kmstags.ui.keylist.KeyRowViewModel;
import dev.kmstags.ui.review.AccessSection;
import dev.kmstags.ui.review.ReviewViewModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;

/**
 * The review's access section in the commit flow, on the bundled backend's demo account: its KMS keys and the IAM
 * policies of its roles, read with the real SDK clients over HTTP. Changing Team on alias/payments-prod takes
 * kms:Decrypt from role/payments-app.
 */
class AccessChangeCommitTest {

    @TempDir
    Path folder;

    private LocalKmsBackend backend;
    private KmsSession session;
    private KeyRowViewModel paymentsProd;

    private final TestTaskExecutor executor = new TestTaskExecutor();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final BooleanProperty accessCheck = new SimpleBooleanProperty(true);
    private final TableStub table = new TableStub();

    @BeforeEach
    void start() throws Exception {
        backend = LocalKmsBackend.start(BackendOptions.defaults(folder.resolve("kms.db")).withPort(0));
        KmsConnection connection = KmsConnection.bundledBackend(backend.endpoint(), "us-east-1", "test", "test");
        session = KmsSession.open(connection);
        try (KmsClient kms = KmsClients.create(connection)) {
            AliasListEntry alias = kms.listAliases().aliases().stream()
                    .filter(a -> a.aliasName().equals("alias/payments-prod")).findFirst().orElseThrow();
            String arn = kms.describeKey(b -> b.keyId(alias.targetKeyId())).keyMetadata().arn();
            paymentsProd = new KeyRowViewModel(new KeySummary(alias.targetKeyId(), arn,
                    List.of("alias/payments-prod"), "", "Enabled", KeyManager.CUSTOMER, null), MESSAGES, DATES);
        }
    }

    @AfterEach
    void stop() {
        session.close();
        backend.close();
    }

    private TagCommit commit() {
        return new TagCommit(executor, MESSAGES, dialogs, new TagTableCheck(MESSAGES),
                new SimpleObjectProperty<TagService>(session.tagService()), new SimpleBooleanProperty(false),
                new SimpleStringProperty("Bundled backend · 111122223333 · us-east-1"),
                new SimpleObjectProperty<KmsServices>(session), accessCheck);
    }

    /** The key's tags with Team set to {@code team}. */
    private TagMerge.Result teamBecomes(String team) {
        Map<String, String> now = session.tagService().readTags(paymentsProd.keyId());
        List<EditedTag> rows = new ArrayList<>();
        now.forEach((key, value) -> rows.add(EditedTag.loaded(key, key, key.equals("Team") ? team : value)));
        return TagMerge.Result.unmerged(TagPlan.between(now, rows));
    }

    @Test
    void changingTeamOnPaymentsProdShowsTheRoleLosingDecryptAndAsksOnceMore() {
        TagCommit commit = commit();
        dialogs.applyNextReview().answerNextConfirm(true);

        commit.review(paymentsProd, teamBecomes("data"), List.of(), table);

        ReviewViewModel review = dialogs.reviews().get(0);
        AccessSection access = review.access();
        assertThat(access.shown()).isTrue();
        assertThat(access.lines()).extracting(AccessWords.Line::text).contains(
                "role/payments-app: kms:Decrypt allowed before, not after (policy PaymentsKeyAccess,"
                        + " statement AllowByTeam: aws:ResourceTag/Team = payments)",
                "role/data-pipeline: kms:Decrypt allowed after, not before (policy DataKeyAccess,"
                        + " statement DataTeamKeys: aws:ResourceTag/Team = [data, analytics])");
        assertThat(access.lines()).anySatisfy(line -> {
            assertThat(line.kind()).isEqualTo(AccessWords.Kind.UNKNOWN);
            assertThat(line.text()).startsWith("user/alice: kms:* allowed before: unknown, after: unknown;")
                    .endsWith("policy variables are not evaluated)");
        });
        assertThat(access.scopeText()).contains("not service control policies, permission boundaries, grants or"
                + " the key policy");
        assertThat(dialogs.shown("confirm")).singleElement().satisfies(confirm -> {
            assertThat(confirm.header()).isEqualTo("This change removes access to alias/payments-prod");
            assertThat(confirm.content()).contains("role/payments-app: kms:Decrypt allowed before, not after");
        });
        assertThat(session.tagService().readTags(paymentsProd.keyId())).containsEntry("Team", "data");
        assertThat(commit.lastResultProperty().get()).isEqualTo("1 tag changed on alias/payments-prod."
                + " Authorization may take up to five minutes to follow the new tags.");
    }

    @Test
    void declaringTheFurtherConfirmationSendsNothing() {
        TagCommit commit = commit();
        dialogs.applyNextReview().answerNextConfirm(false);

        commit.review(paymentsProd, teamBecomes("data"), List.of(), table);

        assertThat(session.tagService().readTags(paymentsProd.keyId())).containsEntry("Team", "payments");
        assertThat(table.shown).isEmpty();
    }

    @Test
    void aChangeNoPolicyDecidesOnSaysSoAndAsksNothingMore() {
        TagCommit commit = commit();
        dialogs.applyNextReview();
        Map<String, String> now = session.tagService().readTags(paymentsProd.keyId());
        List<EditedTag> rows = new ArrayList<>();
        now.forEach((key, value) -> rows.add(EditedTag.loaded(key, key, value)));
        rows.add(EditedTag.added("Reviewed", "2026-12"));

        commit.review(paymentsProd, TagMerge.Result.unmerged(TagPlan.between(now, rows)), List.of(), table);

        AccessSection access = dialogs.reviews().get(0).access();
        assertThat(access.lines()).isEmpty();
        assertThat(access.statusText())
                .isEqualTo("No IAM policy in this account decides access by the tags you change.");
        assertThat(dialogs.shown("confirm")).isEmpty();
        assertThat(commit.lastResultProperty().get()).isEqualTo("1 tag changed on alias/payments-prod");
    }

    @Test
    void withTheCheckOffTheReviewHasNoAccessSection() {
        accessCheck.set(false);
        TagCommit commit = commit();
        dialogs.applyNextReview();

        commit.review(paymentsProd, teamBecomes("data"), List.of(), table);

        assertThat(dialogs.reviews().get(0).access().shown()).isFalse();
        assertThat(dialogs.shown("confirm")).isEmpty();
        assertThat(session.tagService().readTags(paymentsProd.keyId())).containsEntry("Team", "data");
    }

    private static final class TableStub implements TagCommit.Table {

        private final List<Map<String, String>> shown = new ArrayList<>();

        @Override
        public void showTags(Map<String, String> tags) {
            shown.add(tags);
        }

        @Override
        public void rebase(Map<String, String> now) {
            throw new AssertionError("Nothing failed, so nothing is rebased");
        }
    }
}
