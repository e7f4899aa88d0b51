package dev.kmstags.bench;

import atlantafx.base.theme.PrimerLight;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.kmstags.kms.KmsClients;
import dev.kmstags.kms.KmsConnection;
import dev.kmstags.kms.KmsKeyCatalog;
import dev.kmstags.profiles.MemoryPreferences;
import dev.kmstags.profiles.TagCallQuotaPreferences;
import dev.kmstags.ui.bulk.BulkEditView;
import dev.kmstags.ui.bulk.BulkEditViewModel;
import dev.kmstags.ui.bulk.BulkReviewDialog;
import dev.kmstags.ui.bulk.BulkReviewView;
import dev.kmstags.ui.bulk.BulkReviewViewModel;
import dev.kmstags.ui.common.AppState;
import dev.kmstags.ui.common.DateFormats;
import dev.kmstags.ui.common.FxDialogService;
import dev.kmstags.ui.common.FxTaskExecutor;
import dev.kmstags.ui.common.LoadState;
import dev.kmstags.ui.common.Messages;
import dev.kmstags.ui.keylist.KeyListView;
import dev.kmstags.ui.keylist.KeyListViewModel;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The bulk edit benchmark: {@code N} customer keys (1,000 by default) on the bundled backend with
 * {@code --latency-ms 20 --quotas aws}, loaded through the real KmsKeyCatalog into the real key list, beside the real
 * "Tags of N keys" panel on a headless JavaFX toolkit. Each round selects every key as "Select all matching" does and
 * times until the panel is laid out with their tags; adds a step (set a tag on all) and times the review dialog
 * from the call to review until it is shown; and probes the JavaFX thread for stalls throughout. Writes
 * {@code <out>/bulkedit.json}. Run by {@code mvn -Pbench verify}; skip it with {@code -Dbench.skipBulkEdit=true}.
 */
public final class BulkEditBench {

    private static final String REGION = "us-east-1";
    private static final double TARGET_TABLE_MS = 300;
    private static final double TARGET_REVIEW_MS = 1_000;
    private static final double TARGET_STALL_MS = 50;
    private static final long SETTLE_MILLIS = 500;

    /** One round, in milliseconds; when the longest stall began and the review was asked for, after the round began. */
    record Round(double tableMs, double reviewShownMs, double longestStallMs, double longestStallAtMs,
                 double reviewStartAtMs, double longestPulseGapMs, int keysInTable, double hostBusyPercent) {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(System.getProperty("bench.jar", "target/kms-tag-manager.jar")).toAbsolutePath();
        Path out = Path.of(System.getProperty("bench.out", "target/bench")).toAbsolutePath();
        int keys = Integer.getInteger("bench.bulkEdit.keys", 1_000);
        int rounds = Integer.getInteger("bench.bulkEdit.rounds", 5);
        int latencyMs = Integer.getInteger("bench.bulkEdit.latencyMs", 20);
        Files.createDirectories(out);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path data = Files.createTempFile("kms-bulkedit-bench-", ".db");
        Files.delete(data);
        System.out.printf(Locale.ROOT, "== Bulk edit benchmark: %,d keys, %d ms latency, AWS quotas, %d cores%n",
                keys, latencyMs, Runtime.getRuntime().availableProcessors());
        try {
            try (ServerProcess server = ServerProcess.serve(java, List.of(), jar, data)) {
                BenchAccount.create(server.port(), REGION, keys);
            }
            try (ServerProcess server = ServerProcess.serve(java, List.of(), jar, data,
                    List.of("--latency-ms", String.valueOf(latencyMs), "--quotas", "aws"), 19)) {
                KmsConnection connection = KmsConnection.bundledBackend(
                        URI.create("http://127.0.0.1:" + server.port()), REGION, "test", "test");
                try (KmsClient client = KmsClients.create(connection); Panel panel = Panel.open(startToolkit())) {
                    panel.load(new KmsKeyCatalog(client, connection, KmsKeyCatalog.DEFAULT_CONCURRENCY));
                    List<Round> measured = new ArrayList<>();
                    for (int round = 0; round < rounds; round++) {
                        measured.add(panel.round());
                        Round r = measured.get(measured.size() - 1);
                        System.out.printf(Locale.ROOT, "   round %d: Tags of %d keys in %6.1f ms, review shown in"
                                        + " %6.1f ms, longest stall %5.1f ms at %.0f ms (review from %.0f ms;"
                                        + " pulse gap %5.1f), host busy %.0f%%%n",
                                round + 1, r.keysInTable(), r.tableMs(), r.reviewShownMs(), r.longestStallMs(),
                                r.longestStallAtMs(), r.reviewStartAtMs(), r.longestPulseGapMs(),
                                r.hostBusyPercent());
                    }
                    write(out, keys, latencyMs, measured);
                }
            } finally {
                Platform.exit();
            }
        } finally {
            for (String suffix : List.of("", "-wal", "-shm")) {
                Files.deleteIfExists(Path.of(data + suffix));
            }
        }
        System.exit(0);
    }

