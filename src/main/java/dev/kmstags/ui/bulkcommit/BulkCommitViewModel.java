package dev.kmstags.ui.bulkcommit;

import dev.kmstags.domain.TagMerge;
import dev.kmstags.domain.TagPlan;
import dev.kmstags.domain.bulk.BulkPlan;
import dev.kmstags.kms.bulk.BulkProgress;
import dev.kmstags.kms.bulk.BulkResult;
import dev.kmstags.kms.bulk.BulkTagWriter;
import dev.kmstags.kms.bulk.KeyResult;
import dev.kmstags.ui.common.AppState;
import dev.kmstags.ui.common.BulkCommitStarter;
import dev.kmstags.ui.common.DialogService;
import dev.kmstags.ui.common.KeyEntry;
import dev.kmstags.ui.common.LeaveGuard;
import dev.kmstags.ui.common.ListedKeys;
import dev.kmstags.ui.common.Messages;
import dev.kmstags.ui.common.TaskExecutor;
import dev.kmstags.ui.conflict.ConflictViewModel;
import dev.kmstags.ui.review.AccessSection;
import dev.kmstags.ui.review.ReviewViewModel;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bulk commit the user reviewed and confirmed, while it runs and once it ended: keys done of the total, the rate
 * and the time left; Cancel, which starts no new key and lets the keys under way finish; then each key's outcome
 * (written, conflict, failed with KMS's sentence, only the untag through, not started), a conflict opened in the
 * conflict view, and "Retry the failed keys". The key list is told the tags KMS holds now for the keys the commit
 * read or wrote, so it shows them without loading again. Closing the app or replacing the connection while keys are
 * written asks first.
 *
 * <p>Later runs of the same commit (a retry, a merged conflict) update the outcomes of their keys in place.
 */
public final class BulkCommitViewModel implements BulkCommitStarter, LeaveGuard {

    private static final Logger LOG = LoggerFactory.getLogger(BulkCommitViewModel.class);
    private static final Comparator<KeyOutcome> PROBLEMS_FIRST = Comparator.comparing(KeyOutcome::kind);

    private final TaskExecutor executor;
    private final Messages messages;
    private final DialogService dialogs;
    private final AppState state;
    private final BulkCommits commits;
    private final ListedKeys keyList;
    private final LongSupplier clock;
    private final OutcomeTexts texts;

    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(this, "shown");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper cancelling = new ReadOnlyBooleanWrapper(this, "cancelling");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(this, "headline", "");
    private final ReadOnlyStringWrapper doneText = new ReadOnlyStringWrapper(this, "doneText", "");
    private final ReadOnlyStringWrapper rateText = new ReadOnlyStringWrapper(this, "rateText", "");
    private final ReadOnlyStringWrapper remainingText = new ReadOnlyStringWrapper(this, "remainingText", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyIntegerWrapper throttles = new ReadOnlyIntegerWrapper(this, "throttles");
    private final ReadOnlyIntegerWrapper toRetry = new ReadOnlyIntegerWrapper(this, "toRetry");
    private final ReadOnlyStringWrapper retryText = new ReadOnlyStringWrapper(this, "retryText", "");
    private final ObservableList<KeyOutcome> outcomes = FXCollections.observableArrayList();
    private final ObservableList<KeyOutcome> readOnlyOutcomes = FXCollections.unmodifiableObservableList(outcomes);
    private final BooleanBinding canCancel = running.and(cancelling.not());
    private final BooleanBinding canRetry = running.not().and(Bindings.greaterThan(toRetry, 0));
    private final BooleanBinding canDismiss = shown.and(running.not());

    /** Every key of this commit: its latest plan, and its latest result once it has one. */
    private final Map<String, TagPlan> plans = new LinkedHashMap<>();
    private final Map<String, KeyResult> results = new LinkedHashMap<>();
    /** The keys as the user selected them, for their names; a key not among them is named by its ID. */
    private final Map<String, KeyEntry> entries = new HashMap<>();
    /** The run under way; null before it was handed over, and once it ended. */
    private BulkTagWriter.Run run;
    private boolean cancelRequested;
    private int runTotal;
    private int runDone;
    private long runStarted;
    /** The services the commit's keys belong to: the key list is only told while it still shows them. */
    private Object servicesOfCommit;
    /** Whether the review of this commit found access that changes through the tags. */
    private boolean accessMayChange;
    /** Closes the app once the run under way ended; null when closing waits for nothing. */
    private Runnable closeWhenEnded;

    /**
     * @param commits where the plans are written
     * @param keyList told the tags KMS holds now for keys the commit read or wrote, on the UI thread, so it shows
     *                them without loading again; and asked for the names of keys that were not selected
     */
    public BulkCommitViewModel(TaskExecutor executor, Messages messages, DialogService dialogs, AppState state,
                               BulkCommits commits, ListedKeys keyList) {
        this(executor, messages, dialogs, state, commits, keyList, System::nanoTime);
    }

    /** As the public constructor, on {@code clock} (nanoseconds) for the rate. */
    BulkCommitViewModel(TaskExecutor executor, Messages messages, DialogService dialogs, AppState state,
                        BulkCommits commits, ListedKeys keyList,
                        LongSupplier clock) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.state = Objects.requireNonNull(state, "state");
        this.commits = Objects.requireNonNull(commits, "commits");
        this.keyList = Objects.requireNonNull(keyList, "keyList");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.texts = new OutcomeTexts(messages);
        state.addLeaveGuard(this);
    }

    @Override
    public Optional<String> regionOf(String key) {
        return commits.regionOf(key);
    }

    /** Commits the keys of {@code reviewed} that are ready; refused while another bulk commit runs. */
    @Override
    public void start(BulkPlan reviewed) {
        start(reviewed, false);
    }

    /**
     * As {@link #start(BulkPlan)}; when {@code accessChanges}, the result adds that authorization may take up to five
     * minutes to follow the new tags.
     */
    @Override
    public void start(BulkPlan reviewed, boolean accessChanges) {
        if (running.get()) {
            dialogs.showInformation(messages.get("bulkCommit.title"), messages.get("bulkCommit.busy.header"),
                    messages.get("bulkCommit.busy.content"));
            return;
        }
        plans.clear();
        results.clear();
        outcomes.clear();
        throttles.set(0);
        setToRetry(0);
        entries.clear();
        state.selectedKeys().forEach(key -> entries.put(key.id(), key));
        servicesOfCommit = state.servicesProperty().get();
        accessMayChange = accessChanges;
        launch(reviewed.ready());
    }

    /** Starts a run of {@code toWrite}, part of this commit. */
    private void launch(Map<String, TagPlan> toWrite) {
        Map<String, TagPlan> runPlans = new LinkedHashMap<>(toWrite);
        plans.putAll(runPlans);
        runTotal = runPlans.size();
        runDone = 0;
        runStarted = clock.getAsLong();
        cancelRequested = false;
        cancelling.set(false);
        running.set(true);
        shown.set(true);
        progress.set(0);
        headline.set(messages.format("bulkCommit.headline.running", runTotal));
        doneText.set(messages.format("bulkCommit.done", 0, runTotal));
        rateText.set("");
        remainingText.set(remaining(estimate(runPlans)));
        BulkTagWriter.Listener listener = new BulkTagWriter.Listener() {
            @Override
            public void progress(BulkProgress now) {
                executor.runOnUiThread(() -> progressed(now));
            }
        };
        executor.execute(() -> commits.start(runPlans, listener), this::started, failure -> {
            LOG.error("A bulk commit could not start", failure);
            ended(null, failure);
        });
    }

    /**
     * How long {@code runPlans} take at the quotas, before any progress says: KMS counts its quotas per region and
     * the regions are written side by side, so it is the slowest region's time.
     */
    private Duration estimate(Map<String, TagPlan> runPlans) {
        Map<String, int[]> untagAndTagCallsByRegion = new HashMap<>();
        runPlans.forEach((key, plan) -> {
            int[] calls = untagAndTagCallsByRegion.computeIfAbsent(commits.regionOf(key).orElse(""), r -> new int[2]);
            calls[0] += plan.keysToUntag().isEmpty() ? 0 : 1;
            calls[1] += plan.tagsToSet().isEmpty() ? 0 : 1;
        });
        return untagAndTagCallsByRegion.values().stream()
                .map(calls -> commits.quotas().timeFor(calls[0], calls[1]))
                .max(Comparator.naturalOrder()).orElse(Duration.ZERO);
    }

    private void started(BulkTagWriter.Run started) {
        run = started;
        if (cancelRequested) {
            started.cancel();
        }
        started.result().whenComplete((result, failure) -> executor.runOnUiThread(() -> ended(result, failure)));
    }

    /** Progress comes from several threads: a report may overtake a later one, so only the furthest counts. */
    private void progressed(BulkProgress now) {
        if (!running.get() || now.done() < runDone) {
            return;
        }
        runDone = now.done();
        progress.set(runTotal == 0 ? 1 : (double) runDone / runTotal);
        doneText.set(messages.format("bulkCommit.done", runDone, runTotal));
        double seconds = (clock.getAsLong() - runStarted) / 1e9;
        rateText.set(seconds > 0 ? messages.format("bulkCommit.rate", runDone / seconds) : "");
        remainingText.set(cancelling.get() ? "" : remaining(now.remaining()));
    }

    private String remaining(Duration left) {
        long seconds = Math.round(left.toMillis() / 1000.0);
        if (seconds >= 120) {
            return messages.format("bulkCommit.remaining.minutes", (seconds + 59) / 60);
        }
        return seconds == 0 ? "" : messages.format("bulkCommit.remaining.seconds", seconds);
    }

    /** Starts no new key; the keys under way are finished, and the result says exactly which were written. */
    public void cancel() {
        if (!canCancel.get()) {
            return;
        }
        cancelRequested = true;
        cancelling.set(true);
        headline.set(messages.get("bulkCommit.headline.cancelling"));
        remainingText.set("");
        if (run != null) {
            run.cancel();
        }
    }

    private void ended(BulkResult result, Throwable failure) {
        run = null;
        running.set(false);
        boolean cancelled = cancelling.get();
        cancelling.set(false);
        remainingText.set("");
        if (failure != null) {
            headline.set(messages.format("bulkCommit.headline.failedToStart", describe(failure)));
            runClose(false);
            return;
        }
        results.putAll(result.keys());
        throttles.set(throttles.get() + result.throttles());
        progress.set(1);
        showOutcomes();
        // The headline goes last: once it says the commit ended, the outcomes and their summary are shown.
        long written = result.keys().values().stream().filter(KeyResult::written).count();
        String ended = messages.format(cancelled ? "bulkCommit.headline.cancelled" : "bulkCommit.headline.ended",
                written, result.keys().size());
        // AWS: tag changes may take up to five minutes to affect authorization to the keys.
        headline.set(accessMayChange && written > 0
                ? messages.format("access.result.delay", ended, AccessSection.words(messages).delay()) : ended);
        if (state.servicesProperty().get() == servicesOfCommit) {
            keyList.showTagsNow(tagsNow(result));
        }
        runClose(true);
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    /** What KMS holds now, as far as the commit learned it: keys written, in conflict, or failed after a read. */
    private static Map<String, Map<String, String>> tagsNow(BulkResult result) {
        Map<String, Map<String, String>> now = new LinkedHashMap<>();
        result.keys().forEach((keyId, keyResult) -> {
            if (keyResult instanceof KeyResult.Applied applied) {
                now.put(keyId, applied.tagsNow());
            } else if (keyResult instanceof KeyResult.Partial partial) {
                now.put(keyId, partial.tagsNow());
            } else if (keyResult instanceof KeyResult.Conflict conflict) {
                now.put(keyId, conflict.theirs());
            } else if (keyResult instanceof KeyResult.Failed failed && failed.tagsNow() != null) {
                now.put(keyId, failed.tagsNow());
            }
        });
        return now;
    }

    private void showOutcomes() {
        List<KeyOutcome> rows = results.entrySet().stream()
                .map(entry -> texts.of(entry.getKey(), nameOf(entry.getKey()), entry.getValue(),
                        plans.get(entry.getKey())))
                .sorted(PROBLEMS_FIRST).toList();
        outcomes.setAll(rows);
        setToRetry((int) rows.stream().filter(row -> row.kind().retried()).count());
        Map<KeyOutcome.Kind, Long> counts = new LinkedHashMap<>();
        rows.forEach(row -> counts.merge(row.kind(), 1L, Long::sum));
        String counted = String.join(messages.get("bulkCommit.summary.separator"), counts.entrySet().stream()
                .map(count -> messages.format("bulkCommit.count." + count.getKey().name(), count.getValue()))
                .toList());
        summary.set(throttles.get() == 0 ? counted
                : counted + messages.get("bulkCommit.summary.separator")
                        + messages.format("bulkCommit.throttled", throttles.get()));
    }

    private void setToRetry(int keys) {
        toRetry.set(keys);
        retryText.set(messages.format("bulkCommit.retry", keys));
    }

    private String nameOf(String keyId) {
        return entryOf(keyId).map(KeyEntry::displayName).orElse(keyId);
    }

    /** The key as selected when the commit started, else as the key list shows it (an import selects none). */
    private Optional<KeyEntry> entryOf(String keyId) {
        KeyEntry selected = entries.get(keyId);
        return selected != null ? Optional.of(selected) : keyList.entry(keyId);
    }

    /** Writes again the keys that failed, and the pending TagResource of those where only the untag went through. */
    public void retryFailed() {
        if (!canRetry.get()) {
            return;
        }
        Map<String, KeyResult> failed = new LinkedHashMap<>();
        results.forEach((keyId, result) -> {
            if (OutcomeTexts.kindOf(result).retried()) {
                failed.put(keyId, result);
            }
        });
        launch(new BulkResult(failed, 0).retryPlans(plans));
    }

    /** Whether {@code outcome}'s key can be opened in the conflict view now. */
    public boolean canOpenConflict(KeyOutcome outcome) {
        return outcome != null && outcome.kind() == KeyOutcome.Kind.CONFLICT && !running.get();
    }

    /**
     * Shows the conflict of {@code outcome}'s key: as it was loaded, as KMS holds it now and as the edit had it.
     * When the user reviews the merge of their choices and applies it, it is written as part of this commit.
     */
    public void openConflict(KeyOutcome outcome) {
        if (!canOpenConflict(outcome) || !(results.get(outcome.keyId()) instanceof KeyResult.Conflict conflict)) {
            return;
        }
        String keyId = outcome.keyId();
        ConflictViewModel view = new ConflictViewModel(outcome.name(), TagMerge.of(plans.get(keyId),
                conflict.theirs()), messages);
        if (dialogs.show(view) != ConflictViewModel.Choice.REVIEW_MERGE) {
            return;
        }
        TagMerge.Result merged = view.merged();
        if (merged.plan().isEmpty()) {
            dialogs.showInformation(messages.get("bulkCommit.title"),
                    messages.format("editor.result.nothingLeft", outcome.name()), "");
            return;
        }
        List<String> aliases = entryOf(keyId).map(entry -> entry.key().aliases()).orElse(List.of());
        List<String> problems = merged.plan().violations().isEmpty() ? List.of()
                : List.of(messages.get("bulkCommit.merge.breaksRules"));
        ReviewViewModel review = new ReviewViewModel(merged, keyId, outcome.name(),
                aliases, state.connectionTextProperty().get(), problems,
                state.productionProperty().get(), messages);
        if (dialogs.show(review)) {
            launch(Map.of(keyId, merged.plan()));
        }
    }

    /** Hides the result once the commit ended. */
    public void dismiss() {
        if (!canDismiss.get()) {
            return;
        }
        shown.set(false);
        outcomes.clear();
        plans.clear();
        results.clear();
        setToRetry(0);
    }

    /** A bulk commit never holds the selection: the user may look at other keys meanwhile. */
    @Override
    public boolean mayLeave() {
        return true;
    }

    /**
     * While keys are written, asks whether to cancel the commit. The keys under way finish on the commit's own
     * client, so the connection may be replaced at once; the key list of the new one is left alone.
     */
    @Override
    public boolean mayReplaceConnection() {
        if (!running.get()) {
            return true;
        }
        if (!dialogs.confirm(messages.get("bulkCommit.title"), messages.get("bulkCommit.leave.connection.header"),
                leaveContent(), messages.get("bulkCommit.leave.connection.action"))) {
            return false;
        }
        cancel();
        return true;
    }

    /**
     * While keys are written, asks whether to cancel the commit and close; if so, takes {@code close} over and
     * runs it once the keys under way are finished (seconds at most), and answers false until then.
     */
    @Override
    public boolean mayClose(Runnable close) {
        if (!running.get()) {
            return true;
        }
        if (dialogs.confirm(messages.get("bulkCommit.title"), messages.get("bulkCommit.leave.close.header"),
                leaveContent(), messages.get("bulkCommit.leave.close.action"))) {
            closeWhenEnded = Objects.requireNonNull(close, "close");
            cancel();
        }
        return false;
    }

    private String leaveContent() {
        return messages.format("bulkCommit.leave.content", runDone, runTotal);
    }

    private void runClose(boolean ended) {
        Runnable close = closeWhenEnded;
        closeWhenEnded = null;
        if (close != null && ended) {
            close.run();
        }
    }

    /** Whether the panel shows a commit, running or ended. */
    public ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** Whether keys are being written. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Whether Cancel was chosen and the keys under way are being finished. */
    public ReadOnlyBooleanProperty cancellingProperty() {
        return cancelling.getReadOnlyProperty();
    }

    /** From 0 to 1: the keys done of the run's total. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "Writing the tags of 40 keys…", "Cancelled: 12 of 40 keys written"... */
    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /** "12 of 40 keys done". */
    public ReadOnlyStringProperty doneTextProperty() {
        return doneText.getReadOnlyProperty();
    }

    /** "9.8 keys a second", measured since the run started; empty before the first key is done. */
    public ReadOnlyStringProperty rateTextProperty() {
        return rateText.getReadOnlyProperty();
    }

    /** "About 30 s left", at the rates KMS allows now; empty once nothing is left or the run was cancelled. */
    public ReadOnlyStringProperty remainingTextProperty() {
        return remainingText.getReadOnlyProperty();
    }

    /** The outcomes counted: "37 written · 1 conflict · 2 failed"; and how often KMS throttled the commit. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** How many calls KMS throttled (each made again, slower); no key fails for it. */
    public ReadOnlyIntegerProperty throttlesProperty() {
        return throttles.getReadOnlyProperty();
    }

    /** Each key's outcome once the run ended, those that need the user first. */
    public ObservableList<KeyOutcome> outcomes() {
        return readOnlyOutcomes;
    }

    public BooleanBinding canCancelProperty() {
        return canCancel;
    }

    /** Whether some key failed, or got only its untag, and no run is under way. */
    public BooleanBinding canRetryProperty() {
        return canRetry;
    }

    public ReadOnlyIntegerProperty toRetryProperty() {
        return toRetry.getReadOnlyProperty();
    }

    /** "Retry the failed keys (2)". */
    public ReadOnlyStringProperty retryTextProperty() {
        return retryText.getReadOnlyProperty();
    }

    public BooleanBinding canDismissProperty() {
        return canDismiss;
    }
}
