package dev.kmstags.ui.keylist;

import dev.kmstags.domain.KeySummary;
import dev.kmstags.domain.KeyTags;
import dev.kmstags.domain.Tag;
import dev.kmstags.domain.policy.TagPolicy;
import dev.kmstags.kms.KeyCatalog;
import dev.kmstags.kms.KmsAccessException;
import dev.kmstags.kms.KmsServices;
import dev.kmstags.ui.common.AppState;
import dev.kmstags.ui.common.DateFormats;
import dev.kmstags.ui.common.KeyEntry;
import dev.kmstags.ui.common.LatestTask;
import dev.kmstags.ui.common.ListedKeys;
import dev.kmstags.ui.common.LoadState;
import dev.kmstags.ui.common.Messages;
import dev.kmstags.ui.common.TaskExecutor;
import dev.kmstags.ui.common.TaskHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys of the current connection and region, read-only: loads them in the background, shows them a few times a
 * second as they arrive, completes them with their aliases and tags, filters them by a search (tags included, see
 * {@link KeySearch}), sorts them, and keeps the selected keys across refreshes. The selection lives in the shared
 * {@link AppState}: the user's selection goes there once its leave guards agree.
 */
public final class KeyListViewModel implements ListedKeys {

    private static final Logger LOG = LoggerFactory.getLogger(KeyListViewModel.class);
    /** How late the UI thread may be in answering before the listing's calls wait for it. */
    private static final Duration UI_BEHIND = Duration.ofMillis(15);
    /** The longest a call waits for the UI thread, so a UI thread held up elsewhere does not stop the listing. */
    private static final Duration UI_WAIT_LIMIT = Duration.ofMillis(100);

    private final TaskExecutor executor;
    private final Messages messages;
    private final DateFormats dates;
    private final AppState state;

