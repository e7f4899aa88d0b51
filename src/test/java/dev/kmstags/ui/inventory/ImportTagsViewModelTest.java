package dev.kmstags.ui.inventory;

import static dev.kmstags.ui.common.TestKeys.DATES;
import static dev.kmstags.ui.common.TestKeys.MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.domain.TagPlan;
import dev.kmstags.domain.bulk.BulkPlan;
import dev.kmstags.inventory.ExportFormat;
import dev.kmstags.inventory.ImportResult;
import dev.kmstags.inventory.KeyImportPlan;
import dev.kmstags.inventory.InventoryWriter;
import dev.kmstags.kms.KmsConnection;
import dev.kmstags.kms.KmsSession;
import dev.kmstags.local.BackendOptions;
import dev.kmstags.local.LocalKmsBackend;
import dev.kmstags.ui.common.AppState;
import dev.kmstags.ui.common.BulkReviewOpener;
import dev.kmstags.ui.common.TestTaskExecutor;
import dev.kmstags.ui.keylist.KeyListViewModel;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File → Import tags up to the plan, on the keys the list loaded from the bundled backend's demo account over the
 * real SDK client: the changes per key, the options, the rows that cannot be applied with their line numbers, and
 * a file that cannot be read whole.
 */
class ImportTagsViewModelTest {

    private static final String ACCOUNT = "111122223333";

    @TempDir
    Path folder;

    private LocalKmsBackend backend;
    private KmsSession session;
    private final TestTaskExecutor executor = new TestTaskExecutor();
    private final KeyListViewModel keyList = new KeyListViewModel(executor, MESSAGES, DATES, new AppState());

