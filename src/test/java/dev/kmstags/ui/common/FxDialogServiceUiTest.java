package dev.kmstags.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import javafx.application.Platform;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A dialog registered with its content made in a step of its own, in a real, headless JavaFX scene: the content is
 * made beside the UI thread and shows in the dialog; content that cannot be made there is made on the UI thread.
 */
@ExtendWith(ApplicationExtension.class)
class FxDialogServiceUiTest {

    private static final ResourceBundle RESOURCES = ResourceBundle.getBundle(Messages.BUNDLE);

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    /** A review answered false when dismissed. */
    private record Question(String text) implements DialogModel<Boolean> {

        @Override
        public Boolean dismissed() {
            return false;
        }
    }

    /** Content that says on which thread it was made. */
    private static final class Content extends VBox {

        final boolean madeOnUiThread = Platform.isFxApplicationThread();

        Content(Question question) {
            getChildren().add(new Label(question.text()));
        }
    }

    private static final class QuestionDialog extends ApplyDialog {

        final Content content;

        QuestionDialog(Question question, Content content, ResourceBundle resources) {
            super(question.text(), content, 400, new SimpleBooleanProperty(true), false, resources);
            this.content = content;
        }
    }

    /** Opens the question with its content made by {@code content}, applies it, and answers the dialog shown. */
    private QuestionDialog openAndApply(Question question, BiFunction<Question, ResourceBundle, Content> content)
            throws Exception {
        FxDialogService dialogs = new FxDialogService(() -> stage, RESOURCES);
        CompletableFuture<QuestionDialog> shown = new CompletableFuture<>();
        dialogs.register(Question.class, content, (model, made, resources) -> {
            QuestionDialog dialog = new QuestionDialog(model, made, resources);
            dialog.setOnShown(event -> shown.complete(dialog));
            return dialog;
        });
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Platform.runLater(() -> dialogs.open(question, answer::complete));
        QuestionDialog dialog = shown.get(1, TimeUnit.MINUTES);
        Platform.runLater(() -> {
            dialog.setResult(true);
            dialog.close();
        });
        assertThat(answer.get(1, TimeUnit.MINUTES)).isTrue();
        return dialog;
    }

    @Test
    void contentIsMadeBesideTheUiThreadAndShowsInTheDialog() throws Exception {
        QuestionDialog dialog = openAndApply(new Question("Apply 1,000 changes?"),
                (question, resources) -> new Content(question));

        assertThat(dialog.content.madeOnUiThread).isFalse();
        assertThat(dialog.getDialogPane().getContent()).isSameAs(dialog.content);
        assertThat(((Label) dialog.content.getChildren().get(0)).getText()).isEqualTo("Apply 1,000 changes?");
    }

    @Test
    void contentThatCannotBeMadeBesideTheUiThreadIsMadeOnIt() throws Exception {
        QuestionDialog dialog = openAndApply(new Question("Apply?"), (question, resources) -> {
            if (!Platform.isFxApplicationThread()) {
                throw new IllegalStateException("Not on FX application thread");
            }
            return new Content(question);
        });

        assertThat(dialog.content.madeOnUiThread).isTrue();
        assertThat(dialog.getDialogPane().getContent()).isSameAs(dialog.content);
    }
}
