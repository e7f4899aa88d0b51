package dev.kmstags.ui.tageditor;

import dev.kmstags.domain.EditedTag;
import dev.kmstags.domain.TagMerge;
import dev.kmstags.domain.TagPlan;
import dev.kmstags.domain.TagRules;
import dev.kmstags.kms.KmsAccessException;
import dev.kmstags.kms.KmsServices;
import dev.kmstags.kms.TagService;
import dev.kmstags.ui.common.AppState;
import dev.kmstags.ui.common.DialogService;
import dev.kmstags.ui.common.KeyEntry;
import dev.kmstags.ui.common.LatestTask;
import dev.kmstags.ui.common.LeaveGuard;
import dev.kmstags.ui.common.LoadState;
import dev.kmstags.ui.common.Messages;
import dev.kmstags.ui.common.PolicyInForce;
import dev.kmstags.ui.common.TaskExecutor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tags of the selected key and the user's edits of them: loads them in the background, checks every cell
 * as it changes, keeps the edits undoable, and hands them to a {@link TagCommit}, which sends them only after the
 * user reviewed them. Edits are never lost on a failure: the table keeps them, rebased on what KMS holds when part
 * of a change went through.
 */
public final class TagEditorViewModel implements LeaveGuard, TagCommit.Table {

    private static final Logger LOG = LoggerFactory.getLogger(TagEditorViewModel.class);

    private final Messages messages;
    private final DialogService dialogs;
    private final ObservableValue<TagService> tagService;
    private final ObservableValue<PolicyInForce> tagPolicy;
    private final TagTableCheck check;
    private final LatestTask loading;
    private final TagCommit commit;

    // No extractor: an update event would make the table end the cell edit on every keystroke. Rows are watched
    // one by one instead.
    private final ObservableList<TagRowViewModel> rows = FXCollections.observableArrayList();
    private final ChangeListener<Object> rowChanged = (observable, old, now) -> validate();
    private final ObservableList<String> errors = FXCollections.observableArrayList();
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private final ObservableList<String> readOnlyErrors = FXCollections.unmodifiableObservableList(errors);
    private final ObservableList<String> readOnlyWarnings = FXCollections.unmodifiableObservableList(warnings);
    private final ObjectProperty<TagRowViewModel> selectedRow = new SimpleObjectProperty<>(this, "selectedRow");
    private final ObservableList<TagRowViewModel> selectedRows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper selectionEdited = new ReadOnlyBooleanWrapper(this, "selectionEdited");
    private final TagEditHistory history = new TagEditHistory();
    private final ReadOnlyObjectWrapper<KeyEntry> key = new ReadOnlyObjectWrapper<>(this, "key");
    private final ReadOnlyObjectWrapper<LoadState> loadState =
            new ReadOnlyObjectWrapper<>(this, "loadState", LoadState.IDLE);
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", true);
    private final ReadOnlyBooleanWrapper overLimit = new ReadOnlyBooleanWrapper(this, "overLimit");
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper(this, "countText", "");
    private final ReadOnlyStringWrapper readOnlyReason = new ReadOnlyStringWrapper(this, "readOnlyReason", "");
    private final ReadOnlyStringWrapper placeholderText = new ReadOnlyStringWrapper(this, "placeholderText", "");

    private final BooleanBinding editable;
    private final BooleanBinding busy;
    private final BooleanBinding canRemove;
    private final BooleanBinding canRevert;
    private final BooleanBinding canRevertAll;
    private final BooleanBinding canUndo;
    private final BooleanBinding canRedo;
    private final BooleanBinding canReview;
    private final BooleanBinding canRetry;

    /** The tags as KMS held them when the edit started: the base of the plan and of the conflict check. */
    private Map<String, String> original = Map.of();
    /** The cell being typed into and the table before the typing started: one undo step once it ends. */
    private CellEdit cellEdit;

    /**
     * The editor of the key selected in {@code state}, alone; it commits to the state's connection, and is one of its
     * leave guards.
     */
    public TagEditorViewModel(TaskExecutor executor, Messages messages, DialogService dialogs, AppState state) {
        this(executor, messages, dialogs, state.selectedKeyProperty(), state.tagServiceProperty(),
                state.productionProperty(), state.connectionTextProperty(), state.servicesProperty(),
                state.accessCheckProperty(), state.tagPolicyProperty());
        state.addLeaveGuard(this);
    }

