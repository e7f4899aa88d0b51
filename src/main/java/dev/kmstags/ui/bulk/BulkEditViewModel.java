package dev.kmstags.ui.bulk;

import dev.kmstags.domain.KeySummary;
import dev.kmstags.domain.KeyTags;
import dev.kmstags.domain.TagRules;
import dev.kmstags.domain.bulk.BulkEdit;
import dev.kmstags.domain.bulk.BulkOperation;
import dev.kmstags.domain.bulk.BulkPlan;
import dev.kmstags.domain.bulk.BulkProblem;
import dev.kmstags.domain.bulk.BulkSelection;
import dev.kmstags.domain.bulk.KeyPlan;
import dev.kmstags.domain.bulk.TagsOfKeys;
import dev.kmstags.profiles.TagCallQuotaPreferences;
import dev.kmstags.ui.common.AppState;
import dev.kmstags.ui.common.BulkCommitStarter;
import dev.kmstags.ui.common.BulkReviewOpener;
import dev.kmstags.ui.common.DialogService;
import dev.kmstags.ui.common.KeyEntry;
import dev.kmstags.ui.common.LeaveGuard;
import dev.kmstags.ui.common.Messages;
import dev.kmstags.ui.common.TaskExecutor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Tags of N keys": while several keys are selected, the tags of those that can be tagged at a glance, the keys left
 * out and why, and a bulk edit built step by step (set, change, remove, rename, find and replace, merge spelling
 * variants), each step shown as its pending change, undoable and redoable, checked against the tag rules on every
 * key it touches. Review hands the plan, once confirmed, to the {@link BulkCommitStarter}. Pending steps are asked
 * about before the selection or the connection changes or the app closes.
 */
public final class BulkEditViewModel implements LeaveGuard {

    private static final Logger LOG = LoggerFactory.getLogger(BulkEditViewModel.class);
    /** How many made-up keys {@link #prepare()} plans a change of. */
    private static final int SAMPLE_KEYS = 200;
    /** How many key names a value's line shows before "and N more". */
    private static final int NAMES_SHOWN = 5;

    private final Messages messages;
    private final BulkWords words;
    private final DialogService dialogs;
    private final AppState state;
    private final TaskExecutor executor;
    private final BulkReviews reviews;
    private BulkCommitStarter starter;