    private static Stage startToolkit() throws Exception {
        CompletableFuture<Stage> stage = new CompletableFuture<>();
        Platform.startup(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            stage.complete(new Stage());
        });
        return stage.get();
    }

    /** The key list and the bulk edit panel side by side in a 1280 x 800 window, as the main window has them. */
    private static final class Panel implements AutoCloseable {

        private final FxTaskExecutor executor = new FxTaskExecutor();
        private final AppState state = new AppState();
        private final ReviewTimer reviews = new ReviewTimer();
        private Stage stage;
        private Scene scene;
        private KeyListViewModel keyList;
        private BulkEditViewModel bulkEdit;
        private BulkEditView bulkView;

        static Panel open(Stage stage) throws Exception {
            Panel panel = new Panel();
            panel.stage = stage;
            onFx(() -> {
                Messages messages = Messages.load(Locale.US);
                FxDialogService dialogs = new FxDialogService(() -> stage, messages.bundle())
                        .register(BulkReviewViewModel.class, BulkReviewView::new, (review, view, bundle) ->
                                panel.reviews.timed(new BulkReviewDialog(review, view, bundle)));
                panel.keyList = new KeyListViewModel(panel.executor, messages,
                        DateFormats.of(Locale.US, ZoneId.systemDefault()), panel.state);
                panel.bulkEdit = new BulkEditViewModel(messages, dialogs, panel.state, panel.executor,
                        new TagCallQuotaPreferences(MemoryPreferences.newRoot()), plan -> { });
                KeyListView list = new KeyListView(panel.keyList, messages.bundle());
                panel.bulkView = new BulkEditView(panel.bulkEdit, messages.bundle());
                panel.scene = new Scene(new SplitPane(list, panel.bulkView), 1280, 800);
                panel.scene.getStylesheets().add(Objects.requireNonNull(
                        BulkEditBench.class.getResource("/dev/kmstags/ui/app.css")).toExternalForm());
                stage.setScene(panel.scene);
                list.prepareCells();
                stage.show();
                return null;
            });
            return panel;
        }

        void load(KmsKeyCatalog catalog) throws Exception {
            CompletableFuture<Void> loaded = new CompletableFuture<>();
            onFx(() -> {
                keyList.loadStateProperty().addListener((observable, old, now) -> {
                    if (now == LoadState.LOADED) {
                        // As the app does once the key list first has its keys.
                        bulkView.prepare();
                        loaded.complete(null);
                    } else if (now == LoadState.FAILED) {
                        loaded.completeExceptionally(new IllegalStateException(keyList.errorTextProperty().get()));
                    }
                });
                keyList.load(catalog);
                return null;
            });
            loaded.get(10, TimeUnit.MINUTES);
            Thread.sleep(SETTLE_MILLIS);
        }

        /** Selects one key, then all: times the panel; then a step and the review. */
        Round round() throws Exception {
            onFx(() -> keyList.requestSelection(keyList.sortedRows().get(0)));
            Thread.sleep(SETTLE_MILLIS);
            double busyBefore = HostCpu.busyNanos();
            long wallBefore = System.nanoTime();
            FxStallProbe probe = new FxStallProbe();
            CompletableFuture<Double> laidOut = new CompletableFuture<>();
            onFx(() -> {
                probe.start();
                long start = System.nanoTime();
                keyList.selectAllShown();
                Runnable once = new Runnable() {
                    @Override
                    public void run() {
                        // "Tags of N keys" is planned in a turn after the selection's: until then, another pulse.
                        if (bulkEdit.activeProperty().get() && !bulkEdit.rows().isEmpty()) {
                            scene.removePostLayoutPulseListener(this);
                            laidOut.complete((System.nanoTime() - start) / 1e6);
                        }
                    }
                };
                scene.addPostLayoutPulseListener(once);
                return null;
            });
            double tableMs = laidOut.get(1, TimeUnit.MINUTES);
            int inTable = onFx(() -> bulkEdit.plan().keys().size());
            Thread.sleep(SETTLE_MILLIS);
            onFx(() -> {
                bulkEdit.tagKeyProperty().set("Owner");
                bulkEdit.tagValueProperty().set("platform-team");
                bulkEdit.setTag();
                return null;
            });
            Thread.sleep(SETTLE_MILLIS);
            CompletableFuture<Double> reviewShown = reviews.next();
            long[] reviewStart = new long[1];
            Platform.runLater(() -> {
                reviews.start = System.nanoTime();
                reviewStart[0] = reviews.start;
                bulkEdit.review();
            });
            double reviewMs = reviewShown.get(1, TimeUnit.MINUTES);
            Thread.sleep(SETTLE_MILLIS);
            onFx(() -> {
                reviews.cancel();
                return null;
            });
            Thread.sleep(SETTLE_MILLIS);
            onFx(() -> {
                probe.stop();
                bulkEdit.undo();
                return null;
            });
            double wall = System.nanoTime() - wallBefore;
            double busy = 100.0 * (HostCpu.busyNanos() - busyBefore) / (wall * Runtime.getRuntime()
                    .availableProcessors());
            return new Round(tableMs, reviewMs, probe.longestStallMs(), probe.longestStallAtMs(),
                    (reviewStart[0] - wallBefore) / 1e6, probe.longestPulseGapMs(), inTable, busy);
        }

        @Override
        public void close() {
            executor.close();
        }
    }

    /**
     * Records when the real bulk review dialog, shown by the app's dialog service, has its window shown (laid out,
     * before its first frame), and cancels it when the round asks, half a second later.
     */
    private static final class ReviewTimer {

        private long start;
        private CompletableFuture<Double> shown = new CompletableFuture<>();
        private BulkReviewDialog showing;

        CompletableFuture<Double> next() {
            shown = new CompletableFuture<>();
            return shown;
        }

        BulkReviewDialog timed(BulkReviewDialog dialog) {
            // The dialog's own "shown" event comes before its window is made and laid out; the window's comes after.
            dialog.getDialogPane().getScene().getWindow().addEventHandler(WindowEvent.WINDOW_SHOWN, event -> {
                shown.complete((System.nanoTime() - start) / 1e6);
                showing = dialog;
            });
            return dialog;
        }

        /**
         * Cancels the review shown, as a user would once they read it: not in the turn after it showed, when its
         * first frame may still be drawn (closing the window then waits for the drawing).
         */
        void cancel() {
            showing.setResult(false);
            showing.close();
            showing = null;
        }
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(1, TimeUnit.MINUTES);
    }

    private static void write(Path out, int keys, int latencyMs, List<Round> rounds) throws Exception {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("timestamp", Instant.now().toString());
        report.put("cores", Runtime.getRuntime().availableProcessors());
        report.put("keys", keys);
        report.put("latencyMs", latencyMs);
        report.put("medianTableMs", median(rounds, Round::tableMs));
        report.put("medianReviewShownMs", median(rounds, Round::reviewShownMs));
        report.put("worstStallMs", rounds.stream().mapToDouble(Round::longestStallMs).max().orElse(-1));
        report.put("medianHostBusyPercent", median(rounds, Round::hostBusyPercent));
        Map<String, Object> targets = new LinkedHashMap<>();
        targets.put("tagsOfNKeysUnder300ms", (double) report.get("medianTableMs") < TARGET_TABLE_MS);
        targets.put("reviewUnder1s", (double) report.get("medianReviewShownMs") < TARGET_REVIEW_MS);
        targets.put("noStallOver50ms", (double) report.get("worstStallMs") <= TARGET_STALL_MS);
        report.put("targets", targets);
        report.put("rounds", rounds);
        Path json = out.resolve("bulkedit.json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report);
        System.out.println();
        System.out.println("Bulk edit, medians of " + rounds.size() + " rounds: " + report);
        System.out.println("Every figure: " + json);
    }

    private static double median(List<Round> rounds, ToDoubleFunction<Round> figure) {
        double[] values = rounds.stream().mapToDouble(figure).sorted().toArray();
        if (values.length == 0) {
            return -1;
        }
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
