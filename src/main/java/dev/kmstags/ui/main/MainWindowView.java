package dev.kmstags.ui.main;

import dev.kmstags.ui.bulk.BulkEditCommands;
import dev.kmstags.ui.bulk.BulkEditView;
import dev.kmstags.ui.bulk.BulkEditViewModel;
import dev.kmstags.ui.common.Action;
import dev.kmstags.ui.common.ActionBinding;
import dev.kmstags.ui.common.AppState;
import dev.kmstags.ui.common.FxmlViews;
import dev.kmstags.ui.connection.ConnectionMenuView;
import dev.kmstags.ui.connection.ConnectionsViewModel;
import dev.kmstags.ui.connection.RegionMenuView;
import dev.kmstags.ui.keydetails.KeyDetailsView;
import dev.kmstags.ui.keydetails.KeyDetailsViewModel;
import dev.kmstags.ui.keylist.KeyListView;
import dev.kmstags.ui.tageditor.TagEditorCommands;
import dev.kmstags.ui.tageditor.TagEditorView;
import dev.kmstags.ui.tageditor.TagEditorViewModel;
import java.util.ResourceBundle;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * The main window's content: menu bar, key list with the details panel beside it, and the status bar. Binds to a
 * {@link MainWindowViewModel}, its menu items to {@link MainWindowActions}.
 */
