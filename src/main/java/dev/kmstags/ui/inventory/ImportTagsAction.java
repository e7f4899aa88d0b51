package dev.kmstags.ui.inventory;

import dev.kmstags.inventory.InventoryEntry;
import dev.kmstags.inventory.MultiRegionImport;
import dev.kmstags.ui.common.Action;
import dev.kmstags.ui.common.AppState;
import dev.kmstags.ui.common.BulkReviewOpener;
import dev.kmstags.ui.common.DialogService;
import dev.kmstags.ui.common.FileChoice;
import dev.kmstags.ui.common.LoadState;
import dev.kmstags.ui.common.Messages;
import dev.kmstags.ui.common.TaskExecutor;
import dev.kmstags.ui.keylist.KeyListViewModel;
import dev.kmstags.ui.keylist.KeyRowViewModel;
import dev.kmstags.ui.keylist.RegionLoads;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.Bindings;

/**
 * File → Import tags…: asks for an inventory file and shows what it would change on the keys of the connection
 * ({@link ImportTagsViewModel}), against every key the list loaded. Runnable once the keys and their tags are
 * loaded; in All regions the file is planned against the keys of every region read ({@link MultiRegionImport}).
 * "Review changes…" there opens the bulk review of the plans, which on Apply hands them to the bulk commit, which
 * writes each key in its region.
 */
public final class ImportTagsAction extends Action {

    private final KeyListViewModel keyList;
    private final AppState state;
    private final DialogService dialogs;
    private final TaskExecutor executor;
    private final Messages messages;
    private final BulkReviewOpener reviews;
    private Optional<Path> lastFolder = Optional.empty();

    public ImportTagsAction(KeyListViewModel keyList, AppState state, DialogService dialogs, TaskExecutor executor,
                            Messages messages, BulkReviewOpener reviews) {
        this.keyList = Objects.requireNonNull(keyList, "keyList");
        this.state = Objects.requireNonNull(state, "state");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.reviews = Objects.requireNonNull(reviews, "reviews");
        executable.bind(Bindings.equal(keyList.loadStateProperty(), LoadState.LOADED)
                .and(Bindings.isNotEmpty(keyList.rows())));
    }

    /** Plans against the keys of each region read; a row of a region not read is a problem with the reason. */
    private ImportTagsViewModel.Planner acrossRegions(String account, List<KeyRowViewModel> rows) {
        Map<String, List<InventoryEntry>> byRegion = new LinkedHashMap<>();
        Map<String, String> notRead = new LinkedHashMap<>();
        for (RegionLoads.RegionLoad load : keyList.regionLoads().regions()) {
            if (load.state() == RegionLoads.State.READ) {
                byRegion.put(load.region(), new ArrayList<>());
            } else {
                notRead.put(load.region(), load.reason());
            }
        }
        for (KeyRowViewModel row : rows) {
            byRegion.computeIfAbsent(row.regionText(), region -> new ArrayList<>()).add(InventoryEntries.of(row));
        }
        return (file, options) -> new MultiRegionImport(account, byRegion, notRead, options).plan(file);
    }

    @Override
    public void execute() {
        if (!isExecutable()) {
            return;
        }
        Optional<Path> chosen = dialogs.chooseFileToOpen(new FileChoice(messages.get("import.chooser.title"),
                lastFolder, "", List.of(new FileChoice.Kind(messages.get("import.fileKind"),
                        List.of("*.csv", "*.json")))));
        if (chosen.isEmpty()) {
            return;
        }
        Path file = chosen.get();
        lastFolder = Optional.ofNullable(file.toAbsolutePath().getParent());
        List<KeyRowViewModel> rows = List.copyOf(keyList.rows());
        String account = state.accountIdProperty().get();
        ImportTagsViewModel importing = keyList.regionLoads().severalProperty().get()
                ? new ImportTagsViewModel(file, state.connectionTextProperty().get(), acrossRegions(account, rows),
                        messages)
                : new ImportTagsViewModel(file, state.connectionTextProperty().get(), account,
                        rows.get(0).regionText(), InventoryEntries.of(rows), messages);
        importing.read(executor);
        if (dialogs.show(importing).isPresent()) {
            importing.review(reviews, () -> { });
        }
    }
}