    private final ObservableList<KeyRowViewModel> rows = FXCollections.observableArrayList();
    private final ObservableList<KeyRowViewModel> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final KeySearch search;
    private final SortedList<KeyRowViewModel> sortedRows;
    private final TagColumnsViewModel tagColumns = new TagColumnsViewModel(readOnlyRows);
    private final RegionLoads regionLoads;
    private final ObjectProperty<Comparator<? super KeyRowViewModel>> comparator =
            new SimpleObjectProperty<>(this, "comparator");
    private final Map<String, KeyRowViewModel> rowsById = new HashMap<>();
    private final ReadOnlyObjectWrapper<LoadState> loadState =
            new ReadOnlyObjectWrapper<>(this, "loadState", LoadState.IDLE);
    private final LatestTask loading;
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(this, "connected");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "");
    private final ReadOnlyStringWrapper errorText = new ReadOnlyStringWrapper(this, "errorText", "");
    private final ReadOnlyStringWrapper placeholderText = new ReadOnlyStringWrapper(this, "placeholderText", "");
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper(this, "countText", "");
    private final BooleanBinding failed = Bindings.equal(loadState, LoadState.FAILED);
    private final BooleanBinding canRefresh;
    private final BooleanBinding canRetry;

    private KeyCatalog catalog;
    /** The keys selected before a refresh that have not come back yet; selected again when they do. */
    private final Set<String> keyIdsToReselect = new HashSet<>();
    /** Whether every key of the current load is described and their tags are being read. */
    private boolean readingTags;
    /** Whether KMS refused to list the aliases of the keys loading or loaded. */
    private boolean aliasesDenied;

    /**
     * @param dates how creation times show, in the user's locale and time zone
     * @param state where the selected keys go, and whose leave guards are asked before they change
     */
    public KeyListViewModel(TaskExecutor executor, Messages messages, DateFormats dates, AppState state) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.dates = Objects.requireNonNull(dates, "dates");
        this.state = Objects.requireNonNull(state, "state");
        search = new KeySearch(readOnlyRows, this::updateTexts, messages);
        regionLoads = new RegionLoads(messages);
        sortedRows = new SortedList<>(search.visibleRows());
        loading = new LatestTask(executor);
        canRefresh = connected.getReadOnlyProperty().and(loading.runningProperty().not());
        canRetry = failed.and(canRefresh);
        comparator.addListener((observable, old, order) -> resort());
        state.tagPolicyProperty().addListener((observable, old, policy) -> judgeRows());
        updateTexts();
    }

    /** The tag policy changed: every row is judged against it, and the search shows what matches now. */
    private void judgeRows() {
        TagPolicy policy = state.tagPolicyProperty().get().policy();
        rows.forEach(row -> row.judgeWith(policy));
        search.refilter();
    }

    /** Shows the keys of {@code newCatalog}, replacing what was shown, and loads them in the background. */
    public void load(KeyCatalog newCatalog) {
        catalog = Objects.requireNonNull(newCatalog, "newCatalog");
        connected.set(true);
        keyIdsToReselect.clear();
        startLoading();
    }

    /**
     * Shows, in place of the keys, why there are none to show: the connection could not be opened. Nothing can
     * be refreshed until a catalog is given.
     */
    public void showUnavailable(String sentence) {
        loading.cancel();
        catalog = null;
        connected.set(false);
        state.setSelectedKeys(List.of());
        clearRows();
        errorText.set(Objects.requireNonNull(sentence, "sentence"));
        loadState.set(LoadState.FAILED);
        updateTexts();
    }

    /** Selects {@code row} alone for the user (none for null), as {@link #requestSelection(List)} does. */
    public boolean requestSelection(KeyRowViewModel row) {
        return requestSelection(row == null ? List.of() : List.of(row));
    }

    /**
     * Selects {@code keys} for the user, once the leave guards allow it (unapplied edits of the key shown); answers
     * whether it did. The same keys in another order are selected without asking.
     */
    public boolean requestSelection(List<KeyRowViewModel> keys) {
        if (!Set.copyOf(keys).equals(Set.copyOf(state.selectedKeys())) && !state.mayLeave()) {
            return false;
        }
        state.setSelectedKeys(keys);
        return true;
    }

    /**
     * Selects every key the search shows ("Select all matching", Ctrl+A in the list), in the order shown, once the
     * leave guards allow it; answers whether it did.
     */
    public boolean selectAllShown() {
        return requestSelection(List.copyOf(sortedRows));
    }

    /** The selected keys, for the table to show; the user's changes go through {@link #requestSelection(List)}. */
    public ObservableList<KeyEntry> selectedKeys() {
        return state.selectedKeys();
    }

    /**
     * Loads the keys again, once the leave guards allow it (unapplied edits would be dropped), keeping the selected
     * keys selected that are still there; the access check reads the account's IAM policies again too.
     */
    public void refresh() {
        if (!canRefresh.get() || !state.mayLeave()) {
            return;
        }
        keyIdsToReselect.clear();
        state.selectedKeys().forEach(key -> keyIdsToReselect.add(key.id()));
        // The access check's copy of the account's IAM policies is read again at the next review.
        KmsServices open = state.servicesProperty().get();
        if (open != null) {
            open.accessPolicies().refresh();
        }
        startLoading();
    }

    private void startLoading() {
        loading.cancel();
        // No new call starts while the UI thread is behind with the rows the last ones brought: in a JVM that has
        // just started, 20 calls running the SDK's code cold would otherwise keep it from the CPU for 0.1 s and
        // more on a small machine.
        KeyCatalog current = catalog.withCallGate(() -> executor.awaitUiCaughtUp(UI_BEHIND, UI_WAIT_LIMIT));
        state.setSelectedKeys(List.of());
        clearRows();
        regionLoads.clear();
        readingTags = false;
        aliasesDenied = false;
        errorText.set("");
        loadState.set(LoadState.LOADING);
        updateTexts();
        loading.start(reporter -> current.listKeys(new Loading(reporter)), count -> finished(), this::failed);
    }

    private void clearRows() {
        rows.clear();
        search.cleared();
        rowsById.clear();
    }

    /**
     * Takes what the catalog hands over on its thread, makes the rows there, and hands them to the UI thread in
     * one action per hand-over; once the load is cancelled, its task drops them.
     */
    private final class Loading implements KeyCatalog.Listener {

        private final TaskHandle.Reporter ui;
        /** Whether KMS refused to list the aliases; read and written on the loading thread only. */
        private boolean aliasesNotListed;

        Loading(TaskHandle.Reporter ui) {
            this.ui = ui;
        }

        @Override
        public void accept(List<KeySummary> keys) {
            add(keys, true);
        }

        /** The first rows show before the aliases of thousands of keys are listed. */
        @Override
        public boolean takesKeysBeforeAliases() {
            return true;
        }

        @Override
        public void acceptBeforeAliases(List<KeySummary> keys) {
            add(keys, false);
        }

        private void add(List<KeySummary> keys, boolean aliasesKnown) {
            List<KeyRowViewModel> newRows = keys.stream()
                    .map(key -> new KeyRowViewModel(key, aliasesKnown && !aliasesNotListed, messages, dates))
                    .toList();
            if (aliasesNotListed) {
                // Not shown yet, so they may still be changed on this thread.
                newRows.forEach(KeyRowViewModel::showAliasesNotListed);
            }
            ui.publish(() -> addRows(newRows));
        }

        @Override
        public void aliasesArrived(Map<String, List<String>> aliasesByKeyId) {
            ui.publish(() -> showAliases(aliasesByKeyId));
        }

        @Override
        public void aliasesDenied() {
            aliasesNotListed = true;
            ui.publish(KeyListViewModel.this::showAliasesDenied);
        }

        @Override
        public void tagsArrived(List<KeyTags> tags) {
            ui.publish(() -> showTags(tags));
        }

        @Override
        public void regionsStarted(List<String> regions) {
            ui.publish(() -> regionLoads.started(regions));
        }

        @Override
        public void regionLoaded(String region, int keys) {
            ui.publish(() -> regionLoads.loaded(region, keys));
        }

        @Override
        public void regionFailed(String region, KmsAccessException failure) {
            LOG.info("Region {} not read", region, failure);
            ui.publish(() -> regionLoads.failed(region, failure));
        }
    }

    private void showAliases(Map<String, List<String>> aliasesByKeyId) {
        List<KeyRowViewModel> waiting = rows.stream().filter(row -> row.aliasesTextProperty().get() == null).toList();
        complete(waiting, row -> row.showAliases(aliasesByKeyId.getOrDefault(row.keyId(), List.of())));
        // Rows sorted by alias move now that they have one.
        resort();
    }

    private void showAliasesDenied() {
        aliasesDenied = true;
        rows.stream().filter(row -> row.aliasesTextProperty().get() == null)
                .forEach(KeyRowViewModel::showAliasesNotListed);
        updateTexts();
    }

    private void showTags(List<KeyTags> tags) {
        readingTags = true;
        List<KeyRowViewModel> tagged = new ArrayList<>(tags.size());
        Map<KeyRowViewModel, KeyTags> byRow = new HashMap<>();
        for (KeyTags keyTags : tags) {
            KeyRowViewModel row = rowsById.get(keyTags.keyId());
            if (row != null) {
                tagged.add(row);
                byRow.put(row, keyTags);
            }
        }
        complete(tagged, row -> row.showTags(byRow.get(row)));
        if (tagColumns.sortedByTagProperty().get()) {
            resort();
        }
        updateTexts();
    }

    /**
     * Shows the tags KMS holds now for keys a commit wrote (key, as {@link KeySummary#id()} names it, to tags),
     * without loading the list again. Rows that no longer match the search text stay shown until the search
     * changes, so rows do not vanish as they are written; keys not loaded are ignored.
     */
    @Override
    public void showTagsNow(Map<String, Map<String, String>> tagsById) {
        List<KeyRowViewModel> changed = new ArrayList<>();
        Map<KeyRowViewModel, KeyTags> byRow = new HashMap<>();
        tagsById.forEach((keyId, tags) -> {
            KeyRowViewModel row = rowsById.get(keyId);
            if (row != null) {
                changed.add(row);
                byRow.put(row, KeyTags.read(keyId, tags.entrySet().stream()
                        .map(tag -> new Tag(tag.getKey(), tag.getValue())).toList()));
            }
        });
        complete(changed, row -> row.showTags(byRow.get(row)));
    }

    @Override
    public Optional<KeyEntry> entry(String keyId) {
        return Optional.ofNullable(rowsById.get(keyId));
    }

    /** Completes {@code changed} rows with what arrived for them; those that match only now are shown. */
    private void complete(List<KeyRowViewModel> changed, Consumer<KeyRowViewModel> completion) {
        if (search.complete(changed, completion)) {
            updateTexts();
        }
    }

    /**
     * Sorts the rows again: by a fresh comparator, so the sorted list reorders them with one permutation. Rows that
     * tie (no aliases listed, the same state) follow their key IDs, so every load shows them in the same order.
     */
    private void resort() {
        Comparator<? super KeyRowViewModel> order = comparator.get();
        if (order == null) {
            sortedRows.setComparator(null);
            return;
        }
        Comparator<KeyRowViewModel> chosen = order::compare;
        sortedRows.setComparator(chosen.thenComparing(KeyRowViewModel::keyId));
    }

    private void addRows(List<KeyRowViewModel> newRows) {
        TagPolicy policy = state.tagPolicyProperty().get().policy();
        newRows.forEach(row -> row.judgeWith(policy));
        rows.addAll(newRows);
        newRows.forEach(row -> rowsById.put(row.id(), row));
        search.added(newRows);
        if (!keyIdsToReselect.isEmpty()) {
            List<KeyRowViewModel> back = newRows.stream().filter(row -> keyIdsToReselect.contains(row.id()))
                    .toList();
            if (!back.isEmpty()) {
                back.forEach(row -> keyIdsToReselect.remove(row.id()));
                List<KeyEntry> selected = new ArrayList<>(state.selectedKeys());
                selected.addAll(back);
                state.setSelectedKeys(selected);
            }
        }
        updateTexts();
    }

    private void finished() {
        keyIdsToReselect.clear();
        loadState.set(LoadState.LOADED);
        updateTexts();
    }

    private void failed(Throwable failure) {
        if (failure instanceof CancellationException) {
            loadState.set(LoadState.IDLE);
            updateTexts();
            return;
        }
        LOG.warn("Listing keys failed", failure);
        errorText.set(sentence(failure));
        loadState.set(LoadState.FAILED);
        updateTexts();
    }

    /** What went wrong, in words: the kms package's sentence, or a plain one for the unexpected. */
    private String sentence(Throwable failure) {
        if (failure instanceof KmsAccessException) {
            return failure.getMessage();
        }
        return messages.format("keyList.error.unexpected", failure.getClass().getSimpleName());
    }

    private void updateTexts() {
        int total = rows.size();
        int shown = search.visibleRows().size();
        boolean filtering = search.filtering();
        switch (loadState.get()) {
            case IDLE -> statusText.set("");
            case LOADING -> statusText.set(total == 0 ? messages.get("keyList.status.loading")
                    : readingTags ? messages.format("keyList.status.readingTags", total)
                    : messages.format("keyList.status.loadingSoFar", total));
            case LOADED -> statusText.set(messages.format(aliasesDenied ? "keyList.status.loadedWithoutAliases"
                    : "keyList.status.loaded", total));
            case FAILED -> statusText.set(errorText.get());
        }
        countText.set(filtering && total > 0
                ? messages.format("keyList.count.filtered", shown, total)
                : total == 0 ? "" : messages.format("keyList.count", total));
        if (loadState.get() == LoadState.FAILED) {
            placeholderText.set(errorText.get());
        } else if (total == 0) {
            placeholderText.set(switch (loadState.get()) {
                case IDLE -> messages.get("keyList.placeholder.notConnected");
                case LOADING -> messages.get("keyList.status.loading");
                default -> messages.get("keyList.placeholder.empty");
            });
        } else {
            placeholderText.set(messages.format("keyList.placeholder.noMatch", search.text().strip()));
        }
    }

    /**
     * The rows that match the search text, in the order they arrived (rows that match only once their aliases or
     * tags arrived come then); {@link #sortedRows()} has them in the chosen order.
     */
    public ObservableList<KeyRowViewModel> visibleRows() {
        return search.visibleRows();
    }

    /** The rows that match the search text, sorted by {@link #comparatorProperty()}; what the table shows. */
    public SortedList<KeyRowViewModel> sortedRows() {
        return sortedRows;
    }

    /**
     * The order of {@link #sortedRows()}, such as the table's column comparator; {@code null} keeps the order of
     * arrival. Rows are sorted again when their aliases arrive.
     */
    public ObjectProperty<Comparator<? super KeyRowViewModel>> comparatorProperty() {
        return comparator;
    }

    /** Where each region stands while several are shown ("All regions"). */
    public RegionLoads regionLoads() {
        return regionLoads;
    }

    /** The tag keys shown as columns. */
    public TagColumnsViewModel tagColumns() {
        return tagColumns;
    }

    /** Every loaded row, whatever the search text. */
    public ObservableList<KeyRowViewModel> rows() {
        return readOnlyRows;
    }

    /**
     * {@code count} made-up rows of every kind this list shows, for a view to lay itself out with before keys
     * arrive. They are not part of the list.
     */
    List<KeyRowViewModel> sampleRows(int count) {
        return SampleKeyRows.of(count, messages, dates);
    }

    /**
     * The search: terms separated by spaces that a key must all match, read as a {@link dev.kmstags.domain.TagQuery}:
     * {@code Team=platform}, {@code Team=plat*}, {@code Team=} (has the tag), {@code !Owner} (lacks it), and free
     * text found, ignoring case, in an alias, the key ID, ARN, description, or a tag key or value.
     */
    public StringProperty searchTextProperty() {
        return search.textProperty();
    }

    /** Why the search text cannot be read, as a sentence; empty when it can. The last readable search stays. */
    public ReadOnlyStringProperty searchProblemProperty() {
        return search.problemProperty();
    }

    /** Empties the search: every key shows. */
    public void clearSearch() {
        search.clear();
    }

    public ReadOnlyObjectProperty<LoadState> loadStateProperty() {
        return loadState.getReadOnlyProperty();
    }

    /** Whether keys are being loaded. */
    public ReadOnlyBooleanProperty busyProperty() {
        return loading.runningProperty();
    }

    /** Whether a catalog was given, so there is something to refresh. */
    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    /** Where loading stands in words: "Loading keys…", "12 keys loaded", or what went wrong. */
    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    /** What went wrong with the last load, as a sentence; empty when it did not fail. */
    public ReadOnlyStringProperty errorTextProperty() {
        return errorText.getReadOnlyProperty();
    }

    /** What the table says while it has no row to show. */
    public ReadOnlyStringProperty placeholderTextProperty() {
        return placeholderText.getReadOnlyProperty();
    }

    /** "12 keys", or "3 of 12 keys" while filtering. */
    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    public BooleanBinding canRefreshProperty() {
        return canRefresh;
    }

    /** Whether the last load failed, or the connection could not be opened. */
    public BooleanBinding failedProperty() {
        return failed;
    }

    /** Whether the last load failed in a way that loading again may fix, so the list offers to try again. */
    public BooleanBinding canRetryProperty() {
        return canRetry;
    }
}
