package dev.kmstags.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows messages as JavaFX alerts, files in the system's file chooser, and the dialog registered for each
 * {@link DialogModel} class, over the window the supplier names, styled like the app. Which dialog shows which
 * model is registered by the composition root, so this package knows no feature.
 */
public final class FxDialogService implements DialogService {

    private static final Logger LOG = LoggerFactory.getLogger(FxDialogService.class);

    /** About how long one turn of the JavaFX thread styles a dialog that {@link #open} shows. */
    private static final long STYLING_TURN_NANOS = TimeUnit.MILLISECONDS.toNanos(8);

    private final Supplier<Window> owner;
    private final ResourceBundle resources;
    private final Map<Class<?>, Registration> dialogs = new HashMap<>();
    /** Makes the content of dialogs registered with {@link #register(Class, BiFunction, DialogAround)}. */
    private final Executor contentMaker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dialog-content");
        thread.setDaemon(true);
        return thread;
    });
    /** Answers file choices instead of the system's file chooser, where none can show (a headless test); or null. */
    private Function<FileChoice, Optional<Path>> files;

    public FxDialogService(Supplier<Window> owner, ResourceBundle resources) {
        this.owner = owner;
        this.resources = Objects.requireNonNull(resources, "resources");
    }

    /** Shows models of {@code type} in the dialog {@code dialog} makes of them and the app's resources. */
    public <M extends DialogModel<R>, R> FxDialogService register(
            Class<M> type, BiFunction<? super M, ResourceBundle, ? extends BaseDialog<R>> dialog) {
        dialogs.put(type, new Registration(null, (model, content, bundle) -> dialog.apply(type.cast(model), bundle)));
        return this;
    }

    /**
     * Shows models of {@code type} in a dialog made in two steps: {@code content} makes what it shows beside the UI
     * thread (nodes may be made on any thread until they are part of a window that shows), and {@code dialog} puts
     * it into the dialog on the UI thread. For a dialog whose content is large (the review of 1,000 keys), making it
     * on the UI thread, with its FXML, would hold the thread too long. Where making it beside fails, it is made on the
     * UI thread.
     */
    public <M extends DialogModel<R>, R, C extends Region> FxDialogService register(
            Class<M> type, BiFunction<? super M, ResourceBundle, ? extends C> content, DialogAround<M, C, R> dialog) {
        dialogs.put(type, new Registration((model, bundle) -> content.apply(type.cast(model), bundle),
                (model, made, bundle) -> dialog.make(type.cast(model), FxDialogService.<C>asMade(made), bundle)));
        return this;
    }

    /** Content made by a registration's content maker, as the type it makes. */
    @SuppressWarnings("unchecked")
    private static <C> C asMade(Region made) {
        return (C) made;
    }

    /**
     * Makes a dialog around content made beforehand.
     *
     * @param <M> the model
     * @param <C> the content
     * @param <R> the dialog's answer
     */
    @FunctionalInterface
    public interface DialogAround<M, C, R> {

        BaseDialog<R> make(M model, C content, ResourceBundle resources);
    }

    /**
     * How a model's dialog is made: its content first beside the UI thread where {@code content} says how (else it is
     * null), then the dialog.
     */
    private record Registration(BiFunction<Object, ResourceBundle, Region> content, DialogMaker dialog) {

        /** Whether the dialog's content is made first, beside the UI thread. */
        boolean makesContentBeside() {
            return content != null;
        }

        /** The content of the model's dialog; null where the dialog makes its own. */
        Region contentOf(Object model, ResourceBundle resources) {
            return content == null ? null : content.apply(model, resources);
        }
    }

    @FunctionalInterface
    private interface DialogMaker {

        BaseDialog<?> make(Object model, Region content, ResourceBundle resources);
    }

    /**
     * Answers every file choice, to open or to save, with {@code chooser} instead of the system's file chooser,
     * which cannot show on a headless display.
     */
    public FxDialogService chooseFilesWith(Function<FileChoice, Optional<Path>> chooser) {
        files = Objects.requireNonNull(chooser, "chooser");
        return this;
    }

    @Override
    public <R> R show(DialogModel<R> model) {
        return showAndWait(dialogOf(model), model);
    }

    /**
     * Makes the dialog, styles it, lays it out and shows it in several turns of the JavaFX thread, each followed by
     * whatever waits for the thread (a pulse, the user's input): a window of its own starts with none of the main
     * window's styles worked out, and for a large dialog making, styling and showing it in one go holds the thread
     * too long. The dialog is made in a turn after the caller's (its content beside the UI thread first, where it was
     * registered so), and styled a part at a time ({@link StylingInTurns}).
     */
    @Override
    public <R> void open(DialogModel<R> model, Consumer<? super R> answer) {
        inTurns(model, dialog -> answer.accept(showAndWait(dialog, model)));
    }

    /**
     * Makes, styles and lays out the dialog of {@code model} as {@link #open} does, in the same turns, but never shows
     * it: the first dialog of a kind then does not load and compile its code while the user waits. Nothing of it
     * stays: no window shows, and the model is not answered.
     */
    @Override
    public void prepare(DialogModel<?> model) {
        inTurns(model, dialog -> { });
    }

    private <R> void inTurns(DialogModel<R> model, Consumer<BaseDialog<R>> then) {
        Registration registration = registrationOf(model);
        if (!registration.makesContentBeside()) {
            Platform.runLater(() -> styledInTurns(dialogOf(model, registration, null), then));
            return;
        }
        CompletableFuture.supplyAsync(() -> registration.contentOf(model, resources), contentMaker)
                .whenComplete((content, failure) -> Platform.runLater(() -> {
                    if (failure != null) {
                        LOG.warn("Making a dialog's content beside the UI thread failed; it is made here", failure);
                    }
                    Region made = failure == null ? content : registration.contentOf(model, resources);
                    styledInTurns(dialogOf(model, registration, made), then);
                }));
    }

    private <R> void styledInTurns(BaseDialog<R> dialog, Consumer<BaseDialog<R>> then) {
        StylingInTurns styling = new StylingInTurns(dialog.getDialogPane());
        Platform.runLater(() -> styleInTurns(styling, () -> {
            DialogPane pane = dialog.getDialogPane();
            pane.autosize();
            pane.layout();
            Platform.runLater(() -> then.accept(dialog));
        }));
    }

    private static void styleInTurns(StylingInTurns styling, Runnable then) {
        boolean styled = styling.styleFor(STYLING_TURN_NANOS);
        Platform.runLater(styled ? then : () -> styleInTurns(styling, then));
    }

    private Registration registrationOf(DialogModel<?> model) {
        Registration registration = dialogs.get(model.getClass());
        if (registration == null) {
            throw new IllegalStateException("No dialog registered for " + model.getClass().getName());
        }
        return registration;
    }

    private <R> BaseDialog<R> dialogOf(DialogModel<R> model) {
        Registration registration = registrationOf(model);
        return dialogOf(model, registration, registration.contentOf(model, resources));
    }

    private <R> BaseDialog<R> dialogOf(DialogModel<R> model, Registration registration, Region content) {
        // The dialog was registered for this model's class with a dialog answering R.
        @SuppressWarnings("unchecked")
        BaseDialog<R> dialog = (BaseDialog<R>) registration.dialog().make(model, content, resources);
        dialog.initOwner(owner.get());
        return dialog;
    }

    private static <R> R showAndWait(BaseDialog<R> dialog, DialogModel<R> model) {
        return dialog.showAndWait().orElseGet(model::dismissed);
    }

    @Override
    public void showInformation(String title, String header, String content) {
        Alert alert = alert(Alert.AlertType.INFORMATION, title, header);
        alert.setContentText(content);
        alert.showAndWait();
    }

    @Override
    public void showError(String title, String header, String content) {
        Alert alert = alert(Alert.AlertType.ERROR, title, header);
        alert.setContentText(content);
        alert.getDialogPane().getStyleClass().add("error-dialog");
        alert.showAndWait();
    }

    @Override
    public boolean confirm(String title, String header, String content, String action) {
        Alert alert = alert(Alert.AlertType.CONFIRMATION, title, header);
        alert.setContentText(content);
        ButtonType goAhead = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(resources.getString("confirm.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        alert.getButtonTypes().setAll(goAhead, cancel);
        // Cancel is the default: Enter pressed out of habit keeps the work.
        ((Button) alert.getDialogPane().lookupButton(goAhead)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(cancel)).setDefaultButton(true);
        return alert.showAndWait().filter(goAhead::equals).isPresent();
    }

    @Override
    public Optional<Path> chooseFileToOpen(FileChoice choice) {
        if (files != null) {
            return files.apply(choice);
        }
        return Optional.ofNullable(chooser(choice).showOpenDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFileToSave(FileChoice choice) {
        if (files != null) {
            return files.apply(choice);
        }
        return Optional.ofNullable(chooser(choice).showSaveDialog(owner.get())).map(File::toPath);
    }

    private static FileChooser chooser(FileChoice choice) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(choice.title());
        choice.folder().map(Path::toFile).filter(File::isDirectory).ifPresent(chooser::setInitialDirectory);
        if (!choice.fileName().isEmpty()) {
            chooser.setInitialFileName(choice.fileName());
        }
        choice.kinds().forEach(kind -> chooser.getExtensionFilters()
                .add(new FileChooser.ExtensionFilter(kind.description(), kind.patterns())));
        return chooser;
    }

    private Alert alert(Alert.AlertType type, String title, String header) {
        Alert alert = new Alert(type);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(header);
        alert.getDialogPane().setPrefWidth(560);
        BaseDialog.styled(alert.getDialogPane());
        return alert;
    }
}
