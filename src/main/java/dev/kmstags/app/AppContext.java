package dev.kmstags.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.kmstags.Version;
import dev.kmstags.kms.KmsConnection;
import dev.kmstags.local.BackendOptions;
import dev.kmstags.profiles.AwsEnvironment;
import dev.kmstags.profiles.AwsSetup;
import dev.kmstags.profiles.ConnectionPreferences;
import dev.kmstags.profiles.MemoryPreferences;
import dev.kmstags.ui.bulkcommit.BulkCommitView;
import dev.kmstags.ui.bulkcommit.BulkCommitViewModel;
import dev.kmstags.ui.bulkcommit.SessionBulkCommits;
import dev.kmstags.ui.common.AppIcons;
import dev.kmstags.profiles.TagCallQuotaPreferences;
import dev.kmstags.ui.bulk.BulkEditViewModel;
import dev.kmstags.ui.bulk.BulkReviews;
import dev.kmstags.ui.bulk.BulkReviewDialog;
import dev.kmstags.ui.bulk.BulkReviewView;
import dev.kmstags.ui.bulk.BulkReviewViewModel;
import dev.kmstags.ui.common.AppState;
import dev.kmstags.ui.common.DateFormats;
import dev.kmstags.ui.common.FxDialogService;
import dev.kmstags.ui.common.FxTaskExecutor;
import dev.kmstags.ui.common.LoadState;
import dev.kmstags.ui.common.Messages;
import dev.kmstags.ui.common.Theme;
import dev.kmstags.ui.conflict.ConflictDialog;
import dev.kmstags.ui.conflict.ConflictViewModel;
import dev.kmstags.ui.connection.ConnectionsViewModel;
import dev.kmstags.ui.connection.ForgetTagPolicyAction;
import dev.kmstags.ui.connection.CheckAccessChangesAction;
import dev.kmstags.ui.connection.ChooseTagPolicyAction;
import dev.kmstags.ui.connection.MarkProductionAction;
import dev.kmstags.ui.connection.ReloadProfilesAction;
import dev.kmstags.ui.connection.TagPolicyViewModel;
import dev.kmstags.ui.connection.ThrottleBundledBackendAction;
import dev.kmstags.ui.inventory.ExportQuestion;
import dev.kmstags.ui.inventory.ExportTagsAction;
import dev.kmstags.ui.inventory.ExportTagsDialog;
import dev.kmstags.ui.inventory.ImportTagsAction;
import dev.kmstags.ui.inventory.ImportTagsDialog;
import dev.kmstags.ui.inventory.ImportTagsViewModel;
import dev.kmstags.ui.keydetails.KeyDetailsViewModel;
import dev.kmstags.ui.keylist.FixKeyCaseAction;
import dev.kmstags.ui.keylist.KeyListViewModel;
import dev.kmstags.ui.keylist.RefreshAction;
import dev.kmstags.ui.main.AboutAction;
import dev.kmstags.ui.main.AboutDialog;
import dev.kmstags.ui.main.AboutText;
import dev.kmstags.ui.main.MainWindowActions;
import dev.kmstags.ui.main.MainWindowView;
import dev.kmstags.ui.main.MainWindowViewModel;
import dev.kmstags.ui.main.QuitAction;
import dev.kmstags.ui.main.UseThemeAction;
import dev.kmstags.ui.review.ReviewDialog;
import dev.kmstags.ui.review.ReviewViewModel;
import dev.kmstags.ui.tageditor.TagEditorViewModel;
import dev.kmstags.ui.tageditor.UnsavedEditsDialog;
import dev.kmstags.ui.tageditor.UnsavedEditsQuestion;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringExpression;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds the main window's ViewModels and views with plain constructors, opens the
 * connection asked for or remembered in the background, and closes everything it opened.
 */
public final class AppContext implements AutoCloseable {

    static final double DEFAULT_WIDTH = 1280;
    static final double DEFAULT_HEIGHT = 800;
    /** The smallest window in which every action of the main window stays in view (SmallWindowUiTest). */
    static final double MIN_WIDTH = 900;
    static final double MIN_HEIGHT = 600;
    private static final String STYLESHEET = "/dev/kmstags/ui/app.css";
    private static final Logger LOG = LoggerFactory.getLogger(AppContext.class);

    private final StartOptions start;
    private final Locale locale;
    private final Preferences preferences;
    private final AwsEnvironment environment;
    private final Path home;
    private final Messages messages;
    private final FxTaskExecutor executor = new FxTaskExecutor();
    private final ConnectionOpener opener;
    private final BundledBackendQuotas backendQuotas;
    private final AppState state = new AppState();

    private MainWindowViewModel mainWindow;
    private KeyDetailsViewModel keyDetails;
    private ConnectionsViewModel connections;
    private MainWindowActions actions;
    private BulkCommitViewModel bulkCommit;
    private BulkEditViewModel bulkEdit;
    private FxDialogService dialogs;