public final class MainWindowView extends BorderPane {

    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    private static final KeyCombination REDO_ALSO = new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN);

    private final MainWindowViewModel viewModel;
    private final AppState state;
    private final ConnectionsViewModel connections;
    private final MainWindowActions actions;
    private final ResourceBundle resources;
    private final KeyListView keyListView;
    private final KeyDetailsView keyDetailsView;
    private final TagEditorView tagEditorView;
    private final BulkEditView bulkEditView;

    @FXML
    private MenuItem refreshItem;
    @FXML
    private MenuItem quitItem;
    @FXML
    private MenuItem exportTagsItem;
    @FXML
    private MenuItem importTagsItem;
    @FXML
    private MenuItem aboutItem;
    @FXML
    private MenuItem findItem;
    @FXML
    private MenuItem addTagItem;
    @FXML
    private MenuItem removeTagItem;
    @FXML
    private MenuItem revertItem;
    @FXML
    private MenuItem revertAllItem;
    @FXML
    private MenuItem undoItem;
    @FXML
    private MenuItem redoItem;
    @FXML
    private MenuItem reviewItem;
    @FXML
    private MenuItem fixKeyCaseItem;
    @FXML
    private RadioMenuItem lightThemeItem;
    @FXML
    private RadioMenuItem darkThemeItem;
    @FXML
    private SplitPane splitPane;
    @FXML
    private Label connectionLabel;
    @FXML
    private ProgressIndicator progressIndicator;
    @FXML
    private Label statusLabel;
    @FXML
    private Label lastResultLabel;

    @FXML
    private VBox bulkCommitSlot;

    @FXML
    private Menu connectionMenu;
    @FXML
    private Menu regionMenu;
    @FXML
    private Label productionBanner;

    public MainWindowView(MainWindowViewModel viewModel, AppState state, KeyDetailsViewModel keyDetails,
                          ConnectionsViewModel connections, TagEditorViewModel tagEditor, BulkEditViewModel bulkEdit,
                          MainWindowActions actions, ResourceBundle resources) {
        this.viewModel = viewModel;
        this.state = state;
        this.connections = connections;
        this.actions = actions;
        this.resources = resources;
        this.keyListView = new KeyListView(viewModel.keyList(), resources);
        this.keyDetailsView = new KeyDetailsView(keyDetails, resources);
        this.tagEditorView = new TagEditorView(tagEditor, resources);
        this.bulkEditView = new BulkEditView(bulkEdit, resources);
        FxmlViews.load(this, resources);
    }

    @FXML
    private void initialize() {
        splitPane.getItems().setAll(keyListView, keyDetailsView);
        // Extra width goes to the key list; the details panel keeps its size.
        SplitPane.setResizableWithParent(keyDetailsView, false);
        keyDetailsView.tagEditorSlot().getChildren().setAll(tagEditorView);
        keyDetailsView.severalKeysSlot().getChildren().setAll(bulkEditView);
        TagEditorCommands edit = tagEditorView.commands();
        BulkEditCommands bulk = bulkEditView.commands();
        // One key or several are shown, never both: undo, redo and review act on the one shown.
        Action redo = Action.either(edit.redo(), bulk.redo());
        ActionBinding.bind(undoItem, Action.either(edit.undo(), bulk.undo()));
        ActionBinding.bind(redoItem, redo);
        ActionBinding.bind(addTagItem, edit.addTag());
        ActionBinding.bind(removeTagItem, edit.removeTag());
        ActionBinding.bind(revertItem, edit.revert());
        ActionBinding.bind(revertAllItem, edit.revertAll());
        ActionBinding.bind(reviewItem, Action.either(edit.review(), bulk.review()));
        ActionBinding.bind(findItem, keyListView.findCommand());
        // A menu item has one shortcut; Ctrl+Y, the other usual one for Redo, goes through the scene.
        sceneProperty().addListener((observable, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(REDO_ALSO, redo::execute);
            }
        });

        new ConnectionMenuView(connectionMenu, connections, actions.markProduction(), actions.checkAccess(),
                actions.reloadProfiles(), actions.throttleBackend(), resources).addItem(actions.chooseTagPolicy(),
                resources.getString("menu.connection.tagPolicy")).addItem(actions.forgetTagPolicy(),
                resources.getString("menu.connection.forgetTagPolicy"));
        new RegionMenuView(regionMenu, connections, resources);
        setTop(new VBox(getTop(), productionBanner));
        productionBanner.textProperty().bind(connections.productionBannerProperty());
        productionBanner.visibleProperty().bind(state.productionProperty());
        productionBanner.managedProperty().bind(state.productionProperty());

        ActionBinding.bind(refreshItem, actions.refresh());
        ActionBinding.bind(quitItem, actions.quit());
        ActionBinding.bind(lightThemeItem, actions.lightTheme());
        ActionBinding.bind(darkThemeItem, actions.darkTheme());
        ActionBinding.bind(aboutItem, actions.about());
        connectionLabel.textProperty().bind(viewModel.connectionTextProperty());
        connectionLabel.visibleProperty().bind(viewModel.connectionTextProperty().isNotEmpty());
        progressIndicator.visibleProperty().bind(viewModel.busyProperty());
        progressIndicator.managedProperty().bind(viewModel.busyProperty());
        statusLabel.textProperty().bind(viewModel.statusTextProperty());
        statusLabel.pseudoClassStateChanged(ERROR, viewModel.statusIsErrorProperty().get());
        viewModel.statusIsErrorProperty().addListener(
                (observable, old, error) -> statusLabel.pseudoClassStateChanged(ERROR, error));
        lastResultLabel.textProperty().bind(viewModel.shownResultProperty());
        lastResultLabel.pseudoClassStateChanged(ERROR, viewModel.shownResultIsErrorProperty().get());
        viewModel.shownResultIsErrorProperty().addListener(
                (observable, old, error) -> lastResultLabel.pseudoClassStateChanged(ERROR, error));
    }

    /** Binds the File menu's inventory commands: export the tags of the keys shown or selected, and import. */
    public void bindInventory(Action exportTags, Action importTags) {
        ActionBinding.bind(exportTagsItem, exportTags);
        ActionBinding.bind(importTagsItem, importTags);
    }

    /** Binds Edit → Fix capitalization of tag keys… to its action, which the composition root makes. */
    public void bindFixKeyCase(Action fixKeyCase) {
        ActionBinding.bind(fixKeyCaseItem, fixKeyCase);
    }

    /** The key list, for tests and for panels that place themselves beside it. */
    public KeyListView keyListView() {
        return keyListView;
    }

    public KeyDetailsView keyDetailsView() {
        return keyDetailsView;
    }

    public BulkEditView bulkEditView() {
        return bulkEditView;
    }

    public TagEditorView tagEditorView() {
        return tagEditorView;
    }

    /** Where a bulk commit's progress and result show: between the key list and the status bar. */
    public VBox bulkCommitSlot() {
        return bulkCommitSlot;
    }
}
