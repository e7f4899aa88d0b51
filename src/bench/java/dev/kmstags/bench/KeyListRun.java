package dev.kmstags.bench;

import dev.kmstags.kms.KeyCatalog;
import dev.kmstags.ui.common.AppState;
import dev.kmstags.ui.common.DateFormats;
import dev.kmstags.ui.common.FxTaskExecutor;
import dev.kmstags.ui.common.LoadState;
import dev.kmstags.ui.common.Messages;
import dev.kmstags.ui.keylist.KeyListView;
import dev.kmstags.ui.keylist.KeyListViewModel;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/**
 * The real KeyListViewModel and KeyListView in a shown window, loaded again and again as the app does on a refresh
 * or a change of region, each load measured with the FX thread probed for stalls. Times run from the call of
 * {@code load} on the FX thread.
 */
final class KeyListRun implements AutoCloseable {

    /** What a load measured, in milliseconds from its start. */
    record Result(double firstRowsMs, double allDescribedMs, double allTaggedMs, double longestStallMs,
                  double longestStallAtMs, double longestPulseGapMs, int rows, int shownRows) {
    }

    /** Time for the window to settle (a new sort order, the search text) before a load is measured. */
    private static final long SETTLE_MILLIS = 1_000;

    private final FxTaskExecutor executor = new FxTaskExecutor();
    private KeyListViewModel viewModel;
    private TableView<?> table;

    /** Opens the key list in a 1280 x 800 window on {@code stage}. */
    static KeyListRun open(Stage stage) throws Exception {
        KeyListRun run = new KeyListRun();
        CompletableFuture<Void> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            Messages messages = Messages.load(Locale.US);
            run.viewModel = new KeyListViewModel(run.executor, messages,
                    DateFormats.of(Locale.US, ZoneId.systemDefault()), new AppState());
            KeyListView view = new KeyListView(run.viewModel, messages.bundle());
            run.table = (TableView<?>) view.lookup(".key-table");
            Scene scene = new Scene(view, 1280, 800);
            scene.getStylesheets().add(Objects.requireNonNull(
                    KeyListRun.class.getResource("/dev/kmstags/ui/app.css")).toExternalForm());
            stage.setScene(scene);
            // As the app does before it shows its window.
            view.prepareCells();
            stage.show();
            shown.complete(null);
        });
        shown.get(1, TimeUnit.MINUTES);
        return run;
    }

    /**
     * Loads {@code catalog}, with {@code search} (may be empty) typed before, sorted by alias, or with
     * {@code newestFirst} by creation time, newest first.
     */
    Result load(KeyCatalog catalog, int expectedKeys, String search, boolean newestFirst) throws Exception {
        CompletableFuture<Void> prepared = new CompletableFuture<>();
        Platform.runLater(() -> {
            sortBy(newestFirst);
            viewModel.searchTextProperty().set(search);
            prepared.complete(null);
        });
        prepared.get(1, TimeUnit.MINUTES);
        Thread.sleep(SETTLE_MILLIS);

        FxStallProbe probe = new FxStallProbe();
        long[] times = {0, -1, -1, -1};
        CompletableFuture<Result> done = new CompletableFuture<>();
        ListChangeListener<Object> firstRows = change -> {
            if (times[1] < 0 && !viewModel.sortedRows().isEmpty()) {
                times[1] = System.nanoTime();
            }
        };
        ListChangeListener<Object> allRows = change -> {
            if (times[2] < 0 && viewModel.rows().size() == expectedKeys) {
                times[2] = System.nanoTime();
            }
        };
        ChangeListener<LoadState> finished = (observable, old, state) -> {
            if (state != LoadState.LOADED && state != LoadState.FAILED) {
                return;
            }
            times[3] = System.nanoTime();
            probe.stop();
            if (state == LoadState.FAILED) {
                done.completeExceptionally(new IllegalStateException(viewModel.errorTextProperty().get()));
            } else {
                done.complete(new Result(ms(times[1] - times[0]), ms(times[2] - times[0]), ms(times[3] - times[0]),
                        probe.longestStallMs(), probe.longestStallAtMs(), probe.longestPulseGapMs(),
                        viewModel.rows().size(), viewModel.sortedRows().size()));
            }
        };
        Platform.runLater(() -> {
            viewModel.sortedRows().addListener(firstRows);
            viewModel.rows().addListener(allRows);
            viewModel.loadStateProperty().addListener(finished);
            probe.start();
            times[0] = System.nanoTime();
            viewModel.load(catalog);
        });
        try {
            return done.get(10, TimeUnit.MINUTES);
        } finally {
            Platform.runLater(() -> {
                viewModel.sortedRows().removeListener(firstRows);
                viewModel.rows().removeListener(allRows);
                viewModel.loadStateProperty().removeListener(finished);
            });
        }
    }

    private void sortBy(boolean newestFirst) {
        TableColumn<?, ?> column = table.getColumns().get(newestFirst ? table.getColumns().size() - 1 : 0);
        column.setSortType(newestFirst ? TableColumn.SortType.DESCENDING : TableColumn.SortType.ASCENDING);
        @SuppressWarnings("unchecked")
        TableView<Object> anyTable = (TableView<Object>) table;
        @SuppressWarnings("unchecked")
        TableColumn<Object, ?> anyColumn = (TableColumn<Object, ?>) column;
        anyTable.getSortOrder().setAll(anyColumn);
    }

    private static double ms(long nanos) {
        return nanos < 0 ? -1 : nanos / 1e6;
    }

    @Override
    public void close() {
        executor.close();
    }
}