    @BeforeEach
    void loadDemoKeys() {
        try {
            backend = LocalKmsBackend.start(BackendOptions.defaults(folder.resolve("kms.db")).withPort(0));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        session = KmsSession.open(KmsConnection.bundledBackend(backend.endpoint(), "us-east-1", "test", "test"));
        keyList.load(session.keyCatalog());
    }

    @AfterEach
    void stop() {
        session.close();
        backend.close();
    }

    private ImportTagsViewModel imported(String name, String content) throws Exception {
        Path file = folder.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return read(file);
    }

    private ImportTagsViewModel read(Path file) {
        ImportTagsViewModel model = new ImportTagsViewModel(file, "Bundled backend · " + ACCOUNT + " · us-east-1",
                ACCOUNT, "us-east-1", InventoryEntries.of(keyList.rows()), MESSAGES);
        model.read(executor);
        return model;
    }

    @Test
    void anEditedFileShowsItsChangesPerKeyAndTheRowsThatCannotBeAppliedWithTheirLines() throws Exception {
        ImportTagsViewModel model = imported("edited.csv", """
                Aliases,Tag: Team,Tag: Owner\r
                alias/orders-db,"commerce, EU \u201cnorth\u201d \uD83D\uDE80",=owner\r
                alias/does-not-exist,x,\r
                alias/ci-artifacts,platform,\r
                alias/aws/s3,storage,\r
                """);

        assertThat(model.readProblemProperty().get()).isEmpty();
        assertThat(model.formatProperty().get()).isEqualTo(ExportFormat.CSV);
        assertThat(model.summaryProperty().get())
                .isEqualTo("Changes to 1 of 2 keys named: 1 tag to add, 1 to change, 0 to remove; 2 rows cannot be "
                        + "applied.");
        assertThat(model.changes()).containsExactly(
                "alias/orders-db   (matched by its alias, line 2: the alias may have moved since the export)",
                "+ Owner = \u201c=owner\u201d",
                "~ Team = \u201ccommerce\u201d \u2192 \u201ccommerce, EU \u201cnorth\u201d \uD83D\uDE80\u201d");
        assertThat(model.problems()).hasSize(2);
        assertThat(model.problems().get(0)).startsWith("line 3: ");
        assertThat(model.problems().get(1)).startsWith("line 5: ");
        assertThat(model.hasChangesProperty().get()).isTrue();
        assertThat(model.toReview()).hasValueSatisfying(result -> assertThat(result.changes()).hasSize(1));
    }

    @Test
    void emptyCellsLeaveTagsAloneUnlessTheUserChoosesThatTheyRemoveThem() throws Exception {
        ImportTagsViewModel model = imported("emptied.csv", """
                Aliases,Tag: Backup\r
                alias/orders-db,\r
                """);
        assertThat(model.summaryProperty().get()).isEqualTo("No changes: the key named is as the file says.");
        assertThat(model.toReview()).isEmpty();

        model.emptyCellsRemoveProperty().set(true);

        assertThat(model.changes()).containsExactly("alias/orders-db   (matched by its alias, line 2: the alias "
                + "may have moved since the export)", "\u2212 Backup (was \u201cdaily\u201d)");
        assertThat(model.toReview()).isPresent();
    }

    @Test
    void aFilePerTagIsEachKeysWholeTagSetUnlessTheUserChoosesOnlyToAdd() throws Exception {
        ImportTagsViewModel model = imported("per-tag.csv", """
                Alias,Tag key,Tag value\r
                alias/orders-db,Team,commerce\r
                alias/orders-db,Tier,gold\r
                """);
        assertThat(model.formatProperty().get()).isEqualTo(ExportFormat.CSV_LONG);
        assertThat(model.changes()).contains("+ Tier = \u201cgold\u201d",
                "\u2212 Environment (was \u201cproduction\u201d)");

        model.onlyAddProperty().set(true);

        assertThat(model.changes()).contains("+ Tier = \u201cgold\u201d")
                .noneMatch(line -> line.startsWith("\u2212"));
    }

    @Test
    void anExportImportedUnchangedChangesNothing() throws Exception {
        Path export = folder.resolve("all.json");
        try (Writer out = Files.newBufferedWriter(export, StandardCharsets.UTF_8)) {
            new InventoryWriter().write(InventoryEntries.of(keyList.rows()), ExportFormat.JSON, out);
        }

        ImportTagsViewModel model = read(export);

        assertThat(model.summaryProperty().get()).isEqualTo("No changes: the 12 keys named are as the file says.");
        assertThat(model.problems()).isEmpty();
        assertThat(model.changes()).isEmpty();
    }

    @Test
    void aFileThatCannotBeReadWholeSaysWhereAndGivesNoPlan() throws Exception {
        ImportTagsViewModel model = imported("broken.csv", """
                Aliases,Tag: Team\r
                alias/orders-db,ops\r
                alias/ci-artifacts,"never closed\r
                """);

        assertThat(model.readProblemProperty().get())
                .startsWith("Nothing can be applied from this file: line 3: ");
        assertThat(model.resultProperty().get()).isNull();
        assertThat(model.changes()).isEmpty();
        assertThat(model.toReview()).isEmpty();
        assertThat(model.readingProperty().get()).isFalse();
    }

    @Test
    void theHeaderSaysWhichFileAndWhereTheChangesWouldGo() throws Exception {
        assertThat(imported("x.json", "{}").header())
                .isEqualTo("What x.json would change on the keys of Bundled backend · 111122223333 · us-east-1");
        assertThat(List.of(ExportFormat.values())).hasSize(3);
    }

    @Test
    void reviewHandsExactlyTheImportsPlansToTheBulkReviewWithTheKeysNames() throws Exception {
        ImportTagsViewModel model = imported("edited.csv", """
                Aliases,Tag: Team,Tag: Owner\r
                alias/orders-db,commerce-eu,\r
                alias/does-not-exist,x,\r
                alias/ci-artifacts,release,\r
                """);
        ImportResult imported = model.toReview().orElseThrow();
        List<BulkPlan> reviewed = new ArrayList<>();
        List<Map<String, BulkReviewOpener.Key>> named = new ArrayList<>();
        List<String> applied = new ArrayList<>();

        model.review((plan, keys, onApplied) -> {
            reviewed.add(plan);
            named.add(keys);
            onApplied.run();
        }, () -> applied.add("applied"));

        assertThat(applied).containsExactly("applied");
        assertThat(reviewed).hasSize(1);
        Map<String, TagPlan> expected = new LinkedHashMap<>();
        Map<String, BulkReviewOpener.Key> expectedNames = new LinkedHashMap<>();
        for (KeyImportPlan keyPlan : imported.changes()) {
            expected.put(keyPlan.key().keyId(), keyPlan.plan());
            expectedNames.put(keyPlan.key().keyId(), new BulkReviewOpener.Key(
                    keyPlan.key().primaryAlias().orElseThrow(), keyPlan.key().arn()));
        }
        assertThat(expected).hasSize(2);
        assertThat(reviewed.get(0).ready()).containsExactlyEntriesOf(expected);
        assertThat(reviewed.get(0).keys()).hasSize(2);
        assertThat(reviewed.get(0).skipped()).isEmpty();
        assertThat(named.get(0)).isEqualTo(expectedNames);
        assertThat(model.problems()).as("the rows the import could not apply stay listed").hasSize(1);
    }

    @Test
    void aFileThatChangesNothingOpensNoReview() throws Exception {
        ImportTagsViewModel model = imported("same.csv", """
                Aliases,Tag: Backup\r
                alias/orders-db,daily\r
                """);
        List<BulkPlan> reviewed = new ArrayList<>();

        model.review((plan, keys, applied) -> reviewed.add(plan), () -> { });
        assertThat(reviewed).isEmpty();
    }
}
