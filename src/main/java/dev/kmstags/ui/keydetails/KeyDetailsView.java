package dev.kmstags.ui.keydetails;

import dev.kmstags.ui.common.FxmlViews;
import dev.kmstags.ui.common.Tone;
import java.util.ResourceBundle;
import javafx.animation.PauseTransition;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The panel right of the key list: the selected key's facts, and the slot where the tag editor goes. Binds to a
 * {@link KeyDetailsViewModel}.
 */
public final class KeyDetailsView extends StackPane {

    /** How long a copy button says "Copied". */
    private static final Duration COPIED_SIGN = Duration.seconds(2);

    private final KeyDetailsViewModel viewModel;

    @FXML
    private VBox emptyPane;
    @FXML
    private Node detailsPane;
    @FXML
    private Label emptyTitle;
    @FXML
    private Label emptyHint;
    @FXML
    private Label titleLabel;
    @FXML
    private Label stateBadge;
    @FXML
    private Label managerBadge;
    @FXML
    private Label keyIdLabel;
    @FXML
    private Label arnLabel;
    @FXML
    private Label aliasesLabel;
    @FXML
    private Label descriptionLabel;
    @FXML
    private Label createdLabel;
    @FXML
    private Label deletionName;
    @FXML
    private Label deletionLabel;
    @FXML
    private Label readOnlyNote;
    @FXML
    private StackPane tagEditorSlot;
    @FXML
    private StackPane severalKeysSlot;
    @FXML
    private Node severalKeysPane;
    @FXML
    private Button copyKeyIdButton;
    @FXML
    private Button copyArnButton;

    private final PauseTransition copiedSign = new PauseTransition(COPIED_SIGN);

    public KeyDetailsView(KeyDetailsViewModel viewModel, ResourceBundle resources) {
        this.viewModel = viewModel;
        FxmlViews.load(this, resources);
    }

    @FXML
    private void initialize() {
        emptyPane.visibleProperty().bind(viewModel.hasKeyProperty().not().and(viewModel.severalProperty().not()));
        severalKeysPane.visibleProperty().bind(viewModel.severalProperty());
        detailsPane.visibleProperty().bind(viewModel.hasKeyProperty());
        emptyTitle.textProperty().bind(viewModel.emptyTitleProperty());
        emptyHint.textProperty().bind(viewModel.emptyHintProperty());
        titleLabel.textProperty().bind(viewModel.titleProperty());
        stateBadge.textProperty().bind(viewModel.stateTextProperty());
        managerBadge.textProperty().bind(viewModel.managerTextProperty());
        keyIdLabel.textProperty().bind(viewModel.keyIdProperty());
        arnLabel.textProperty().bind(viewModel.arnProperty());
        aliasesLabel.textProperty().bind(viewModel.aliasesTextProperty());
        descriptionLabel.textProperty().bind(viewModel.descriptionTextProperty());
        createdLabel.textProperty().bind(viewModel.createdTextProperty());
        deletionLabel.textProperty().bind(viewModel.deletionTextProperty());
        for (Label deletion : new Label[] {deletionName, deletionLabel}) {
            deletion.visibleProperty().bind(viewModel.deletionTextProperty().isNotEmpty());
            deletion.managedProperty().bind(deletion.visibleProperty());
        }
        readOnlyNote.textProperty().bind(viewModel.readOnlyNoteProperty());
        readOnlyNote.visibleProperty().bind(viewModel.readOnlyNoteProperty().isNotEmpty());
        readOnlyNote.managedProperty().bind(readOnlyNote.visibleProperty());
        copyKeyIdButton.textProperty().bind(viewModel.keyIdCopyTextProperty());
        copyArnButton.textProperty().bind(viewModel.arnCopyTextProperty());
        copiedSign.setOnFinished(event -> viewModel.endCopiedSign());
        showTone(viewModel.stateToneProperty().get());
        viewModel.stateToneProperty().addListener((observable, old, tone) -> showTone(tone));
    }

    private void showTone(Tone current) {
        for (Tone tone : Tone.values()) {
            stateBadge.pseudoClassStateChanged(PseudoClass.getPseudoClass(tone.pseudoClassName()), tone == current);
        }
    }

    @FXML
    private void copyKeyId() {
        copy(viewModel.copyKeyId());
    }

    @FXML
    private void copyArn() {
        copy(viewModel.copyArn());
    }

    /** Puts the text on the clipboard; the button says "Copied" for a moment. */
    private void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
        copiedSign.playFromStart();
    }

    /** Where the panel for several selected keys goes; shown while several are. */
    public StackPane severalKeysSlot() {
        return severalKeysSlot;
    }

    /** Where the tag editor of the selected key goes; holds a placeholder until then. */
    public StackPane tagEditorSlot() {
        return tagEditorSlot;
    }
}
