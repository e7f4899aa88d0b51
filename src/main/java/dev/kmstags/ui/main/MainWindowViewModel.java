package dev.kmstags.ui.main;

import dev.kmstags.domain.Arns;
import dev.kmstags.kms.KmsAccessException;
import dev.kmstags.kms.KmsConnection;
import dev.kmstags.kms.KmsServices;
import dev.kmstags.profiles.AwsConfigException;
import dev.kmstags.ui.common.AppState;
import dev.kmstags.ui.common.ChosenConnection;
import dev.kmstags.ui.common.DialogService;
import dev.kmstags.ui.common.LoadState;
import dev.kmstags.ui.common.Messages;
import dev.kmstags.ui.common.TaskExecutor;
import dev.kmstags.ui.common.TaskHandle;
import dev.kmstags.ui.keylist.KeyListViewModel;
import dev.kmstags.ui.keylist.KeyRowViewModel;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main window: opens the connection chosen in the {@link AppState} in the background and hands its keys to the
 * key list. The status bar and the title show the connection, and either the startup or the key list's progress.
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
    private final AppState state;
    private final KeyListViewModel keyList;

    private final ReadOnlyObjectWrapper<ConnectionState> connectionState =
            new ReadOnlyObjectWrapper<>(this, "connectionState", ConnectionState.NOT_CONNECTED);
    private final ReadOnlyStringWrapper connectionName = new ReadOnlyStringWrapper(this, "connectionName", "");
    private final ReadOnlyStringWrapper region = new ReadOnlyStringWrapper(this, "region", "");
    private final ReadOnlyStringWrapper connectionText = new ReadOnlyStringWrapper(this, "connectionText", "");
    private final StringBinding windowTitle;
    private final ReadOnlyStringWrapper connectionStatus = new ReadOnlyStringWrapper(this, "connectionStatus", "");
    private final BooleanProperty otherWork = new SimpleBooleanProperty(this, "otherWork");
    private final StringProperty lastResult = new SimpleStringProperty(this, "lastResult", "");
    private final BooleanProperty lastResultIsError = new SimpleBooleanProperty(this, "lastResultIsError");
    private final ReadOnlyStringWrapper shownResult = new ReadOnlyStringWrapper(this, "shownResult", "");
    private final ReadOnlyBooleanWrapper shownResultIsError = new ReadOnlyBooleanWrapper(this, "shownResultIsError");

    /** Whether a failed first load of the keys is still to be shown in a dialog: once per connection. */
    private boolean reportNextLoadFailure;

    private final BooleanBinding connected = Bindings.equal(connectionState, ConnectionState.CONNECTED);
    private final BooleanBinding busy;
    private final StringBinding statusText;
    private final BooleanBinding statusIsError;

    /**
     * The connection being opened; a newer attempt cancels it, without interrupting it (it may be starting the
     * bundled backend), and its result is dropped.
     */
    private TaskHandle connecting;
    /** Asking the open connection for its account; a newer connection drops the answer. */
    private TaskHandle askingAccount;

    /**
     * @param state   the connection chosen there is opened, and the connection's text and account go there
     * @param keyList shows the keys of the open connection
     */
    public MainWindowViewModel(TaskExecutor executor, Messages messages, DialogService dialogs, AppState state,
                               KeyListViewModel keyList) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.state = Objects.requireNonNull(state, "state");
        this.keyList = Objects.requireNonNull(keyList, "keyList");
        ReadOnlyStringProperty accountId = state.accountIdProperty();
        busy = Bindings.equal(connectionState, ConnectionState.CONNECTING).or(keyList.busyProperty()).or(otherWork);
        statusText = Bindings.when(connected)
                .then(keyList.statusTextProperty())
                .otherwise(connectionStatus);
        statusIsError = Bindings.equal(connectionState, ConnectionState.FAILED)
                .or(connected.and(keyList.failedProperty()));
        connectionText.bind(Bindings.createStringBinding(this::describeConnection, connectionName, accountId, region));
        state.setConnectionText(connectionText.get());
        connectionText.addListener((observable, old, text) -> state.setConnectionText(text));
        windowTitle = Bindings.createStringBinding(() -> connectionText.get().isEmpty()
                ? messages.get("app.title")
                : messages.format("app.title.connected", connectionText.get()), connectionText);
        keyList.rows().addListener((ListChangeListener<KeyRowViewModel>) change -> {
            if (accountId.get().isEmpty() && !keyList.rows().isEmpty()) {
                state.setAccountId(Arns.accountId(keyList.rows().get(0).arn()).orElse(""));
            }
        });
        keyList.loadStateProperty().addListener((observable, old, loadState) -> {
            if (loadState == LoadState.FAILED && reportNextLoadFailure) {
                reportNextLoadFailure = false;
                showProblem(keyList.errorTextProperty().get());
            } else if (loadState == LoadState.LOADED) {
                reportNextLoadFailure = false;
                askAccountIfNoKeyShowsIt();
            }
        });
        state.chosenConnectionProperty().addListener((observable, old, chosen) -> open(chosen));
        lastResult.addListener((observable, old, result) -> showResult());
        lastResultIsError.addListener((observable, old, error) -> showResult());
    }

    private void showResult() {
        shownResult.set(lastResult.get());
        shownResultIsError.set(lastResultIsError.get());
    }

    /** A region without keys has no ARN to read the account from: the open connection may still know it. */
    private void askAccountIfNoKeyShowsIt() {
        KmsServices asked = state.servicesProperty().get();
        if (asked == null || !state.accountIdProperty().get().isEmpty() || !keyList.rows().isEmpty()) {
            return;
        }
        askingAccount = executor.execute(asked::callerAccountId,
                account -> {
                    if (state.accountIdProperty().get().isEmpty()) {
                        account.ifPresent(state::setAccountId);
                    }
                },
                failure -> LOG.info("Could not learn the account of the connection", failure));
    }

    private String describeConnection() {
        if (connectionName.get().isEmpty()) {
            return "";
        }
        String account = state.accountIdProperty().get();
        return account.isEmpty()
                ? messages.format("connection.label", connectionName.get(), region.get())
                : messages.format("connection.label.account", connectionName.get(), account, region.get());
    }

    /**
     * Opens a connection of {@code kind} in {@code region} with {@code opener}, which may be slow (it may start
     * the bundled backend), in the background; then loads its keys. The status bar names it by its kind.
     */
    public void connect(KmsConnection.Kind kind, String region, Callable<? extends KmsServices> opener) {
        connect(kind, messages.get("connection.kind." + kind.name()), region, opener);
    }

    /**
     * Chooses the connection {@code name} (such as a profile name) of {@code kind} in {@code region}, opened by
     * {@code opener}, in the {@link AppState}: the main window opens it as it opens every connection chosen there.
     */
    public void connect(KmsConnection.Kind kind, String name, String newRegion,
                        Callable<? extends KmsServices> opener) {
        state.chooseConnection(new ChosenConnection(kind, name, newRegion, opener));
    }

    /**
     * Opens {@code chosen} in the background, then loads its keys. The old connection's tag service is dropped at
     * once, so nothing is committed to it while the new one opens; a failure is reported in the status bar and
     * a dialog.
     */
    private void open(ChosenConnection chosen) {
        KmsConnection.Kind kind = chosen.kind();
        String name = chosen.name();
        String newRegion = chosen.region();
        if (connecting != null) {
            connecting.cancel(false);
        }
        if (askingAccount != null) {
            askingAccount.cancel();
        }
        connectionName.set(name);
        region.set(newRegion);
        // A result of the previous connection or region would read as one of this one.
        shownResult.set("");
        shownResultIsError.set(false);
        connectionStatus.set(messages.format("connection.opening." + kind.name(), name, newRegion));
        connectionState.set(ConnectionState.CONNECTING);
        reportNextLoadFailure = true;
        connecting = executor.execute(chosen.opening(),
                opened -> {
                    state.connectionOpened(opened);
                    connectionState.set(ConnectionState.CONNECTED);
                    keyList.load(opened.keyCatalog());
                },
                failure -> connectionFailed(kind, failure));
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

    public KeyListViewModel keyList() {
        return keyList;
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
        return state.accountIdProperty();
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
