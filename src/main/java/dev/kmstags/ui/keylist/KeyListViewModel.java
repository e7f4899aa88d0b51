package dev.kmstags.ui.keylist;

import dev.kmstags.domain.KeySummary;
import dev.kmstags.kms.KeyCatalog;
import dev.kmstags.kms.KmsAccessException;
import dev.kmstags.ui.DateFormats;
import dev.kmstags.ui.Messages;
import dev.kmstags.ui.TaskExecutor;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
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
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys of the current connection and region, read-only: loads them in the background, shows them page by page
 * as they arrive, filters them by a search text and keeps the selected key across refreshes.
 */
public final class KeyListViewModel {

    /** Where loading stands. */
    public enum LoadState {
        /** No connection yet. */
        NOT_LOADED,
        LOADING,
        LOADED,
        FAILED
    }

    private static final Logger LOG = LoggerFactory.getLogger(KeyListViewModel.class);

    private final TaskExecutor executor;
    private final Messages messages;
    private final DateFormats dates;

    private final ObservableList<KeyRowViewModel> rows = FXCollections.observableArrayList();
    private final ObservableList<KeyRowViewModel> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final FilteredList<KeyRowViewModel> visibleRows = new FilteredList<>(readOnlyRows);
    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final ObjectProperty<KeyRowViewModel> selectedKey = new SimpleObjectProperty<>(this, "selectedKey");
    private final ReadOnlyObjectWrapper<LoadState> loadState =
            new ReadOnlyObjectWrapper<>(this, "loadState", LoadState.NOT_LOADED);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(this, "connected");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "");
    private final ReadOnlyStringWrapper errorText = new ReadOnlyStringWrapper(this, "errorText", "");
    private final ReadOnlyStringWrapper placeholderText = new ReadOnlyStringWrapper(this, "placeholderText", "");
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper(this, "countText", "");
    private final BooleanBinding canRefresh = connected.getReadOnlyProperty().and(busy.not());
    private final BooleanBinding failed = Bindings.equal(loadState, LoadState.FAILED);
    private final BooleanBinding canRetry = failed.and(canRefresh);

    private KeyCatalog catalog;
    /** Counts loads, so the results of a load that a newer one replaced are dropped. */
    private long generation;
    /** The key selected before a refresh, selected again when it comes back. */
    private String keyIdToReselect;
    /** Asked before the user's selection replaces the selected key; true lets it go ahead. */
    private BooleanSupplier selectionGuard = () -> true;

    /**
     * @param dates how creation times show, in the user's locale and time zone
     */
    public KeyListViewModel(TaskExecutor executor, Messages messages, DateFormats dates) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.dates = Objects.requireNonNull(dates, "dates");
        searchText.addListener((observable, old, query) -> {
            visibleRows.setPredicate(row -> row.matches(query));
            updateTexts();
        });
        updateTexts();
    }

    /** Shows the keys of {@code newCatalog}, replacing what was shown, and loads them in the background. */
    public void load(KeyCatalog newCatalog) {
        catalog = Objects.requireNonNull(newCatalog, "newCatalog");
        connected.set(true);
        keyIdToReselect = null;
        startLoading();
    }

    /**
     * Shows, in place of the keys, why there are none to show: the connection could not be opened. Nothing can
     * be refreshed until a catalog is given.
     */
    public void showUnavailable(String sentence) {
        generation++;
        catalog = null;
        connected.set(false);
        selectedKey.set(null);
        rows.clear();
        busy.set(false);
        errorText.set(Objects.requireNonNull(sentence, "sentence"));
        loadState.set(LoadState.FAILED);
        updateTexts();
    }

    /** Sets what is asked before the user selects another key (unapplied tag edits); true lets it go ahead. */
    public void setSelectionGuard(BooleanSupplier guard) {
        selectionGuard = Objects.requireNonNull(guard, "guard");
    }

    /** Selects {@code row} for the user, once the selection guard allows it; answers whether it did. */
    public boolean requestSelection(KeyRowViewModel row) {
        if (row == selectedKey.get()) {
            return true;
        }
        if (!selectionGuard.getAsBoolean()) {
            return false;
        }
        selectedKey.set(row);
        return true;
    }

    /** Loads the keys again, keeping the selected key selected if it is still there. */
    public void refresh() {
        if (!canRefresh.get()) {
            return;
        }
        KeyRowViewModel selected = selectedKey.get();
        keyIdToReselect = selected == null ? null : selected.keyId();
        startLoading();
    }

    private void startLoading() {
        long run = ++generation;
        KeyCatalog current = catalog;
        selectedKey.set(null);
        rows.clear();
        errorText.set("");
        busy.set(true);
        loadState.set(LoadState.LOADING);
        updateTexts();
        executor.execute(
                () -> current.listKeys(batch -> {
                    List<KeyRowViewModel> newRows = toRows(batch);
                    executor.runOnUiThread(() -> addRows(run, newRows));
                }),
                count -> finished(run),
                failure -> failed(run, failure));
    }

    private List<KeyRowViewModel> toRows(List<KeySummary> batch) {
        return batch.stream().map(key -> new KeyRowViewModel(key, messages, dates)).toList();
    }

    private void addRows(long run, List<KeyRowViewModel> newRows) {
        if (run != generation) {
            return;
        }
        rows.addAll(newRows);
        if (keyIdToReselect != null) {
            newRows.stream().filter(row -> row.keyId().equals(keyIdToReselect)).findFirst().ifPresent(row -> {
                keyIdToReselect = null;
                selectedKey.set(row);
            });
        }
        updateTexts();
    }

    private void finished(long run) {
        if (run != generation) {
            return;
        }
        keyIdToReselect = null;
        busy.set(false);
        loadState.set(LoadState.LOADED);
        updateTexts();
    }

    private void failed(long run, Throwable failure) {
        if (run != generation) {
            return;
        }
        busy.set(false);
        if (failure instanceof CancellationException) {
            loadState.set(LoadState.NOT_LOADED);
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
        int shown = visibleRows.size();
        boolean filtering = !searchText.get().isBlank();
        switch (loadState.get()) {
            case NOT_LOADED -> statusText.set("");
            case LOADING -> statusText.set(total == 0
                    ? messages.get("keyList.status.loading")
                    : messages.format("keyList.status.loadingSoFar", total));
            case LOADED -> statusText.set(messages.format("keyList.status.loaded", total));
            case FAILED -> statusText.set(errorText.get());
        }
        countText.set(filtering && total > 0
                ? messages.format("keyList.count.filtered", shown, total)
                : total == 0 ? "" : messages.format("keyList.count", total));
        if (loadState.get() == LoadState.FAILED) {
            placeholderText.set(errorText.get());
        } else if (total == 0) {
            placeholderText.set(switch (loadState.get()) {
                case NOT_LOADED -> messages.get("keyList.placeholder.notConnected");
                case LOADING -> messages.get("keyList.status.loading");
                default -> messages.get("keyList.placeholder.empty");
            });
        } else {
            placeholderText.set(messages.format("keyList.placeholder.noMatch", searchText.get().strip()));
        }
    }

    /** The rows that match the search text, in the order they arrived; views sort their own copy. */
    public ObservableList<KeyRowViewModel> visibleRows() {
        return visibleRows;
    }

    /** Every loaded row, whatever the search text. */
    public ObservableList<KeyRowViewModel> rows() {
        return readOnlyRows;
    }

    /** Filters the rows by alias, key ID, ARN or description. */
    public StringProperty searchTextProperty() {
        return searchText;
    }

    /** The key the user selected; panels on the right follow it. */
    public ObjectProperty<KeyRowViewModel> selectedKeyProperty() {
        return selectedKey;
    }

    public ReadOnlyObjectProperty<LoadState> loadStateProperty() {
        return loadState.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
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
