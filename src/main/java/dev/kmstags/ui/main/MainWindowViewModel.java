package dev.kmstags.ui.main;

import dev.kmstags.domain.Arns;
import dev.kmstags.kms.KmsAccessException;
import dev.kmstags.kms.KmsConnection;
import dev.kmstags.kms.KmsServices;
import dev.kmstags.kms.TagService;
import dev.kmstags.profiles.AwsConfigException;
import dev.kmstags.ui.common.DialogService;
import dev.kmstags.ui.common.LeaveGuard;
import dev.kmstags.ui.common.Messages;
import dev.kmstags.ui.common.TaskExecutor;
import dev.kmstags.ui.common.Theme;
import dev.kmstags.ui.keydetails.KeyDetailsViewModel;
import dev.kmstags.ui.keylist.KeyListViewModel;
import dev.kmstags.ui.keylist.KeyRowViewModel;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main window: opens the connection in the background, hands its keys to the key list, and runs the menu's
 * commands. The status bar shows the connection, and either the startup or the key list's progress.
 */
public final class MainWindowViewModel {

    /** Where opening the connection stands. */
    public enum ConnectionState {
        NOT_CONNECTED,
        CONNECTING,
        CONNECTED,
        FAILED
    }

    private static final Logger LOG = LoggerFactory.getLogger(MainWindowViewModel.class);

    private final TaskExecutor executor;
    private final Messages messages;
    private final DialogService dialogs;
    private final KeyListViewModel keyList;
    private final KeyDetailsViewModel keyDetails;
    private final String version;
    private final Runnable quitAction;

    private final ReadOnlyObjectWrapper<ConnectionState> connectionState =
            new ReadOnlyObjectWrapper<>(this, "connectionState", ConnectionState.NOT_CONNECTED);
    private final ReadOnlyStringWrapper connectionName = new ReadOnlyStringWrapper(this, "connectionName", "");
    private final ReadOnlyStringWrapper region = new ReadOnlyStringWrapper(this, "region", "");
    private final ReadOnlyStringWrapper accountId = new ReadOnlyStringWrapper(this, "accountId", "");
    private final ReadOnlyStringWrapper connectionText = new ReadOnlyStringWrapper(this, "connectionText", "");
    private final StringBinding windowTitle;
    private final ReadOnlyStringWrapper connectionStatus = new ReadOnlyStringWrapper(this, "connectionStatus", "");
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final ReadOnlyObjectWrapper<TagService> tagService = new ReadOnlyObjectWrapper<>(this, "tagService");
    private final BooleanProperty production = new SimpleBooleanProperty(this, "production");
    private final BooleanProperty otherWork = new SimpleBooleanProperty(this, "otherWork");
    private final StringProperty lastResult = new SimpleStringProperty(this, "lastResult", "");
    private final BooleanProperty lastResultIsError = new SimpleBooleanProperty(this, "lastResultIsError");
    private final ReadOnlyStringWrapper shownResult = new ReadOnlyStringWrapper(this, "shownResult", "");
    private final ReadOnlyBooleanWrapper shownResultIsError = new ReadOnlyBooleanWrapper(this, "shownResultIsError");

    /** The open connection's services; null while none is open. */
    private KmsServices services;

    /** Whether a failed first load of the keys is still to be shown in a dialog: once per connection. */
    private boolean reportNextLoadFailure;

    /** Asked before anything replaces the selected key's tags in the editor, the connection, or closes the app. */
    private LeaveGuard leaveGuard = () -> true;

    private final BooleanBinding connected = Bindings.equal(connectionState, ConnectionState.CONNECTED);
    private final BooleanBinding busy;
    private final StringBinding statusText;
    private final BooleanBinding statusIsError;

    /** Counts connection attempts, so a slow attempt that a newer one replaced is dropped. */
    private long attempt;