    /** As below, without the access check and without a tag policy. */
    TagEditorViewModel(TaskExecutor executor, Messages messages, DialogService dialogs,
                       ObservableValue<? extends KeyEntry> selectedKey, ObservableValue<TagService> tagService,
                       ObservableBooleanValue production, ObservableValue<String> connectionText) {
        this(executor, messages, dialogs, selectedKey, tagService, production, connectionText,
                new SimpleObjectProperty<>(), new SimpleBooleanProperty(false),
                new SimpleObjectProperty<>(PolicyInForce.none()));
    }

    /**
     * @param selectedKey the key whose tags to edit; null when none is selected
     * @param tagService  the open connection's tag service; null until connected
     * @param production     whether the connection is marked production
     * @param connectionText where commits go, "profile · account · region", for the review to name
     * @param services       the open connection's services, for the access check's IAM policies
     * @param accessCheck    whether reviews say whose access a change alters
     * @param tagPolicy      the connection's tag policy, which cells and reviews are checked against
     */
    TagEditorViewModel(TaskExecutor executor, Messages messages, DialogService dialogs,
                       ObservableValue<? extends KeyEntry> selectedKey, ObservableValue<TagService> tagService,
                       ObservableBooleanValue production, ObservableValue<String> connectionText,
                       ObservableValue<? extends KmsServices> services, ObservableBooleanValue accessCheck,
                       ObservableValue<PolicyInForce> tagPolicy) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.tagService = Objects.requireNonNull(tagService, "tagService");
        this.check = new TagTableCheck(messages);
        this.loading = new LatestTask(executor);
        this.tagPolicy = Objects.requireNonNull(tagPolicy, "tagPolicy");
        this.commit = new TagCommit(executor, messages, dialogs, check, tagService, production, connectionText,
                services, accessCheck, tagPolicy);
        ReadOnlyBooleanProperty committing = commit.committingProperty();

        editable = Bindings.equal(loadState, LoadState.LOADED).and(readOnlyReason.isEmpty()).and(committing.not());
        busy = loading.runningProperty().or(committing);
        canRemove = editable.and(selectedRow.isNotNull());
        canRevert = editable.and(selectionEdited);
        canRevertAll = editable.and(dirty);
        canUndo = editable.and(history.canUndoProperty());
        canRedo = editable.and(history.canRedoProperty());
        canReview = editable.and(dirty);
        canRetry = Bindings.equal(loadState, LoadState.FAILED);

