package dev.kmstags.ui.common;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.event.ActionEvent;
import javafx.event.EventHandler;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;

/**
 * What a table shows while it has no rows: a spinner while loading, a sentence (loading, empty, or what went wrong)
 * and a button to try again after a failure. The key table and the tag table both use it, from FXML:
 * {@code <TablePlaceholder fx:id="placeholder" retryText="%keyList.retry" onRetry="#refresh"/>}.
 */
public final class TablePlaceholder extends VBox {

    private final ProgressIndicator progress = new ProgressIndicator();
    private final Label text = new Label();
    private final Button retry = new Button();

    public TablePlaceholder() {
        getStyleClass().add("table-placeholder");
        progress.getStyleClass().add("placeholder-progress");
        text.getStyleClass().add("placeholder-text");
        text.setWrapText(true);
        getChildren().setAll(progress, text, retry);
    }

    /**
     * Follows a ViewModel: says {@code sentence}, spins while {@code busy}, and offers to try again while
     * {@code canRetry}.
     */
    public void bind(ObservableStringValue sentence, ObservableBooleanValue busy, ObservableBooleanValue canRetry) {
        text.textProperty().bind(sentence);
        progress.visibleProperty().bind(busy);
        progress.managedProperty().bind(busy);
        retry.visibleProperty().bind(canRetry);
        retry.managedProperty().bind(canRetry);
    }

    /** The text of the button that tries again. */
    public StringProperty retryTextProperty() {
        return retry.textProperty();
    }

    public String getRetryText() {
        return retry.getText();
    }

    public void setRetryText(String value) {
        retry.setText(value);
    }

    /** What the button that tries again does. */
    public ObjectProperty<EventHandler<ActionEvent>> onRetryProperty() {
        return retry.onActionProperty();
    }

    public EventHandler<ActionEvent> getOnRetry() {
        return retry.getOnAction();
    }

    public void setOnRetry(EventHandler<ActionEvent> handler) {
        retry.setOnAction(handler);
    }
}
