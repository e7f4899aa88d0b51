package dev.kmstags.ui.inventory;

import static dev.kmstags.ui.common.TestKeys.DATES;
import static dev.kmstags.ui.common.TestKeys.MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.domain.bulk.BulkPlan;
import dev.kmstags.domain.bulk.TagCallQuotas;
import dev.kmstags.inventory.ExportFormat;
import dev.kmstags.inventory.InventoryWriter;
import dev.kmstags.kms.KmsConnection;
import dev.kmstags.kms.KmsSession;
import dev.kmstags.kms.MultiRegionServices;
import dev.kmstags.local.BackendOptions;
import dev.kmstags.local.LocalKmsBackend;
import dev.kmstags.profiles.MemoryPreferences;
import dev.kmstags.profiles.TagCallQuotaPreferences;
import dev.kmstags.ui.bulk.BulkReviewViewModel;
import dev.kmstags.ui.bulkcommit.BulkCommitViewModel;
import dev.kmstags.ui.bulkcommit.KeyOutcome;
import dev.kmstags.ui.bulkcommit.SessionBulkCommits;
import dev.kmstags.ui.common.AppState;
import dev.kmstags.ui.common.LoadState;
import dev.kmstags.ui.common.ScriptedDialogs;
import dev.kmstags.ui.common.TestTaskExecutor;
import dev.kmstags.ui.keylist.KeyListViewModel;
import dev.kmstags.ui.keylist.KeyRowViewModel;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File → Import tags while All regions shows the bundled backend's demo keys of us-east-1 and eu-west-1, over the
 * real SDK client: rows are matched to the keys of every region read, a row of a region not read is listed with the
 * reason, and the plans are committed each in its key's region.
 */
class ImportAllRegionsTest {

    private static final String ACCOUNT = "111122223333";

    @TempDir
    Path folder;

    private LocalKmsBackend backend;
    private KmsConnection connection;
    private MultiRegionServices services;
    private final TestTaskExecutor executor = new TestTaskExecutor();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final AppState state = new AppState();
    private final KeyListViewModel keyList = new KeyListViewModel(executor, MESSAGES, DATES, state);
    private final List<BulkPlan> reviewed = new ArrayList<>();
    private ImportTagsAction importTags;

    @BeforeEach
    void loadBothRegions() throws Exception {
        backend = LocalKmsBackend.start(BackendOptions.defaults(folder.resolve("kms.db")).withPort(0));
        connection = KmsConnection.bundledBackend(backend.endpoint(), "us-east-1", "test", "test");
        services = MultiRegionServices.of(connection, List.of("us-east-1", "eu-west-1"));
        state.setAccountId(ACCOUNT);
        importTags = new ImportTagsAction(keyList, state, dialogs, executor, MESSAGES, (plan, keys, applied) -> {
            reviewed.add(plan);
            applied.run();
        });
        keyList.load(services.keyCatalog());
        assertThat(keyList.loadStateProperty().get()).isEqualTo(LoadState.LOADED);
        assertThat(keyList.rows()).hasSize(17);
    }

    @AfterEach
    void stop() {
        services.close();
        backend.close();
    }

    private KeyRowViewModel row(String alias) {
        return keyList.rows().stream().filter(row -> row.aliasesText().equals(alias)).findFirst().orElseThrow();
    }

    /** The export of every key (one row per key), edited as a spreadsheet would, plus a row of another region. */
    private Path editedExport() throws Exception {
        StringWriter out = new StringWriter();
        new InventoryWriter().write(InventoryEntries.of(List.copyOf(keyList.rows())), ExportFormat.CSV, out);
        String csv = out.toString()
                .replace(",support,", ",privacy,")
                .replace(",payments,", ",billing,");
        String lastRow = "\r\n" + ACCOUNT + ",ap-south-1,1234abcd-12ab-34cd-56ef-1234567890ab,"
                + "arn:aws:kms:ap-south-1:" + ACCOUNT + ":key/1234abcd-12ab-34cd-56ef-1234567890ab,,Enabled,"
                + "CUSTOMER";
        Path file = folder.resolve("all-regions.csv");
        Files.writeString(file, csv.stripTrailing() + lastRow + "\r\n", StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void anEditedExportOfAllRegionsIsPlannedAgainstEveryRegionReadAndCommittedInEachKeysRegion()
            throws Exception {
        assertThat(importTags.isExecutable()).as("File → Import is offered in All regions").isTrue();
        Path file = editedExport();
        dialogs.answerNextFileChoice(Optional.of(file)).answerNextDialog(Optional.of("review"));

        importTags.execute();

        ImportTagsViewModel importing = (ImportTagsViewModel) dialogs.otherDialogs().get(0);
        assertThat(importing.problems()).singleElement().satisfies(problem -> assertThat(problem)
                .contains("region ap-south-1").contains("not read"));
        assertThat(importing.changes()).contains("alias/customer-exports", "alias/payments-eu",
                "alias/payments-prod");
        assertThat(reviewed).singleElement().satisfies(plan -> assertThat(plan.ready()).hasSize(3));

        CountDownLatch ended = new CountDownLatch(1);
        BulkCommitViewModel commit = new BulkCommitViewModel(executor, MESSAGES, dialogs, state,
                new SessionBulkCommits(() -> connection, key -> Optional.of(services.regionOf(key)),
                        () -> new TagCallQuotas(500, 500)), shown -> ended.countDown());
        BulkReviewViewModel review = new BulkReviewViewModel(reviewed.get(0), Map.of(), commit::regionOf, "dev",
                false, new TagCallQuotaPreferences(MemoryPreferences.newRoot()), MESSAGES);
        assertThat(review.quotasLabel()).as("quotas are per region").isEqualTo("Quotas of each region (calls per"
                + " second)");
        assertThat(review.estimateProperty().get()).startsWith("The 2 regions are written at the same time");
        commit.start(reviewed.get(0));
        assertThat(ended.await(60, TimeUnit.SECONDS)).as("the commit ended").isTrue();

        assertThat(commit.outcomes()).hasSize(3).allSatisfy(outcome -> assertThat(outcome.kind())
                .as(outcome.name()).isEqualTo(KeyOutcome.Kind.APPLIED));
        assertThat(services.tagService().readTags(row("alias/customer-exports").arn()))
                .containsEntry("Team", "privacy");
        assertThat(services.tagService().readTags(row("alias/payments-eu").arn())).containsEntry("Team", "billing");
        assertThat(services.tagService().readTags(row("alias/payments-prod").arn()))
                .containsEntry("Team", "billing");
    }
}