    /**
     * @param backendOptions how to run the bundled backend
     * @param start          what the command line asks to open
     * @param preferences    where the app remembers connections, theme and window between runs; tests pass their
     *                       own so they never touch the user's
     * @param environment    the process environment, for the AWS files, credentials, region and endpoint it names
     * @param home           the user's home folder, where ~/.aws is
     */
    public AppContext(BackendOptions backendOptions, StartOptions start, Locale locale, Preferences preferences,
                      AwsEnvironment environment, Path home) {
        this(new ConnectionOpener(Objects.requireNonNull(backendOptions, "backendOptions")), start, locale,
                preferences, environment, home);
    }

    /** As the public constructor, with an opener made beforehand (it may be starting the bundled backend). */
    AppContext(ConnectionOpener opener, StartOptions start, Locale locale, Preferences preferences,
               AwsEnvironment environment, Path home) {
        this.opener = Objects.requireNonNull(opener, "opener");
        this.start = Objects.requireNonNull(start, "start");
        this.locale = Objects.requireNonNull(locale, "locale");
        this.preferences = Objects.requireNonNull(preferences, "preferences");
        this.environment = Objects.requireNonNull(environment, "environment");
        this.home = Objects.requireNonNull(home, "home");
        this.messages = Messages.load(locale);
        this.backendQuotas = new BundledBackendQuotas(preferences, opener, opener.startQuotas());
    }

    /**
     * A window on the bundled backend in {@code region} that remembers nothing and sees no AWS profile: the
     * preferences live in memory and the environment is empty.
     */
    public AppContext(BackendOptions backendOptions, String region, Locale locale) {
        this(new ConnectionOpener(Objects.requireNonNull(backendOptions, "backendOptions")), region, locale);
    }

    /** As the public constructor of a window that remembers nothing, with an opener made beforehand. */
    AppContext(ConnectionOpener opener, String region, Locale locale) {
        this(opener, new StartOptions(Optional.empty(), Optional.of(region), Optional.empty()), locale,
                MemoryPreferences.newRoot(), new AwsEnvironment(Map.of()),
                Path.of(System.getProperty("java.io.tmpdir"), "kms-tag-manager-no-home"));
    }

    /** Builds the main window on {@code stage}, shows it at once, then opens the connection and loads the keys. */
    public MainWindowView show(Stage stage) {
        KeyListViewModel keyList = new KeyListViewModel(executor, messages,
                DateFormats.of(locale, ZoneId.systemDefault()), state);
        KeyDetailsViewModel keyDetails = new KeyDetailsViewModel(state, messages);
        FxDialogService dialogs = new FxDialogService(() -> stage, messages.bundle())
                .register(ReviewViewModel.class, ReviewDialog::new)
                .register(BulkReviewViewModel.class, BulkReviewView::new, BulkReviewDialog::new)
                .register(ConflictViewModel.class, ConflictDialog::new)
                .register(UnsavedEditsQuestion.class, UnsavedEditsDialog::new)
                .register(AboutText.class, AboutDialog::new)
                .register(ExportQuestion.class, ExportTagsDialog::new)
                .register(ImportTagsViewModel.class, ImportTagsDialog::new);
        this.dialogs = dialogs;
        MainWindowViewModel viewModel = new MainWindowViewModel(executor, messages, dialogs, state, keyList);
        TagEditorViewModel tagEditor = new TagEditorViewModel(executor, messages, dialogs, state);
        TagCallQuotaPreferences quotas = new TagCallQuotaPreferences(preferences);
        bulkCommit = new BulkCommitViewModel(executor, messages, dialogs, state,
                new SessionBulkCommits(opener::currentConnection, opener::regionOfKey, quotas::quotas), keyList);
        bulkEdit = new BulkEditViewModel(messages, dialogs, state, executor, quotas, bulkCommit);
        BulkReviews bulkReviews = new BulkReviews(dialogs, state, executor, quotas, messages, bulkCommit);
        viewModel.otherWorkProperty().bind(tagEditor.busyProperty());
        // The bulk and import reviews say in the status bar, as the single-key review does, that they read IAM first.
        StringExpression reviewReading = Bindings.when(bulkReviews.readingProperty().isEmpty())
                .then(bulkEdit.reviewReadingProperty()).otherwise(bulkReviews.readingProperty());
        viewModel.lastResultProperty().bind(Bindings.when(reviewReading.isEmpty())
                .then(tagEditor.lastResultProperty()).otherwise(reviewReading));
        viewModel.lastResultIsErrorProperty().bind(tagEditor.lastResultIsErrorProperty()
                .and(reviewReading.isEmpty()));
        ConnectionPreferences connectionPreferences = new ConnectionPreferences(preferences);
        connections = new ConnectionsViewModel(executor, messages, dialogs, state,
                () -> AwsSetup.read(environment, home), AwsSetup.withoutProfiles(environment, home),
                connectionPreferences, opener);
        TagColumnsMemory.attach(connections.activeTargetProperty(), keyList.tagColumns(), connectionPreferences);
        TagPolicyViewModel tagPolicy = new TagPolicyViewModel(executor, messages, dialogs, state,
                connections.activeTargetProperty(), connectionPreferences);
        QuitAction quit = new QuitAction(state, stage::close);
        actions = new MainWindowActions(new RefreshAction(keyList), quit, new UseThemeAction(state, Theme.LIGHT),
                new UseThemeAction(state, Theme.DARK), new MarkProductionAction(connections),
                new CheckAccessChangesAction(connections),
                new ReloadProfilesAction(connections), new ThrottleBundledBackendAction(state, backendQuotas),
                new ChooseTagPolicyAction(tagPolicy, connections), new ForgetTagPolicyAction(tagPolicy),
                new AboutAction(dialogs, messages, Version.current()));
        MainWindowView view = new MainWindowView(viewModel, state, keyDetails, connections, tagEditor, bulkEdit,
                actions, messages.bundle());
        view.bindInventory(new ExportTagsAction(keyList, state, dialogs, executor, messages),
                new ImportTagsAction(keyList, state, dialogs, executor, messages, bulkReviews));
        view.bindFixKeyCase(new FixKeyCaseAction(keyList, state, dialogs, messages, bulkReviews));
        view.bulkCommitSlot().getChildren().setAll(new BulkCommitView(bulkCommit, messages.bundle()));
        mainWindow = viewModel;
        this.keyDetails = keyDetails;
        // The window's close button asks about unapplied edits and waits for tag changes being written, as
        // File > Quit does.
        stage.setOnCloseRequest(event -> {
            if (!quit.mayClose()) {
                event.consume();
            }
        });

        WindowPreferences window = new WindowPreferences(preferences);
        state.setTheme(window.theme());
        applyTheme(state.themeProperty().get());
        state.themeProperty().addListener((observable, old, theme) -> {
            applyTheme(theme);
            window.rememberTheme(theme);
        });
        Scene scene = new Scene(view, DEFAULT_WIDTH, DEFAULT_HEIGHT);
        scene.getStylesheets().add(Objects.requireNonNull(getClass().getResource(STYLESHEET)).toExternalForm());
        stage.titleProperty().bind(viewModel.windowTitleProperty());
        stage.getIcons().setAll(AppIcons.all());
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        stage.setScene(scene);
        window.restore(stage, DEFAULT_WIDTH, DEFAULT_HEIGHT);
        stage.setOnHiding(event -> window.remember(stage));
        view.keyListView().prepareCells();
        whenLaidOut(scene, () -> StartupPhases.reached(StartupPhases.Phase.WINDOW));
        stage.show();
        view.keyListView().focusTable();
        whenFirstLoaded(keyList, view.bulkEditView()::prepare);
        if (SelfCheck.requested()) {
            SelfCheck.attach(keyList, System.out);
        }

        connections.start(start.profile(), start.region());
        return view;
    }