        rows.addListener((ListChangeListener<TagRowViewModel>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(row -> watch(row, false));
                change.getAddedSubList().forEach(row -> watch(row, true));
            }
            validate();
        });
        selectedRows.addListener((ListChangeListener<TagRowViewModel>) change -> updateSelectionEdited());
        selectedKey.addListener((observable, old, selected) -> show(selected));
        tagService.addListener((observable, old, service) -> show(key.get()));
        tagPolicy.addListener((observable, old, policy) -> validate());
        show(selectedKey.getValue());
    }

    private void watch(TagRowViewModel row, boolean watched) {
        for (ObservableValue<?> part : List.of(row.keyProperty(), row.valueProperty(), row.removedProperty())) {
            if (watched) {
                part.addListener(rowChanged);
            } else {
                part.removeListener(rowChanged);
            }
        }
    }

    private void show(KeyEntry selected) {
        loading.cancel();
        commit.tableLeft();
        key.set(selected);
        original = Map.of();
        selectedRow.set(null);
        forgetEdits();
        rows.clear();
        // The reason may come later: a key whose tags turn out to be unreadable becomes read-only then.
        readOnlyReason.unbind();
        if (selected == null) {
            readOnlyReason.set("");
        } else {
            readOnlyReason.bind(selected.readOnlyReasonTextProperty());
        }
        if (selected == null || tagService.getValue() == null) {
            loadState.set(LoadState.IDLE);
            updatePlaceholder("");
            return;
        }
        load();
    }

    /** Reads the key's tags again, dropping any edits (after a failed load, or to see another's change). */
    public void reload() {
        if (key.get() != null && tagService.getValue() != null && !commit.committingProperty().get()) {
            load();
        }
    }

    private void load() {
        String keyId = key.get().id();
        TagService service = tagService.getValue();
        loadState.set(LoadState.LOADING);
        updatePlaceholder("");
        // Reading another key's tags, or these again, drops this read's result.
        loading.start(reporter -> service.readTags(keyId), this::showTags,
                failure -> {
                    LOG.warn("Reading the tags of {} failed", keyId, failure);
                    loadState.set(LoadState.FAILED);
                    updatePlaceholder(failure instanceof KmsAccessException ? failure.getMessage()
                            : messages.format("editor.load.unexpected", TagCommit.describe(failure)));
                });
    }

    /** Shows {@code tags} as KMS holds them, with no edits. */
    @Override
    public void showTags(Map<String, String> tags) {
        original = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        selectedRow.set(null);
        forgetEdits();
        rows.setAll(loadedRows());
        loadState.set(LoadState.LOADED);
        updatePlaceholder("");
    }

    private List<TagRowViewModel> loadedRows() {
        List<TagRowViewModel> loaded = new ArrayList<>();
        original.forEach((tagKey, value) -> loaded.add(TagRowViewModel.loaded(tagKey, value)));
        return loaded;
    }

    private void forgetEdits() {
        cellEdit = null;
        history.clear();
    }

    /** Makes {@code edit} to the table as one step the user can undo. */
    private void undoable(Runnable edit) {
        commitCellEdit();
        TableSnapshot before = TableSnapshot.of(rows);
        edit.run();
        history.record(before, TableSnapshot.of(rows));
    }

    /**
     * The user starts typing into the {@code field} cell of {@code row}. Answers true when that cell's edit was
     * under way already and only its editor was drawn anew (after scrolling or a layout), so it goes on as it was.
     */
    public boolean startCellEdit(TagRowViewModel row, TagRowViewModel.Field field) {
        if (cellEdit != null && cellEdit.row() == row && cellEdit.field() == field) {
            return true;
        }
        commitCellEdit();
        cellEdit = new CellEdit(row, field, row.property(field).get(), TableSnapshot.of(rows));
        return false;
    }

    /** The cell's text is kept (Enter, Tab, or the user moved on): the typing becomes one undo step. */
    public void commitCellEdit() {
        CellEdit edit = cellEdit;
        cellEdit = null;
        if (edit != null) {
            history.record(edit.before(), TableSnapshot.of(rows));
        }
    }

    /** The cell's typing is dropped (Escape): it gets back the text it had before. */
    public void cancelCellEdit() {
        CellEdit edit = cellEdit;
        cellEdit = null;
        if (edit != null) {
            edit.row().property(edit.field()).set(edit.textBefore());
        }
    }

    /** Takes the table back to before the last edit of this key's tags (Edit → Undo, Ctrl+Z). */
    public void undo() {
        commitCellEdit();
        if (canUndo.get()) {
            history.undo().ifPresent(this::restore);
        }
    }

    /** Makes the last undone edit again (Edit → Redo, Ctrl+Shift+Z or Ctrl+Y). */
    public void redo() {
        commitCellEdit();
        if (canRedo.get()) {
            history.redo().ifPresent(this::restore);
        }
    }

    private void restore(TableSnapshot snapshot) {
        snapshot.restoreInto(rows);
        if (!rows.contains(selectedRow.get())) {
            selectedRow.set(null);
        }
        updateSelectionEdited();
    }

    /** Adds an empty row for a new tag and selects it; answers the row, or null when the key cannot be edited. */
    public TagRowViewModel addTag() {
        if (!editable.get()) {
            return null;
        }
        TagRowViewModel row = TagRowViewModel.added("", "");
        undoable(() -> rows.add(row));
        selectedRow.set(row);
        return row;
    }

    /**
     * Marks the selected row's tag for removal, or restores it when it is marked already. A row the user added
     * has nothing in KMS to remove, so it goes at once.
     */
    public void removeOrRestoreSelected() {
        TagRowViewModel row = selectedRow.get();
        if (!canRemove.get() || row == null) {
            return;
        }
        if (row.originalKey() == null) {
            undoable(() -> rows.remove(row));
            selectedRow.set(null);
        } else {
            undoable(() -> row.setRemoved(!row.removedProperty().get()));
        }
    }

    /**
     * Puts the selected rows back as they were loaded: an added row goes, a removed or changed one is as in KMS.
     * One undo step.
     */
    public void revertSelected() {
        if (!canRevert.get()) {
            return;
        }
        List<TagRowViewModel> reverted = List.copyOf(selectedRows);
        undoable(() -> reverted.forEach(row -> {
            if (row.originalKey() == null) {
                rows.remove(row);
            } else {
                row.revertToLoaded();
            }
        }));
        if (!rows.contains(selectedRow.get())) {
            selectedRow.set(null);
        }
        updateSelectionEdited();
    }

    /** Discards every edit of the key's tags, after asking when more than one row is edited. One undo step. */
    public void revertAll() {
        commitCellEdit();
        if (!canRevertAll.get()) {
            return;
        }
        long edited = rows.stream().filter(TagRowViewModel::isEdited).count();
        if (edited > 1 && !dialogs.confirm(messages.get("revertAll.title"),
                messages.format("revertAll.header", edited, key.get().displayName()),
                messages.get("revertAll.content"), messages.get("revertAll.action"))) {
            return;
        }
        undoable(() -> rows.setAll(loadedRows()));
        selectedRow.set(null);
    }

    private void updateSelectionEdited() {
        selectionEdited.set(selectedRows.stream().anyMatch(row -> rows.contains(row) && row.isEdited()));
    }

    /** The plan that takes the key from its loaded tags to the table's. */
    public TagPlan plan() {
        List<EditedTag> kept = rows.stream().filter(row -> !row.removedProperty().get())
                .map(TagRowViewModel::toEditedTag).toList();
        return TagPlan.between(original, kept);
    }

    /** Shows the plan for review and, once the user chose Apply, commits it in the background. */
    public void review() {
        if (canReview.get()) {
            commit.review(key.get(), TagMerge.Result.unmerged(plan()), List.copyOf(errors), this);
        }
    }

    /**
     * Keeps the table's edits but measures them against {@code now}, what KMS holds after part of a change went
     * through: done calls drop out of the plan, pending ones stay as edits.
     */
    @Override
    public void rebase(Map<String, String> now) {
        List<TagRowViewModel> rebased = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (TagRowViewModel row : rows) {
            if (row.removedProperty().get()) {
                continue;
            }
            String tagKey = row.keyProperty().get();
            String value = row.valueProperty().get();
            kept.add(tagKey);
            rebased.add(now.containsKey(tagKey)
                    ? TagRowViewModel.edited(tagKey, now.get(tagKey), tagKey, value)
                    : TagRowViewModel.added(tagKey, value));
        }
        now.forEach((tagKey, value) -> {
            if (!kept.contains(tagKey)) {
                TagRowViewModel stillToRemove = TagRowViewModel.loaded(tagKey, value);
                stillToRemove.setRemoved(true);
                rebased.add(stillToRemove);
            }
        });
        original = Collections.unmodifiableMap(new LinkedHashMap<>(now));
        selectedRow.set(null);
        forgetEdits();
        rows.setAll(rebased);
    }

    /** Not while tag changes are being written over the connection: says so and answers false. */
    @Override
    public boolean mayReplaceConnection() {
        return commit.mayReplaceConnection() && mayLeave();
    }

    /**
     * While tag changes are being written, takes {@code close} over and runs it once they are written whole (a
     * conflict or a failure keeps the app open, with the edits); answers false then.
     */
    @Override
    public boolean mayClose(Runnable close) {
        return commit.mayClose(close) && mayLeave();
    }

    /**
     * Asks, when there are edits not applied, whether to review them, discard them or stay; answers whether the
     * editor's content may be replaced now. While a commit is written, another key may be shown: its result is
     * reported all the same.
     */
    @Override
    public boolean mayLeave() {
        if (!dirty.get() || commit.committingProperty().get()) {
            return true;
        }
        String name = key.get().displayName();
        UnsavedEditsQuestion question = new UnsavedEditsQuestion(messages.get("unsaved.title"),
                messages.format("unsaved.header", name), messages.get("unsaved.content"));
        switch (dialogs.show(question)) {
            case REVIEW -> {
                review();
                return false;
            }
            case DISCARD -> {
                showTags(original);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private void validate() {
        TagTableCheck.Result result = check.check(rows, tagPolicy.getValue().policy());
        errors.setAll(result.errors());
        warnings.setAll(result.warnings());
        valid.set(result.valid());
        overLimit.set(result.tagCount() > TagRules.MAX_TAGS_PER_KEY);
        dirty.set(rows.stream().anyMatch(TagRowViewModel::isEdited));
        updateSelectionEdited();
        countText.set(loadState.get() != LoadState.LOADED ? ""
                : messages.format("editor.count", result.tagCount(), TagRules.MAX_TAGS_PER_KEY));
    }

    private void updatePlaceholder(String failure) {
        placeholderText.set(switch (loadState.get()) {
            case IDLE -> "";
            case LOADING -> messages.get("editor.loading");
            case FAILED -> failure;
            case LOADED -> readOnlyReason.get().isEmpty() ? messages.get("editor.empty")
                    : messages.get("editor.empty.readOnly");
        });
        validate();
    }

    /** A cell being typed into: which one, its text and the table before the first keystroke. */
    private record CellEdit(TagRowViewModel row, TagRowViewModel.Field field, String textBefore,
                            TableSnapshot before) {
    }

    /** The rows in the order the table shows them, removed ones included. */
    public ObservableList<TagRowViewModel> rows() {
        return rows;
    }

    /** The row the table has selected; Remove and Restore act on it. */
    public ObjectProperty<TagRowViewModel> selectedRowProperty() {
        return selectedRow;
    }

    /** The rows the table has selected, in any order; Revert acts on them. */
    public ObservableList<TagRowViewModel> selectedRows() {
        return selectedRows;
    }

    /** The key whose tags are shown, or null. */
    public ReadOnlyObjectProperty<KeyEntry> keyProperty() {
        return key.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LoadState> loadStateProperty() {
        return loadState.getReadOnlyProperty();
    }

    /** What is wrong with the table, one sentence per broken cell or rule; Apply stays disabled while any is. */
    public ObservableList<String> errors() {
        return readOnlyErrors;
    }

    /** What is unusual but allowed (keys that differ only in case, unusual characters). */
    public ObservableList<String> warnings() {
        return readOnlyWarnings;
    }

    /** "6 of 50 tags", counting the rows that will exist once applied. */
    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    /** Whether the table holds more tags than a key may carry. */
    public ReadOnlyBooleanProperty overLimitProperty() {
        return overLimit.getReadOnlyProperty();
    }

    /** Why the key's tags cannot be changed; empty when they can. */
    public ReadOnlyStringProperty readOnlyReasonProperty() {
        return readOnlyReason.getReadOnlyProperty();
    }

    /** What the table says while it has no rows: loading, what went wrong, or that the key has no tags. */
    public ReadOnlyStringProperty placeholderTextProperty() {
        return placeholderText.getReadOnlyProperty();
    }

    /** What the last commit did, for the status bar: "3 tags changed on alias/payments-prod". */
    public ReadOnlyStringProperty lastResultProperty() {
        return commit.lastResultProperty();
    }

    public ReadOnlyBooleanProperty lastResultIsErrorProperty() {
        return commit.lastResultIsErrorProperty();
    }

    /** Whether the table differs from what KMS held when the edit started. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /** Whether no cell breaks a rule. */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** Whether tag changes are being written. */
    public ReadOnlyBooleanProperty committingProperty() {
        return commit.committingProperty();
    }

    /** Whether tags are being read or written, for progress indicators. */
    public BooleanBinding busyProperty() {
        return busy;
    }

    /** Whether cells may be edited: the tags are loaded, the key is not read-only and no commit runs. */
    public BooleanBinding editableProperty() {
        return editable;
    }

    public BooleanBinding canAddProperty() {
        return editable;
    }

    public BooleanBinding canRemoveProperty() {
        return canRemove;
    }

    /** Whether a selected row has an edit to revert. */
    public BooleanBinding canRevertProperty() {
        return canRevert;
    }

    /** Whether the table has any edit to revert. */
    public BooleanBinding canRevertAllProperty() {
        return canRevertAll;
    }

    public BooleanBinding canUndoProperty() {
        return canUndo;
    }

    public BooleanBinding canRedoProperty() {
        return canRedo;
    }

    public BooleanBinding canReviewProperty() {
        return canReview;
    }

    public BooleanBinding canRetryProperty() {
        return canRetry;
    }
}
