package dev.kmstags.ui.inventory;

import dev.kmstags.domain.Tag;
import dev.kmstags.domain.TagPlan;
import dev.kmstags.domain.bulk.BulkPlan;
import dev.kmstags.inventory.ExportFormat;
import dev.kmstags.inventory.ImportOptions;
import dev.kmstags.inventory.ImportProblem;
import dev.kmstags.inventory.ImportResult;
import dev.kmstags.inventory.InventoryEntry;
import dev.kmstags.inventory.InventoryFile;
import dev.kmstags.inventory.InventoryImport;
import dev.kmstags.inventory.InventoryReadException;
import dev.kmstags.inventory.InventoryReader;
import dev.kmstags.inventory.KeyImportPlan;
import dev.kmstags.ui.common.BulkReviewOpener;
import dev.kmstags.ui.common.DialogModel;
import dev.kmstags.ui.common.Messages;
import dev.kmstags.ui.common.TaskExecutor;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * File → Import tags: reads an inventory file (either CSV shape, or JSON) in the background, then shows what it
 * would change on each key of the connection, computed again as the user changes the options, and the rows that
 * cannot be applied with their line numbers. A file that cannot be read whole gives no plan at all. The dialog
 * answers with the plans that change something, which {@link #review} hands to the bulk review as they are;
 * closing it applies nothing.
 */
public final class ImportTagsViewModel implements DialogModel<Optional<ImportResult>> {

    /** Plans a file read whole against the keys as loaded, with the options as the user set them. */
    @FunctionalInterface
    public interface Planner {
        ImportResult plan(InventoryFile file, ImportOptions options);
    }

    private final Path file;
    private final String connectionText;
    private final Planner planner;
    private final Messages messages;

    private final BooleanProperty emptyCellsRemove = new SimpleBooleanProperty(this, "emptyCellsRemove");
    private final BooleanProperty onlyAdd = new SimpleBooleanProperty(this, "onlyAdd");
    private final ReadOnlyBooleanWrapper reading = new ReadOnlyBooleanWrapper(this, "reading");
    private final ReadOnlyStringWrapper readProblem = new ReadOnlyStringWrapper(this, "readProblem", "");
    private final ReadOnlyObjectWrapper<ExportFormat> format = new ReadOnlyObjectWrapper<>(this, "format");
    private final ReadOnlyObjectWrapper<ImportResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ObservableList<String> changes = FXCollections.observableArrayList();
    private final ObservableList<String> changesView = FXCollections.unmodifiableObservableList(changes);
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<String> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final BooleanBinding hasChanges;
    private InventoryFile read;

    /**
     * @param connectionText where the changes would go, such as "prod · 111122223333 · eu-west-1"
     * @param account the connection's account; rows naming another are problems
     * @param region  the connection's region; rows naming another are problems
     * @param current the keys of the connection with their tags, as the key list loaded them
     */
    public ImportTagsViewModel(Path file, String connectionText, String account, String region,
                               List<InventoryEntry> current, Messages messages) {
        this(file, connectionText, oneRegion(account, region, current), messages);
    }

    /**
     * @param connectionText where the changes would go, such as "prod · 111122223333 · all 17 regions"
     * @param planner        plans the file against the keys of the connection, as the key list loaded them
     */
    public ImportTagsViewModel(Path file, String connectionText, Planner planner, Messages messages) {
        this.file = Objects.requireNonNull(file, "file");
        this.connectionText = Objects.requireNonNull(connectionText, "connectionText");
        this.planner = Objects.requireNonNull(planner, "planner");
        this.messages = Objects.requireNonNull(messages, "messages");
        hasChanges = Bindings.createBooleanBinding(() -> result.get() != null && !result.get().changes().isEmpty(),
                result);
        emptyCellsRemove.addListener((observable, old, now) -> plan());
        onlyAdd.addListener((observable, old, now) -> plan());
    }

    private static Planner oneRegion(String account, String region, List<InventoryEntry> current) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(region, "region");
        List<InventoryEntry> keys = List.copyOf(current);
        return (read, options) -> new InventoryImport(account, region, keys, options).plan(read);
    }

    /** Reads the file in the background; the plan follows. */
    public void read(TaskExecutor executor) {
        reading.set(true);
        summary.set(messages.get("import.reading"));
        executor.execute(this::readFile, file -> {
            reading.set(false);
            read = file;
            format.set(file.format());
            plan();
        }, failure -> {
            reading.set(false);
            summary.set("");
            readProblem.set(messages.format("import.unreadable", failure instanceof InventoryReadException
                    || failure instanceof IOException ? failure.getMessage() : failure.getClass().getSimpleName()));
        });
    }

    private InventoryFile readFile() throws IOException, InventoryReadException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new InventoryReader().read(in);
        }
    }

    private void plan() {
        if (read == null) {
            return;
        }
        ImportResult planned = planner.plan(read, new ImportOptions(emptyCellsRemove.get(), onlyAdd.get()));
        List<String> lines = new ArrayList<>();
        int added = 0;
        int changed = 0;
        int removed = 0;
        for (KeyImportPlan keyPlan : planned.changes()) {
            TagPlan plan = keyPlan.plan();
            String name = keyPlan.key().name();
            lines.add(keyPlan.matchedBy() == KeyImportPlan.MatchedBy.ALIAS
                    ? messages.format("import.key.byAlias", name, keyPlan.firstLine())
                    : name);
            plan.added().forEach(tag -> lines.add(messages.format("import.tag.added", tag.key(), tag.value())));
            plan.overwritten().forEach(change -> lines.add(messages.format("import.tag.changed", change.key(),
                    change.oldValue(), change.newValue())));
            for (Tag tag : plan.removed()) {
                lines.add(messages.format("import.tag.removed", tag.key(), tag.value()));
            }
            added += plan.added().size();
            changed += plan.overwritten().size();
            removed += plan.removed().size();
        }
        changes.setAll(lines);
        problems.setAll(planned.problems().stream().map(this::problemLine).toList());
        summary.set(planned.changes().isEmpty()
                ? messages.format("import.summary.none", planned.plans().size(), planned.problems().size())
                : messages.format("import.summary", planned.changes().size(), planned.plans().size(), added, changed,
                        removed, planned.problems().size()));
        result.set(planned);
    }

    private String problemLine(ImportProblem problem) {
        return messages.format("import.problem", problem.line(), problem.detail());
    }

    /** Closing the dialog applies nothing. */
    @Override
    public Optional<ImportResult> dismissed() {
        return Optional.empty();
    }

    /** The plans to review, once the file was read; what the dialog answers with when the user goes on. */
    public Optional<ImportResult> toReview() {
        return hasChanges.get() ? Optional.of(result.get()) : Optional.empty();
    }

    /**
     * Opens the bulk review of exactly the plans that change something, with the keys' names and ARNs, through
     * {@code opener}, which hands them to the commit once confirmed; nothing is opened when the file changes nothing.
     *
     * @param applied run once the user applied them
     */
    public void review(BulkReviewOpener opener, Runnable applied) {
        Optional<ImportResult> planned = toReview();
        if (planned.isEmpty()) {
            return;
        }
        Map<String, TagPlan> plans = new LinkedHashMap<>();
        Map<String, BulkReviewOpener.Key> keys = new LinkedHashMap<>();
        for (KeyImportPlan keyPlan : planned.get().changes()) {
            String id = keyPlan.key().id();
            plans.put(id, keyPlan.plan());
            keys.put(id, new BulkReviewOpener.Key(keyPlan.key().name(), keyPlan.key().arn()));
        }
        opener.review(BulkPlan.of(plans, Map.of()), keys, applied);
    }

    public Path file() {
        return file;
    }

    /** "What tags.csv would change on the keys of prod · 111122223333 · eu-west-1". */
    public String header() {
        return messages.format("import.header", file.getFileName().toString(), connectionText);
    }

    /** One row per key: whether an empty cell removes the tag (else it leaves it alone). */
    public BooleanProperty emptyCellsRemoveProperty() {
        return emptyCellsRemove;
    }

    /** One row per tag and JSON: whether tags are only added or changed (else the file is each key's whole set). */
    public BooleanProperty onlyAddProperty() {
        return onlyAdd;
    }

    public ReadOnlyBooleanProperty readingProperty() {
        return reading.getReadOnlyProperty();
    }

    /** Why the file cannot be read whole, with the line where reading stopped; empty when it could. */
    public ReadOnlyStringProperty readProblemProperty() {
        return readProblem.getReadOnlyProperty();
    }

    /** The file's shape once read: it decides which option applies. */
    public ReadOnlyObjectProperty<ExportFormat> formatProperty() {
        return format.getReadOnlyProperty();
    }

    /** The plans and problems with the options as they are; null until the file was read. */
    public ReadOnlyObjectProperty<ImportResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** "2 of 12 keys change: 1 tag to add, 1 to change, 0 to remove; 1 row cannot be applied." */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Per key that changes: its name, then a line per tag added (+), changed (~) or removed (-). */
    public ObservableList<String> changes() {
        return changesView;
    }

    /** The rows that cannot be applied: "line 4: no key of this connection has the key ID …". */
    public ObservableList<String> problems() {
        return problemsView;
    }

    /** Whether the file would change any key, so there is something to review. */
    public BooleanBinding hasChangesProperty() {
        return hasChanges;
    }
}