    private List<KeyEntry> entries = List.of();
    /** The selected keys by ID; replaced, never changed, so that a row's values listed later name the keys it had. */
    private Map<String, KeyEntry> entriesById = Map.of();
    private BulkSelection selection = BulkSelection.ofTags(Map.of());
    private BulkEdit edit = BulkEdit.EMPTY;
    private BulkPlan plan = BulkEdit.EMPTY.plan(selection);
    private final Deque<BulkEdit> undoable = new ArrayDeque<>();
    private final Deque<BulkEdit> redoable = new ArrayDeque<>();
    private boolean rebuildPending;
    /** Counts the plannings started: one made in the background is shown only if no other started since. */
    private long plannings;
    /** Whether the plan shown is of an earlier selection, while the new one is planned in the background. */
    private boolean planPending;
    /** Whether a review is open or about to show. */
    private boolean reviewing;
    private final InvalidationListener tagsArrived = observable -> rebuildSoon();

    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper readingText = new ReadOnlyStringWrapper(this, "readingText", "");
    private final ReadOnlyStringWrapper skippedTitle = new ReadOnlyStringWrapper(this, "skippedTitle", "");
    private final ReadOnlyStringWrapper problemsTitle = new ReadOnlyStringWrapper(this, "problemsTitle", "");
    private final ReadOnlyStringWrapper stepsTitle = new ReadOnlyStringWrapper(this, "stepsTitle", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper matchText = new ReadOnlyStringWrapper(this, "matchText", "");
    private final ReadOnlyStringWrapper caseVariantsText = new ReadOnlyStringWrapper(this, "caseVariantsText", "");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyBooleanWrapper canReview = new ReadOnlyBooleanWrapper(this, "canReview");
    private final ObservableList<BulkTagRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> skipped = FXCollections.observableArrayList();
    private final ObservableList<BulkKeyProblem> problems = FXCollections.observableArrayList();
    private final ObservableList<String> steps = FXCollections.observableArrayList();

    private final StringProperty tagKey = new SimpleStringProperty(this, "tagKey", "");
    private final StringProperty tagValue = new SimpleStringProperty(this, "tagValue", "");
    private final StringProperty newKey = new SimpleStringProperty(this, "newKey", "");
    private final StringProperty find = new SimpleStringProperty(this, "find", "");
    private final StringProperty replacement = new SimpleStringProperty(this, "replacement", "");
    private final BooleanProperty regex = new SimpleBooleanProperty(this, "regex");
    private final StringProperty mergeTarget = new SimpleStringProperty(this, "mergeTarget", "");
    private final StringProperty mergeVariants = new SimpleStringProperty(this, "mergeVariants", "");
    private final BooleanProperty mergeAnyCase = new SimpleBooleanProperty(this, "mergeAnyCase", true);
    private final ObjectProperty<BulkTagRow> selectedRow = new SimpleObjectProperty<>(this, "selectedRow");

    private final BooleanBinding keyUsable;
    private final StringBinding inputProblem;
    private final BooleanBinding canSet;
    private final BooleanBinding canChange;
    private final BooleanBinding canRemove;
    private final BooleanBinding canRename;
    private final BooleanBinding canReplace;
    private final BooleanBinding canMerge;

    /**
     * @param state   the selected keys come from there; the leave guard and the connection go there
     * @param quotas  the account's request quotas, which the review shows and lets the user change
     * @param starter where a reviewed and confirmed plan goes to be committed
     */
    public BulkEditViewModel(Messages messages, DialogService dialogs, AppState state, TaskExecutor executor,
                             TagCallQuotaPreferences quotas, BulkCommitStarter starter) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.words = new BulkWords(messages);
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.state = Objects.requireNonNull(state, "state");
        this.executor = Objects.requireNonNull(executor, "executor");
        setCommitStarter(starter);
        // Through the field: the composition root may hand over the real commit later.
        this.reviews = new BulkReviews(dialogs, state, executor, quotas, messages, new BulkCommitStarter() {
            @Override
            public void start(BulkPlan reviewed) {
                BulkEditViewModel.this.starter.start(reviewed);
            }

            @Override
            public void start(BulkPlan reviewed, boolean accessChanges) {
                BulkEditViewModel.this.starter.start(reviewed, accessChanges);
            }

            @Override
            public Optional<String> regionOf(String key) {
                return BulkEditViewModel.this.starter.regionOf(key);
            }
        });
        keyUsable = Bindings.createBooleanBinding(
                () -> active.get() && TagRules.checkKey(tagKey.get()).isEmpty(), active, tagKey);
        BooleanBinding valueUsable = Bindings.createBooleanBinding(
                () -> TagRules.checkValue(tagValue.get()).isEmpty(), tagValue);
        canSet = keyUsable.and(valueUsable);
        inputProblem = Bindings.createStringBinding(() -> TagRules.checkKey(tagKey.get())
                .filter(rule -> !tagKey.get().isEmpty())
                .or(() -> TagRules.checkValue(tagValue.get()))
                .map(rule -> messages.format("editor.error." + rule.name(), TagRules.length(
                        rule.name().startsWith("KEY") ? tagKey.get() : tagValue.get())))
                .orElse(""), tagKey, tagValue);
        canChange = canSet;
        canRemove = keyUsable;
        canRename = keyUsable.and(Bindings.createBooleanBinding(() -> TagRules.checkKey(newKey.get()).isEmpty()
                && !newKey.get().equals(tagKey.get()), newKey, tagKey));
        canReplace = active.and(find.isNotEmpty());
        canMerge = Bindings.createBooleanBinding(() -> active.get()
                && TagRules.checkKey(mergeTarget.get()).isEmpty()
                && (mergeAnyCase.get() || !variants().isEmpty()), active, mergeTarget, mergeVariants, mergeAnyCase);
        for (var input : List.of(find, replacement)) {
            input.addListener(observable -> countMatches());
        }
        regex.addListener(observable -> countMatches());
        selectedRow.addListener((observable, old, row) -> {
            if (row != null) {
                tagKey.set(row.key());
                mergeTarget.set(row.key());
            }
        });
        state.selectedKeys().addListener((ListChangeListener<KeyEntry>) change -> selectionChanged());
        state.addLeaveGuard(this);
        selectionChanged();
    }

    /** Where reviewed plans go from now on: the composition root hands over the real commit once it exists. */
    public void setCommitStarter(BulkCommitStarter commitStarter) {
        this.starter = Objects.requireNonNull(commitStarter, "commitStarter");
    }