    /** The bulk edit of several keys' tags, once {@link #show} built it. */
    BulkEditViewModel bulkEdit() {
        return bulkEdit;
    }

    /** Where the main window's dialogs and file choices show, once {@link #show} built it. */
    FxDialogService dialogs() {
        return dialogs;
    }

    /** The open connection, once one opened; null before. */
    KmsConnection connection() {
        return opener.currentConnection();
    }

    /** The main window's ViewModel, once {@link #show} built it. */
    MainWindowViewModel mainWindow() {
        return mainWindow;
    }

    /** The details panel's ViewModel, once {@link #show} built it. */
    KeyDetailsViewModel keyDetails() {
        return keyDetails;
    }

    /** The Connection and Region menus' ViewModel, once {@link #show} built it. */
    ConnectionsViewModel connections() {
        return connections;
    }

    /** What the panels and commands share. */
    AppState state() {
        return state;
    }

    /** Where a reviewed bulk change is committed, once {@link #show} built it. */
    BulkCommitViewModel bulkCommit() {
        return bulkCommit;
    }

    /** The main window's menu commands, once {@link #show} built them. */
    MainWindowActions actions() {
        return actions;
    }

    /** Runs {@code action} once, after the next layout pass of {@code scene}. */
    private static void whenLaidOut(Scene scene, Runnable action) {
        Runnable once = new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                action.run();
            }
        };
        scene.addPostLayoutPulseListener(once);
    }

    /**
     * Runs {@code action} once, when the key list first has its keys: the time the user takes to look at them is
     * idle time for the JavaFX thread.
     */
    private static void whenFirstLoaded(KeyListViewModel keyList, Runnable action) {
        ChangeListener<LoadState> once = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends LoadState> state, LoadState old, LoadState now) {
                if (now == LoadState.LOADED) {
                    keyList.loadStateProperty().removeListener(this);
                    action.run();
                }
            }
        };
        keyList.loadStateProperty().addListener(once);
    }

    private static void applyTheme(Theme theme) {
        Application.setUserAgentStylesheet(theme == Theme.DARK
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    /** Stops background work, closes the KMS client and the bundled backend, and writes the preferences out. */
    @Override
    public void close() {
        executor.close();
        opener.close();
        try {
            preferences.flush();
        } catch (BackingStoreException e) {
            LOG.warn("Could not save the preferences", e);
        }
    }
}
