package dev.kmstags.app;

import dev.kmstags.ui.common.LoadState;
import dev.kmstags.ui.keylist.KeyListViewModel;
import dev.kmstags.ui.keylist.KeyRowViewModel;
import java.io.PrintStream;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;

/**
 * A check an installed app can run on itself: started with {@code -Dkmstags.selfCheck=true}, or with the
 * environment variable {@code KMS_TAG_MANAGER_SELF_CHECK=1} (installed launchers take no JVM options), the app opens
 * its main window as usual, prints what the key list shows once it has loaded, and quits; exit status 0 when keys were shown, 1 when loading failed. Packaging smoke tests use it to
 * prove that an installed launcher really opens a working window.
 */
final class SelfCheck {

    static final String PROPERTY = "kmstags.selfCheck";
    static final String ENVIRONMENT_VARIABLE = "KMS_TAG_MANAGER_SELF_CHECK";

    private static final int NOT_FINISHED = -1;
    private static final AtomicInteger STATUS = new AtomicInteger(NOT_FINISHED);

    private SelfCheck() {
    }

    static boolean requested() {
        return Boolean.getBoolean(PROPERTY) || "1".equals(System.getenv(ENVIRONMENT_VARIABLE));
    }

    static void attach(KeyListViewModel keyList, PrintStream out) {
        keyList.visibleRows().addListener((ListChangeListener<KeyRowViewModel>) change -> {
            if (!keyList.visibleRows().isEmpty()) {
                StartupPhases.reached(StartupPhases.Phase.FIRST_KEYS);
            }
        });
        keyList.loadStateProperty().addListener((observable, old, state) -> {
            if (state == LoadState.LOADED) {
                StartupPhases.reached(StartupPhases.Phase.LOADED);
                out.println("Self-check: startup phases (epoch ms): " + StartupPhases.summary());
                String aliases = keyList.visibleRows().stream().map(row -> row.displayName())
                        .collect(Collectors.joining(", "));
                out.println("Self-check: the main window shows " + keyList.visibleRows().size() + " keys: " + aliases);
                finish(0);
            } else if (state == LoadState.FAILED) {
                out.println("Self-check failed: " + keyList.errorTextProperty().get());
                finish(1);
            }
        });
    }

    /**
     * Ends the app. The JVM is ended only once the app has stopped (its client, backend and background work
     * closed): {@link #exitStatus()} gives the status to the launcher after {@code Application.launch} returns.
     * Ending it here, while the FX thread still runs {@code stop()}, could cut that short mid-way.
     */
    private static void finish(int status) {
        STATUS.compareAndSet(NOT_FINISHED, status);
        Platform.exit();
    }

    /** The exit status of a self-check that has finished; empty when none ran or it has not finished. */
    static OptionalInt exitStatus() {
        int status = STATUS.get();
        return status == NOT_FINISHED ? OptionalInt.empty() : OptionalInt.of(status);
    }
}