    private void selectionChanged() {
        entries.forEach(entry -> entry.keyTagsProperty().removeListener(tagsArrived));
        entries = List.copyOf(state.selectedKeys());
        Map<String, KeyEntry> byId = new HashMap<>();
        entries.forEach(entry -> byId.put(entry.id(), entry));
        entriesById = byId;
        if (entries.size() > 1) {
            // Tags may still be read (a Ctrl+A right after the keys arrived): they join as they come.
            entries.forEach(entry -> entry.keyTagsProperty().addListener(tagsArrived));
        }
        edit = BulkEdit.EMPTY;
        undoable.clear();
        redoable.clear();
        // In a turn of the UI thread of its own: selecting 1,000 keys and planning over them in one would hold it
        // too long.
        rebuildSoon();
    }

    /**
     * Tags arrive for many keys in one go: the table is built again once, after them (and after the selection). Two
     * turns later, so that what reached the UI thread while the selection held it (the user's input, the layout
     * and drawing of the selection) is handled first: selecting 1,000 keys takes a turn of its own already.
     */
    private void rebuildSoon() {
        if (!rebuildPending) {
            rebuildPending = true;
            executor.runOnUiThread(() -> executor.runOnUiThread(() -> {
                rebuildPending = false;
                rebuild();
            }));
        }
    }

    private void rebuild() {
        active.set(entries.size() > 1);
        List<KeySummary> known = new ArrayList<>();
        Map<String, KeyTags> tags = new HashMap<>();
        int reading = 0;
        if (active.get()) {
            for (KeyEntry entry : entries) {
                KeyTags keyTags = entry.keyTagsProperty().get();
                if (keyTags != null) {
                    tags.put(entry.id(), keyTags);
                    known.add(entry.key());
                } else if (entry.key().tagEditingBlockedBy().isPresent()) {
                    known.add(entry.key());
                } else {
                    reading++;
                }
            }
        }
        selection = BulkSelection.of(known, tags);
        readingText.set(reading == 0 ? "" : messages.format("bulk.reading", reading));
        title.set(messages.format("bulk.title", selection.editable().size()));
        skipped.setAll(selection.skipped().entrySet().stream()
                .map(entry -> words.line(name(entry.getKey()), words.reason(entry.getValue()))).toList());
        skippedTitle.set(skipped.isEmpty() ? "" : messages.format("bulk.skipped.title", skipped.size()));
        replan();
    }

    /**
     * Plans the edit over the selection and shows it: beside the UI thread when several keys are selected, since
     * planning over 1,000 keys would hold it too long (with the code not yet compiled, the first time). Until the
     * plan arrives it cannot be reviewed; a step, an undo or another selection meanwhile plans anew, and this
     * planning is dropped. The steps themselves are taken at once: only what shows of them waits for the plan.
     */
    private void replan() {
        if (active.get()) {
            planInBackground();
        } else {
            planNow();
        }
    }

    private void planInBackground() {
        long planning = ++plannings;
        BulkEdit planned = edit;
        BulkSelection over = selection;
        planPending = true;
        updateCanReview();
        executor.execute(() -> PlannedEdit.of(planned, over), done -> {
            if (planning == plannings) {
                show(done);
            }
        }, failure -> {
            LOG.error("Planning the bulk edit failed", failure);
            if (planning == plannings) {
                planNow();
            }
        });
    }

    /** Plans the edit over the selection on this thread and shows it. */
    private void planNow() {
        plannings++;
        show(PlannedEdit.of(edit, selection));
    }