    /**
     * @param version    the app version the About dialog names
     * @param quitAction closes the app
     */
    public MainWindowViewModel(TaskExecutor executor, Messages messages, DialogService dialogs,
                               KeyListViewModel keyList, KeyDetailsViewModel keyDetails, String version,
                               Runnable quitAction) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.keyList = Objects.requireNonNull(keyList, "keyList");
        this.keyDetails = Objects.requireNonNull(keyDetails, "keyDetails");
        this.version = Objects.requireNonNull(version, "version");
        this.quitAction = Objects.requireNonNull(quitAction, "quitAction");
        busy = Bindings.equal(connectionState, ConnectionState.CONNECTING).or(keyList.busyProperty()).or(otherWork);
        statusText = Bindings.when(connected)
                .then(keyList.statusTextProperty())
                .otherwise(connectionStatus);
        statusIsError = Bindings.equal(connectionState, ConnectionState.FAILED)
                .or(connected.and(keyList.failedProperty()));
        connectionText.bind(Bindings.createStringBinding(this::describeConnection, connectionName, accountId, region));
        windowTitle = Bindings.createStringBinding(() -> connectionText.get().isEmpty()
                ? messages.get("app.title")
                : messages.format("app.title.connected", connectionText.get()), connectionText);
        keyList.rows().addListener((ListChangeListener<KeyRowViewModel>) change -> {
            if (accountId.get().isEmpty() && !keyList.rows().isEmpty()) {
                accountId.set(Arns.accountId(keyList.rows().get(0).arn()).orElse(""));
            }
        });
        keyList.loadStateProperty().addListener((observable, old, state) -> {
            if (state == KeyListViewModel.LoadState.FAILED && reportNextLoadFailure) {
                reportNextLoadFailure = false;
                showProblem(keyList.errorTextProperty().get());
            } else if (state == KeyListViewModel.LoadState.LOADED) {
                reportNextLoadFailure = false;
                askAccountIfNoKeyShowsIt();
            }
        });
        keyList.setSelectionGuard(this::mayLeave);
        lastResult.addListener((observable, old, result) -> showResult());
        lastResultIsError.addListener((observable, old, error) -> showResult());
    }

    private void showResult() {
        shownResult.set(lastResult.get());
        shownResultIsError.set(lastResultIsError.get());
    }

    /** A region without keys has no ARN to read the account from: the open connection may still know it. */
    private void askAccountIfNoKeyShowsIt() {
        KmsServices asked = services;
        if (asked == null || !accountId.get().isEmpty() || !keyList.rows().isEmpty()) {
            return;
        }
        long current = attempt;
        executor.execute(asked::callerAccountId,
                account -> {
                    if (current == attempt && accountId.get().isEmpty()) {
                        account.ifPresent(accountId::set);
                    }
                },
                failure -> LOG.info("Could not learn the account of the connection", failure));
    }

    private String describeConnection() {
        if (connectionName.get().isEmpty()) {
            return "";
        }
        return accountId.get().isEmpty()
                ? messages.format("connection.label", connectionName.get(), region.get())
                : messages.format("connection.label.account", connectionName.get(), accountId.get(), region.get());
    }

    /**
     * Opens a connection of {@code kind} in {@code region} with {@code opener}, which may be slow (it may start
     * the bundled backend), in the background; then loads its keys. The status bar names it by its kind.
     */
    public void connect(KmsConnection.Kind kind, String region, Callable<? extends KmsServices> opener) {
        connect(kind, messages.get("connection.kind." + kind.name()), region, opener);
    }

    /**
     * Opens the connection {@code name} (such as a profile name) of {@code kind} in {@code region} with
     * {@code opener}, in the background, then loads its keys. The old connection's tag service is dropped at
     * once, so nothing is committed to it while the new one opens; a failure is reported in the status bar and
     * a dialog.
     */
    public void connect(KmsConnection.Kind kind, String name, String newRegion,
                        Callable<? extends KmsServices> opener) {
        long current = ++attempt;
        connectionName.set(name);
        region.set(newRegion);
        accountId.set("");
        // A result of the previous connection or region would read as one of this one.
        shownResult.set("");
        shownResultIsError.set(false);
        connectionStatus.set(messages.format("connection.opening." + kind.name(), name, newRegion));
        connectionState.set(ConnectionState.CONNECTING);
        tagService.set(null);
        services = null;
        reportNextLoadFailure = true;
        executor.execute(opener,
                opened -> {
                    if (current == attempt) {
                        services = opened;
                        connectionState.set(ConnectionState.CONNECTED);
                        tagService.set(opened.tagService());
                        keyList.load(opened.keyCatalog());
                    }
                },
                failure -> {
                    if (current == attempt) {
                        connectionFailed(kind, failure);
                    }
                });
    }

    private void connectionFailed(KmsConnection.Kind kind, Throwable failure) {
        if (failure instanceof CancellationException) {
            connectionState.set(ConnectionState.NOT_CONNECTED);
            connectionStatus.set("");
            return;
        }
        LOG.warn("Opening the connection failed", failure);
        String sentence = failure instanceof KmsAccessException || failure instanceof AwsConfigException
                ? failure.getMessage()
                : messages.format("connection.failed." + kind.name(), describe(failure));
        connectionStatus.set(sentence);
        connectionState.set(ConnectionState.FAILED);
        reportNextLoadFailure = false;
        keyList.showUnavailable(sentence);
        showProblem(sentence);
    }

    /**
     * Shows a dialog that says what went wrong with the connection and what to do: after the change that
     * reported it has settled, so the status bar already says it behind the dialog.
     */
    private void showProblem(String sentence) {
        String header = messages.format("connection.problem.header", connectionText.get());
        executor.runOnUiThread(() -> dialogs.showError(messages.get("connection.problem.title"), header, sentence));
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    /** Loads the keys again (File → Refresh, F5), once the leave guard allows it. */
    public void refresh() {
        if (mayLeave()) {
            keyList.refresh();
        }
    }

    /**
     * Sets what is asked before the editor's content is replaced (refresh, selecting another key), before the
     * connection is replaced and before the app closes; it may ask the user and answers whether to go ahead.
     */
    public void setLeaveGuard(LeaveGuard guard) {
        leaveGuard = Objects.requireNonNull(guard, "guard");
    }

    /** Asks the leave guard whether the editor's content may be replaced now. */
    public boolean mayLeave() {
        return leaveGuard.mayLeave();
    }

    /** Asks the leave guard whether the connection may be replaced now. */
    public boolean mayReplaceConnection() {
        return leaveGuard.mayReplaceConnection();
    }

    /**
     * Asks the leave guard whether the app may close now; a guard that holds closing back may close the app itself
     * later (once tag changes being written are written).
     */
    public boolean mayClose() {
        return leaveGuard.mayClose(quitAction);
    }

    /** Shows the app's name, version and purpose. */
    public void showAbout() {
        dialogs.showAbout(messages.get("about.title"), messages.format("about.header", version),
                messages.get("about.text"));
    }

    /** Closes the app, once the leave guard allows it. */
    public void quit() {
        if (mayClose()) {
            quitAction.run();
        }
    }

    /** Switches the colour theme. */
    public void useTheme(Theme newTheme) {
        theme.set(Objects.requireNonNull(newTheme, "newTheme"));
    }

    public KeyListViewModel keyList() {
        return keyList;
    }

    public KeyDetailsViewModel keyDetails() {
        return keyDetails;
    }

    /** The current colour theme; the app applies it to every window. */
    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** The tag service of the open connection; null until one is open. */
    public ReadOnlyObjectProperty<TagService> tagServiceProperty() {
        return tagService.getReadOnlyProperty();
    }

    /** Whether commits go to an account the user marked as production: reviews then ask for typed confirmation. */
    public BooleanProperty productionProperty() {
        return production;
    }

    /** Work of other panels, such as the tag editor's reads and commits, that the status bar's progress shows. */
    public BooleanProperty otherWorkProperty() {
        return otherWork;
    }

    /** What the last commit did, for the status bar: "3 tags changed on alias/payments-prod". */
    public StringProperty lastResultProperty() {
        return lastResult;
    }

    /** Whether {@link #lastResultProperty()} reports a failure. */
    public BooleanProperty lastResultIsErrorProperty() {
        return lastResultIsError;
    }

    /** The last result the status bar shows: {@link #lastResultProperty()} since the current connection opened. */
    public ReadOnlyStringProperty shownResultProperty() {
        return shownResult.getReadOnlyProperty();
    }

    /** Whether {@link #shownResultProperty()} reports a failure. */
    public ReadOnlyBooleanProperty shownResultIsErrorProperty() {
        return shownResultIsError.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ConnectionState> connectionStateProperty() {
        return connectionState.getReadOnlyProperty();
    }

    /** Where commits go, such as "prod · 111122223333 · eu-west-1" (the account once the keys show it). */
    public ReadOnlyStringProperty connectionTextProperty() {
        return connectionText.getReadOnlyProperty();
    }

    /** The window's title: the app's name and where commits go. */
    public StringBinding windowTitleProperty() {
        return windowTitle;
    }

    /** The account of the open connection, read from its keys' ARNs; empty until known. */
    public ReadOnlyStringProperty accountIdProperty() {
        return accountId.getReadOnlyProperty();
    }

    /** Whether something is loading, for the status bar's progress indicator. */
    public BooleanBinding busyProperty() {
        return busy;
    }

    /** The status bar's sentence: the startup's progress, then the key list's, or what went wrong. */
    public StringBinding statusTextProperty() {
        return statusText;
    }

    /** Whether {@link #statusTextProperty()} reports a failure. */
    public BooleanBinding statusIsErrorProperty() {
        return statusIsError;
    }

    public BooleanBinding canRefreshProperty() {
        return keyList.canRefreshProperty();
    }
}
