package dev.kmstags.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.kmstags.Version;
import dev.kmstags.kms.KmsServices;
import dev.kmstags.kms.KmsConnection;
import dev.kmstags.local.BackendOptions;
import dev.kmstags.ui.AppIcons;
import dev.kmstags.ui.DateFormats;
import dev.kmstags.ui.FxDialogService;
import dev.kmstags.ui.FxTaskExecutor;
import dev.kmstags.ui.Messages;
import dev.kmstags.ui.Theme;
import dev.kmstags.ui.keydetails.KeyDetailsViewModel;
import dev.kmstags.ui.keylist.KeyListViewModel;
import dev.kmstags.ui.main.MainWindowView;
import dev.kmstags.ui.main.MainWindowViewModel;
import dev.kmstags.ui.tageditor.TagEditorViewModel;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds the main window's ViewModels and views with plain constructors, starts the bundled
 * backend in the background, and closes everything it opened.
 */
public final class AppContext implements AutoCloseable {

    static final double DEFAULT_WIDTH = 1280;
    static final double DEFAULT_HEIGHT = 800;
    private static final String STYLESHEET = "/dev/kmstags/ui/app.css";
    private static final Logger LOG = LoggerFactory.getLogger(AppContext.class);

    private final BackendOptions backendOptions;
    private final String region;
    private final Locale locale;
    private final Messages messages;
    private final FxTaskExecutor executor = new FxTaskExecutor();

    private final Object lock = new Object();
    private BundledBackendSession session;
    private boolean closed;
    private MainWindowViewModel mainWindow;

    /**
     * @param backendOptions how to run the bundled backend
     * @param region         the region whose keys the window lists
     */
    public AppContext(BackendOptions backendOptions, String region, Locale locale) {
        this.backendOptions = Objects.requireNonNull(backendOptions, "backendOptions");
        this.region = Objects.requireNonNull(region, "region");
        this.locale = Objects.requireNonNull(locale, "locale");
        this.messages = Messages.load(locale);
    }

    /** Builds the main window on {@code stage}, shows it at once, then starts the backend and loads the keys. */
    public MainWindowView show(Stage stage) {
        KeyListViewModel keyList = new KeyListViewModel(executor, messages,
                DateFormats.of(locale, ZoneId.systemDefault()));
        KeyDetailsViewModel keyDetails = new KeyDetailsViewModel(keyList.selectedKeyProperty(), messages);
        FxDialogService dialogs = new FxDialogService(() -> stage, messages.bundle());
        MainWindowViewModel viewModel = new MainWindowViewModel(executor, messages, dialogs,
                keyList, keyDetails, Version.current(), stage::close);
        TagEditorViewModel tagEditor = new TagEditorViewModel(executor, messages, dialogs, keyDetails.keyProperty(),
                viewModel.tagServiceProperty(), viewModel.productionProperty());
        viewModel.setLeaveGuard(tagEditor::mayLeave);
        viewModel.otherWorkProperty().bind(tagEditor.busyProperty());
        viewModel.lastResultProperty().bind(tagEditor.lastResultProperty());
        viewModel.lastResultIsErrorProperty().bind(tagEditor.lastResultIsErrorProperty());
        MainWindowView view = new MainWindowView(viewModel, tagEditor, messages.bundle());
        mainWindow = viewModel;
        // The window's close button asks about unapplied edits, as File > Quit does.
        stage.setOnCloseRequest(event -> {
            if (!viewModel.mayLeave()) {
                event.consume();
            }
        });

        applyTheme(viewModel.themeProperty().get());
        viewModel.themeProperty().addListener((observable, old, theme) -> applyTheme(theme));
        Scene scene = new Scene(view, DEFAULT_WIDTH, DEFAULT_HEIGHT);
        scene.getStylesheets().add(Objects.requireNonNull(getClass().getResource(STYLESHEET)).toExternalForm());
        stage.setTitle(messages.get("app.title"));
        stage.getIcons().setAll(AppIcons.all());
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        stage.setScene(scene);
        stage.show();
        view.keyListView().focusTable();
        if (SelfCheck.requested()) {
            SelfCheck.attach(keyList, System.out);
        }

        viewModel.connect(KmsConnection.Kind.BUNDLED_BACKEND, region, this::startBundledBackend);
        return view;
    }

    /** The open connection to the bundled backend, once it started; null before. */
    KmsConnection connection() {
        synchronized (lock) {
            return session == null ? null : session.connection();
        }
    }

    /** The main window's ViewModel, once {@link #show} built it. */
    MainWindowViewModel mainWindow() {
        return mainWindow;
    }

    private KmsServices startBundledBackend() throws Exception {
        BundledBackendSession started = BundledBackendSession.start(backendOptions, region);
        synchronized (lock) {
            if (closed) {
                started.close();
                throw new CancellationException("The app closed while the backend started");
            }
            session = started;
        }
        LOG.info("Bundled backend answers at {}", started.connection().endpoint());
        return started.services();
    }

    private static void applyTheme(Theme theme) {
        Application.setUserAgentStylesheet(theme == Theme.DARK
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    /** Stops background work, then closes the KMS client and the bundled backend. */
    @Override
    public void close() {
        executor.close();
        BundledBackendSession open;
        synchronized (lock) {
            closed = true;
            open = session;
            session = null;
        }
        if (open != null) {
            open.close();
        }
    }
}