    /** Shows a planned edit: the rows, the problems, the steps. */
    private void show(PlannedEdit planned) {
        plan = planned.plan();
        planPending = false;
        showRows(planned.before(), planned.after());
        List<BulkKeyProblem> found = new ArrayList<>();
        plan.operationProblems().forEach(problem -> found.add(new BulkKeyProblem("",
                words.problem(problem, 0), "", List.of())));
        for (KeyPlan keyPlan : plan.withProblems()) {
            int tagCount = keyPlan.plan().target().size();
            for (BulkProblem problem : keyPlan.problems()) {
                String text = words.line(name(keyPlan.keyId()), words.problem(problem, tagCount));
                found.add(problem instanceof BulkProblem.VariantClash clash
                        ? new BulkKeyProblem(keyPlan.keyId(), text, clash.target(), BulkWords.values(clash.variants()))
                        : new BulkKeyProblem(keyPlan.keyId(), text, "", List.of()));
            }
        }
        problems.setAll(found);
        problemsTitle.set(plan.withProblems().isEmpty() ? ""
                : messages.format("bulk.problems.title", plan.withProblems().size()));
        steps.setAll(edit.operations().stream().map(words::step).toList());
        stepsTitle.set(messages.format("bulk.steps.title", steps.size()));
        summary.set(steps.isEmpty() ? messages.get("bulk.summary.none")
                : messages.format("bulk.summary", steps.size(), plan.ready().size()));
        canUndo.set(!undoable.isEmpty());
        canRedo.set(!redoable.isEmpty());
        updateCanReview();
        var variants = planned.after().caseVariants();
        caseVariantsText.set(variants.isEmpty() ? messages.get("bulk.caseVariants.none")
                : messages.format("bulk.caseVariants", String.join(", ", variants)));
        countMatches();
    }

    private void showRows(TagsOfKeys before, TagsOfKeys after) {
        Map<String, TagsOfKeys.Row> afterRows = new LinkedHashMap<>();
        after.rows().forEach(row -> afterRows.put(row.key(), row));
        List<BulkTagRow> shown = new ArrayList<>();
        for (TagsOfKeys.Row row : before.rows()) {
            TagsOfKeys.Row then = afterRows.remove(row.key());
            if (then == null) {
                shown.add(row(row, BulkTagRow.Change.REMOVED, messages.format("bulk.pending.removed", row.on())));
            } else if (!then.values().equals(row.values())) {
                shown.add(row(row, BulkTagRow.Change.CHANGED,
                        messages.format("bulk.pending.changed", then.on(), then.of(), valueText(then))));
            } else {
                shown.add(row(row, BulkTagRow.Change.NONE, ""));
            }
        }
        for (TagsOfKeys.Row added : afterRows.values()) {
            shown.add(new BulkTagRow(added.key(), "", "", values(added), BulkTagRow.Change.ADDED,
                    messages.format("bulk.pending.added", added.on(), added.of(), valueText(added))));
        }
        // What the pending steps change comes first, so it shows without scrolling through many keys' tags.
        shown.sort(Comparator.comparing(row -> row.change() == BulkTagRow.Change.NONE));
        rows.setAll(shown);
    }

    private BulkTagRow row(TagsOfKeys.Row row, BulkTagRow.Change change, String pending) {
        return new BulkTagRow(row.key(), messages.format("bulk.on", row.on(), row.of()), valueText(row), values(row),
                change, pending);
    }

    private String valueText(TagsOfKeys.Row row) {
        return row.singleValue().map(words::value).orElseGet(() -> messages.format("bulk.values",
                row.distinctValues()));
    }

    /**
     * Each value with the keys that have it; only for a tag key with several values, which the row expands. Listed when
     * the row is first expanded, with the names of the keys selected now.
     */
    private BulkTagRow.ValuesOnKeys values(TagsOfKeys.Row row) {
        if (row.distinctValues() < 2) {
            return BulkTagRow.ValuesOnKeys.NONE;
        }
        Map<String, KeyEntry> selected = entriesById;
        return BulkTagRow.ValuesOnKeys.later(() -> row.values().entrySet().stream().map(entry ->
                new BulkTagRow.ValueOnKeys(messages.format("bulk.valueOn", words.value(entry.getKey()),
                        entry.getValue().size()), words.names(entry.getValue().stream()
                        .map(keyId -> name(selected, keyId)).toList(), NAMES_SHOWN))).toList());
    }

    private String name(String keyId) {
        return name(entriesById, keyId);
    }

    private static String name(Map<String, KeyEntry> entries, String keyId) {
        KeyEntry entry = entries.get(keyId);
        return entry == null ? keyId : entry.displayName();
    }

    private void countMatches() {
        if (find.get().isEmpty() || !active.get()) {
            matchText.set("");
            return;
        }
        BulkOperation.ReplaceInValues replace = replaceStep();
        var invalid = replace.patternProblem();
        if (invalid.isPresent()) {
            matchText.set(messages.format("bulk.matches.invalid", invalid.get().reason()));
            return;
        }
        BulkEdit tried = edit.then(replace);
        matchText.set(messages.format("bulk.matches", tried.plan(selection).matchCount(tried.operations().size() - 1)));
    }

