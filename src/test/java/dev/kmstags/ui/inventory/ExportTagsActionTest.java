package dev.kmstags.ui.inventory;

import static dev.kmstags.ui.common.TestKeys.DATES;
import static dev.kmstags.ui.common.TestKeys.MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.inventory.ExportFormat;
import dev.kmstags.inventory.ImportedRow;
import dev.kmstags.inventory.InventoryFile;
import dev.kmstags.inventory.InventoryReader;
import dev.kmstags.kms.KmsConnection;
import dev.kmstags.kms.KmsSession;
import dev.kmstags.local.BackendOptions;
import dev.kmstags.local.LocalKmsBackend;
import dev.kmstags.ui.common.AppState;
import dev.kmstags.ui.common.LoadState;
import dev.kmstags.ui.common.ScriptedDialogs;
import dev.kmstags.ui.common.TestTaskExecutor;
import dev.kmstags.ui.keylist.KeyListViewModel;
import dev.kmstags.ui.keylist.KeyRowViewModel;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File → Export tags on the keys the list loaded from the bundled backend's demo account, over the real SDK client:
 * the keys shown after a search or the selected ones, in each shape, read back with the import's reader.
 */
class ExportTagsActionTest {

    @TempDir
    Path folder;

    private LocalKmsBackend backend;
    private KmsSession session;
    private final TestTaskExecutor executor = new TestTaskExecutor();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final AppState state = new AppState();
    private final KeyListViewModel keyList = new KeyListViewModel(executor, MESSAGES, DATES, state);
    private ExportTagsAction export;

    @BeforeEach
    void loadDemoKeys() throws Exception {
        backend = LocalKmsBackend.start(BackendOptions.defaults(folder.resolve("kms.db")).withPort(0));
        session = KmsSession.open(KmsConnection.bundledBackend(backend.endpoint(), "us-east-1", "test", "test"));
        export = new ExportTagsAction(keyList, state, dialogs, executor, MESSAGES);
        assertThat(export.isExecutable()).as("nothing loaded yet").isFalse();
        keyList.load(session.keyCatalog());
        assertThat(keyList.loadStateProperty().get()).isEqualTo(LoadState.LOADED);
    }

    @AfterEach
    void stop() {
        session.close();
        backend.close();
    }

    private static InventoryFile read(Path file) throws Exception {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new InventoryReader().read(in);
        }
    }

    private static List<String> aliases(InventoryFile file) {
        return file.rows().stream().map(ImportedRow::alias).toList();
    }

    @Test
    void theKeysTheSearchShowsAreExportedInTheirOrderWithTheirTags() throws Exception {
        // As the table sorts them by alias.
        keyList.comparatorProperty().set(Comparator.comparing(KeyRowViewModel::aliasesText));
        keyList.searchTextProperty().set("Team=platform");
        Path file = folder.resolve("platform.csv");
        dialogs.answerNextDialog(Optional.of(new ExportChoice(ExportFormat.CSV, false)))
                .answerNextFileChoice(Optional.of(file));

        export.execute();

        ExportQuestion question = (ExportQuestion) dialogs.otherDialogs().get(0);
        assertThat(question).isEqualTo(new ExportQuestion(2, 0, true));
        assertThat(dialogs.shown("save")).extracting(ScriptedDialogs.Shown::header).containsExactly("kms-tags.csv");
        InventoryFile written = read(file);
        assertThat(written.format()).isEqualTo(ExportFormat.CSV);
        assertThat(aliases(written)).containsExactly("alias/build-cache", "alias/release-signing");
        assertThat(written.rows().get(1).tags()).containsEntry("Purpose", "code-signing")
                .containsEntry("Team", "platform").containsEntry("ManagedBy", null);
        assertThat(dialogs.shown("information")).extracting(ScriptedDialogs.Shown::header)
                .containsExactly("2 keys written to platform.csv.");
    }

    @Test
    void onlyTheSelectedKeysAreExportedWhenChosenAsJsonOrOneRowPerTag() throws Exception {
        KeyRowViewModel staging = keyList.rows().stream()
                .filter(row -> row.aliasesText().equals("alias/analytics-staging")).findFirst().orElseThrow();
        keyList.requestSelection(staging);
        Path json = folder.resolve("selected.json");
        Path perTag = folder.resolve("selected-per-tag.csv");
        dialogs.answerNextDialog(Optional.of(new ExportChoice(ExportFormat.JSON, true)))
                .answerNextFileChoice(Optional.of(json))
                .answerNextDialog(Optional.of(new ExportChoice(ExportFormat.CSV_LONG, true)))
                .answerNextFileChoice(Optional.of(perTag));

        export.execute();
        export.execute();

        assertThat(dialogs.otherDialogs().get(0)).isEqualTo(new ExportQuestion(12, 1, false));
        InventoryFile asJson = read(json);
        assertThat(asJson.format()).isEqualTo(ExportFormat.JSON);
        assertThat(asJson.rows()).singleElement().satisfies(row -> assertThat(row.tags()).isEqualTo(Map.of(
                "Environment", "staging", "Team", "data", "Project", "lakehouse", "Temporary", "")));
        InventoryFile asRows = read(perTag);
        assertThat(asRows.format()).isEqualTo(ExportFormat.CSV_LONG);
        assertThat(asRows.rows()).hasSize(4).allSatisfy(row -> assertThat(row.alias())
                .isEqualTo("alias/analytics-staging"));
    }

    @Test
    void cancellingTheQuestionOrTheFileChooserWritesNothing() throws Exception {
        dialogs.answerNextDialog(Optional.empty())
                .answerNextDialog(Optional.of(new ExportChoice(ExportFormat.CSV, false)))
                .answerNextFileChoice(Optional.empty());

        export.execute();
        assertThat(dialogs.shown("save")).as("no file asked for after Cancel").isEmpty();
        export.execute();

        assertThat(dialogs.shown("information")).isEmpty();
        try (var files = Files.list(folder)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .noneMatch(name -> name.endsWith(".csv") || name.endsWith(".json"));
        }
    }

    @Test
    void aFileThatCannotBeWrittenIsReportedWithItsPath() {
        Path notAFile = folder.resolve("a-folder");
        dialogs.answerNextDialog(Optional.of(new ExportChoice(ExportFormat.CSV, false)))
                .answerNextFileChoice(Optional.of(notAFile));
        notAFile.toFile().mkdir();

        export.execute();

        assertThat(dialogs.shown("error")).singleElement().satisfies(error -> {
            assertThat(error.header()).isEqualTo("Could not write " + notAFile.toAbsolutePath() + ".");
            assertThat(error.content()).startsWith("Nothing usable was written (").contains("a-folder");
        });
    }
}
