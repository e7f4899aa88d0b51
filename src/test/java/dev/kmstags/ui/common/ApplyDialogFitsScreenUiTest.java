package dev.kmstags.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonType;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A review taller than the screen (many guardrail findings and keys) still fits on it: its window is no taller than
 * the screen's usable area and Apply and Cancel stay on the screen, where the user can reach them.
 */
@ExtendWith(ApplicationExtension.class)
class ApplyDialogFitsScreenUiTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    private static final class TallReview extends ApplyDialog {
        TallReview(Region content) {
            super("Review changes to 1,000 keys", content, 600, new SimpleBooleanProperty(true), false,
                    ResourceBundle.getBundle(Messages.BUNDLE));
        }
    }

    @Test
    void aReviewTallerThanTheScreenFitsOnItWithApplyInReach() throws Exception {
        Rectangle2D usable = Screen.getPrimary().getVisualBounds();
        CompletableFuture<TallReview> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            Region tall = new VBox();
            tall.setMinHeight(100);
            tall.setPrefHeight(usable.getHeight() * 2);
            TallReview review = new TallReview(tall);
            review.initOwner(stage);
            review.show();
            shown.complete(review);
        });
        TallReview review = shown.get(1, TimeUnit.MINUTES);
        WaitForAsyncUtils.waitForFxEvents();

        CompletableFuture<Void> checked = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                Window window = review.getDialogPane().getScene().getWindow();
                assertThat(window.getHeight()).isLessThanOrEqualTo(usable.getHeight());
                assertThat(window.getY()).isGreaterThanOrEqualTo(usable.getMinY());
                for (ButtonType type : review.getDialogPane().getButtonTypes()) {
                    Node button = review.getDialogPane().lookupButton(type);
                    Bounds onScreen = button.localToScreen(button.getBoundsInLocal());
                    assertThat(onScreen.getMaxY()).as(type.getText()).isLessThanOrEqualTo(usable.getMaxY());
                    assertThat(onScreen.getMinY()).as(type.getText()).isGreaterThanOrEqualTo(usable.getMinY());
                }
                checked.complete(null);
            } catch (Throwable e) {
                checked.completeExceptionally(e);
            } finally {
                review.close();
            }
        });
        checked.get(1, TimeUnit.MINUTES);
    }
}