    private BulkOperation.ReplaceInValues replaceStep() {
        return new BulkOperation.ReplaceInValues(find.get(), replacement.get(), regex.get());
    }

    private List<String> variants() {
        return Arrays.stream(mergeVariants.get().split(",")).map(String::strip).filter(v -> !v.isEmpty())
                .distinct().toList();
    }

    private void apply(BulkEdit next) {
        undoable.push(edit);
        redoable.clear();
        edit = next;
        replan();
    }

    /** Sets the tag key and value entered on every key: added where missing, overwritten where different. */
    public void setTag() {
        if (canSet.get()) {
            apply(edit.then(new BulkOperation.SetTag(tagKey.get(), tagValue.get())));
        }
    }

    /** Gives the tag key entered the value entered, on the keys that have it. */
    public void changeValue() {
        if (canChange.get()) {
            apply(edit.then(new BulkOperation.ChangeValue(tagKey.get(), tagValue.get())));
        }
    }

    /** Removes the tag key entered from every key that has it. */
    public void removeTag() {
        if (canRemove.get()) {
            apply(edit.then(new BulkOperation.RemoveTag(tagKey.get())));
        }
    }

    /** Renames the tag key entered to the new key, value kept, on every key that has it. */
    public void renameTag() {
        if (canRename.get()) {
            apply(edit.then(new BulkOperation.RenameKey(tagKey.get(), newKey.get())));
        }
    }

    /** Replaces what was entered to find with the replacement in every value. */
    public void replaceInValues() {
        if (canReplace.get()) {
            apply(edit.then(replaceStep()));
        }
    }

    /** Merges the variants entered (and, if asked, every letter-case variant) into the target key. */
    public void mergeVariants() {
        if (canMerge.get()) {
            apply(edit.then(new BulkOperation.MergeVariants(mergeTarget.get(), new LinkedHashSet<>(
                    variants()), mergeAnyCase.get(), Map.of())));
        }
    }

    /**
     * Settles a clash of spelling variants on one key: the last merge into the clash's tag key keeps {@code value}
     * there. Undoable as a step is.
     */
    public void chooseVariantValue(BulkKeyProblem clash, String value) {
        List<BulkOperation> operations = edit.operations();
        for (int index = operations.size() - 1; index >= 0; index--) {
            if (operations.get(index) instanceof BulkOperation.MergeVariants merge
                    && merge.target().equals(clash.target())) {
                apply(edit.replace(index, merge.withChoice(clash.keyId(), value)));
                return;
            }
        }
    }

    /** The words of the button that keeps {@code value} for a key whose variants clash. */
    public String choiceText(String value) {
        return messages.format("bulk.choose", words.value(value));
    }

    public void undo() {
        if (!undoable.isEmpty()) {
            redoable.push(edit);
            edit = undoable.pop();
            replan();
        }
    }

    public void redo() {
        if (!redoable.isEmpty()) {
            undoable.push(edit);
            edit = redoable.pop();
            replan();
        }
    }

    /**
     * Shows the review of the plan and, once the user confirmed it, hands the plan to the commit; the steps are done
     * with then.
     */
    public void review() {
        if (!canReview.get()) {
            return;
        }
        Map<String, BulkReviewOpener.Key> keys = new LinkedHashMap<>();
        entries.forEach(entry -> keys.putIfAbsent(entry.id(),
                new BulkReviewOpener.Key(entry.displayName(), entry.arn())));
        // The review may show a moment later: a second Review meanwhile would open a second one.
        reviewing = true;
        updateCanReview();
        reviews.open(plan, keys, applied -> {
            reviewing = false;
            if (applied) {
                discard();
            }
            updateCanReview();
        });
    }

    /**
     * Gets the bulk edit ready in idle time, so that the first time the user selects several keys and reviews a
     * change does not load and compile their code while they wait: plans a made-up change of made-up keys in the
     * background (a few times), then gets the review of it ready without showing it ({@link DialogService#prepare}).
     * Changes nothing here, remembers nothing, shows nothing and sends nothing.
     */
    public void prepare() {
        executor.execute(() -> SampleBulkEdit.of(SAMPLE_KEYS),
                sample -> reviews.prepare(sample.plan(), sample.names()),
                failure -> LOG.warn("Getting the bulk edit ready failed; it is made when first used", failure));
    }

