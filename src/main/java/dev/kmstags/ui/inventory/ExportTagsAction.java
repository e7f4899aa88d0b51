package dev.kmstags.ui.inventory;

import dev.kmstags.inventory.ExportFormat;
import dev.kmstags.inventory.InventoryEntry;
import dev.kmstags.inventory.InventoryWriter;
import dev.kmstags.ui.common.Action;
import dev.kmstags.ui.common.AppState;
import dev.kmstags.ui.common.DialogService;
import dev.kmstags.ui.common.FileChoice;
import dev.kmstags.ui.common.LoadState;
import dev.kmstags.ui.common.Messages;
import dev.kmstags.ui.common.TaskExecutor;
import dev.kmstags.ui.keylist.KeyListViewModel;
import dev.kmstags.ui.keylist.KeyRowViewModel;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * File → Export tags…: writes the keys the list shows (after the search), or the selected ones, with their tags, in
 * one of the {@link ExportFormat}s, through {@link InventoryWriter}. Runnable once the keys and their tags are
 * loaded and some are shown.
 */
public final class ExportTagsAction extends Action {

    private static final Logger LOG = LoggerFactory.getLogger(ExportTagsAction.class);

    private final KeyListViewModel keyList;
    private final AppState state;
    private final DialogService dialogs;
    private final TaskExecutor executor;
    private final Messages messages;
    /** The folder of the last export, where the next file chooser opens. */
    private Optional<Path> lastFolder = Optional.empty();

    public ExportTagsAction(KeyListViewModel keyList, AppState state, DialogService dialogs, TaskExecutor executor,
                            Messages messages) {
        this.keyList = Objects.requireNonNull(keyList, "keyList");
        this.state = Objects.requireNonNull(state, "state");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.messages = Objects.requireNonNull(messages, "messages");
        executable.bind(Bindings.equal(keyList.loadStateProperty(), LoadState.LOADED)
                .and(Bindings.isNotEmpty(keyList.sortedRows())));
    }

    @Override
    public void execute() {
        if (!isExecutable()) {
            return;
        }
        List<KeyRowViewModel> shown = List.copyOf(keyList.sortedRows());
        List<KeyRowViewModel> selected = shown.stream().filter(state.selectedKeys()::contains).toList();
        Optional<ExportChoice> choice = dialogs.show(new ExportQuestion(shown.size(), selected.size(),
                shown.size() < keyList.rows().size()));
        if (choice.isEmpty()) {
            return;
        }
        ExportFormat format = choice.get().format();
        List<InventoryEntry> entries = (choice.get().selectedOnly() ? selected : shown).stream()
                .map(InventoryEntries::of).toList();
        dialogs.chooseFileToSave(fileChoice(format)).ifPresent(file -> write(entries, format, file));
    }

    private FileChoice fileChoice(ExportFormat format) {
        String extension = format == ExportFormat.JSON ? "json" : "csv";
        String kind = messages.get("export.fileKind." + format.name());
        return new FileChoice(messages.get("export.chooser.title"), lastFolder,
                messages.get("export.fileName." + format.name()),
                List.of(new FileChoice.Kind(kind, List.of("*." + extension))));
    }

    private void write(List<InventoryEntry> entries, ExportFormat format, Path file) {
        lastFolder = Optional.ofNullable(file.toAbsolutePath().getParent());
        executor.execute(() -> {
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                new InventoryWriter().write(entries, format, out);
            }
            return entries.size();
        }, written -> dialogs.showInformation(messages.get("export.done.title"),
                messages.format("export.done.header", written, file.getFileName().toString()),
                file.toAbsolutePath().toString()), failure -> {
            LOG.warn("Exporting the tags to {} failed", file, failure);
            String reason = failure instanceof IOException io ? describe(io) : failure.getClass().getSimpleName();
            dialogs.showError(messages.get("export.failed.title"),
                    messages.format("export.failed.header", file.toAbsolutePath().toString()),
                    messages.format("export.failed.content", reason));
        });
    }

    private static String describe(IOException failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