    private void updateCanReview() {
        canReview.set(active.get() && !planPending && !plan.ready().isEmpty() && !reviewing);
    }

    private void discard() {
        edit = BulkEdit.EMPTY;
        undoable.clear();
        redoable.clear();
        replan();
    }

    /** Pending steps are asked about: discard them and go on, or stay. */
    @Override
    public boolean mayLeave() {
        if (edit.operations().isEmpty()) {
            return true;
        }
        boolean discardThem = dialogs.confirm(messages.get("bulk.leave.title"),
                messages.format("bulk.leave.header", edit.operations().size(), selection.editable().size()),
                messages.get("bulk.leave.content"), messages.get("bulk.leave.discard"));
        if (discardThem) {
            discard();
        }
        return discardThem;
    }

    /** The plan of the pending steps over the keys selected, as the review shows it. */
    public BulkPlan plan() {
        return plan;
    }

    /** Whether several keys are selected, so the panel shows them instead of one key. */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    /** "Tags of 40 keys": the keys that can be tagged. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** What the review of the plan reads before it opens: the account's IAM policies, for the access check. */
    public ReadOnlyStringProperty reviewReadingProperty() {
        return reviews.readingProperty();
    }

    /** That some keys' tags are still being read; empty once all are. */
    public ReadOnlyStringProperty readingTextProperty() {
        return readingText.getReadOnlyProperty();
    }

    /** One row per tag key found on any key that can be tagged, with its pending change. */
    public ObservableList<BulkTagRow> rows() {
        return rows;
    }

    /** The keys left out, each with why: "alias/aws/s3: AWS manages this key…". */
    public ObservableList<String> skipped() {
        return skipped;
    }

    public ReadOnlyStringProperty skippedTitleProperty() {
        return skippedTitle.getReadOnlyProperty();
    }

    /** What keeps keys from being written, key by key; clashing variants offer their values to choose from. */
    public ObservableList<BulkKeyProblem> problems() {
        return problems;
    }

    public ReadOnlyStringProperty problemsTitleProperty() {
        return problemsTitle.getReadOnlyProperty();
    }

    /** The pending steps in words, in order. */
    public ObservableList<String> steps() {
        return steps;
    }

    public ReadOnlyStringProperty stepsTitleProperty() {
        return stepsTitle.getReadOnlyProperty();
    }

    /** "3 pending changes: 38 keys change". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The live count of what Find matches in the values after the pending steps; empty while Find is. */
    public ReadOnlyStringProperty matchTextProperty() {
        return matchText.getReadOnlyProperty();
    }

    /** The tag keys that differ only in letter case, as candidates for a merge. */
    public ReadOnlyStringProperty caseVariantsTextProperty() {
        return caseVariantsText.getReadOnlyProperty();
    }

    /** The row the user picked in the table: its key becomes the tag key to work on. */
    public ObjectProperty<BulkTagRow> selectedRowProperty() {
        return selectedRow;
    }

    public StringProperty tagKeyProperty() {
        return tagKey;
    }

    public StringProperty tagValueProperty() {
        return tagValue;
    }

    public StringProperty newKeyProperty() {
        return newKey;
    }

    public StringProperty findProperty() {
        return find;
    }

    public StringProperty replacementProperty() {
        return replacement;
    }

    public BooleanProperty regexProperty() {
        return regex;
    }

    public StringProperty mergeTargetProperty() {
        return mergeTarget;
    }

    /** The variants to merge, comma separated. */
    public StringProperty mergeVariantsProperty() {
        return mergeVariants;
    }

    public BooleanProperty mergeAnyCaseProperty() {
        return mergeAnyCase;
    }

    /** Why the tag key or value entered cannot be used, in the tag editor's words; empty when they can. */
    public StringBinding inputProblemProperty() {
        return inputProblem;
    }

    public BooleanBinding canSetProperty() {
        return canSet;
    }

    public BooleanBinding canChangeProperty() {
        return canChange;
    }

    public BooleanBinding canRemoveProperty() {
        return canRemove;
    }

    public BooleanBinding canRenameProperty() {
        return canRename;
    }

    public BooleanBinding canReplaceProperty() {
        return canReplace;
    }

    public BooleanBinding canMergeProperty() {
        return canMerge;
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** Whether some key changes without a problem, so there is something to review. */
    public ReadOnlyBooleanProperty canReviewProperty() {
        return canReview.getReadOnlyProperty();
    }
}
