package dev.kmstags.ui.connection;

import dev.kmstags.profiles.ConnectionTarget;
import dev.kmstags.ui.common.Action;
import dev.kmstags.ui.common.ActionBinding;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;

/**
 * Fills the main window's Connection menu from a {@link ConnectionsViewModel}: one entry per connection with
 * the active one checked, then "Mark as production", "Check access changes (IAM)", "Throttle the bundled backend
 * like KMS", the items added (such as "Tag policy…") and "Reload profiles".
 */
public final class ConnectionMenuView {

    private final Menu menu;
    private final ConnectionsViewModel viewModel;
    private final ToggleGroup group = new ToggleGroup();
    private final CheckMenuItem productionItem = new CheckMenuItem();
    private final CheckMenuItem accessItem = new CheckMenuItem();
    private final CheckMenuItem throttleItem = new CheckMenuItem();
    private final MenuItem reloadItem = new MenuItem();
    private final List<MenuItem> addedItems = new ArrayList<>();

    public ConnectionMenuView(Menu menu, ConnectionsViewModel viewModel, MarkProductionAction markProduction,
                              CheckAccessChangesAction checkAccess, ReloadProfilesAction reloadProfiles,
                              ThrottleBundledBackendAction throttleBackend, ResourceBundle resources) {
        this.menu = menu;
        this.viewModel = viewModel;
        menu.getStyleClass().add("connection-menu");
        productionItem.setText(resources.getString("menu.connection.production"));
        productionItem.getStyleClass().add("production-item");
        ActionBinding.bind(productionItem, markProduction);
        accessItem.setText(resources.getString("menu.connection.accessCheck"));
        accessItem.getStyleClass().add("access-check-item");
        ActionBinding.bind(accessItem, checkAccess);
        throttleItem.setText(resources.getString("menu.connection.throttle"));
        throttleItem.getStyleClass().add("throttle-item");
        ActionBinding.bind(throttleItem, throttleBackend);
        reloadItem.setText(resources.getString("menu.connection.reload"));
        ActionBinding.bind(reloadItem, reloadProfiles);
        viewModel.connections().addListener((ListChangeListener<ConnectionItem>) change -> build());
        viewModel.activeTargetProperty().addListener((observable, old, target) -> showActive());
        viewModel.menuHintProperty().addListener((observable, old, hint) -> build());
        build();
    }

    private void build() {
        List<MenuItem> items = new ArrayList<>();
        for (ConnectionItem item : viewModel.connections()) {
            RadioMenuItem entry = new RadioMenuItem(item.label());
            entry.setMnemonicParsing(false);
            entry.setUserData(item.target());
            entry.setToggleGroup(group);
            entry.setOnAction(event -> {
                viewModel.select(item.target());
                // The leave guard may have said no: show what is really active.
                showActive();
            });
            items.add(entry);
        }
        if (!viewModel.menuHintProperty().get().isEmpty()) {
            items.add(disabled(viewModel.menuHintProperty().get()));
        }
        items.add(new SeparatorMenuItem());
        items.add(productionItem);
        items.add(accessItem);
        items.add(throttleItem);
        items.addAll(addedItems);
        items.add(reloadItem);
        menu.getItems().setAll(items);
        showActive();
    }

    /** Adds an item for {@code action} before "Reload profiles"; answers this view. */
    public ConnectionMenuView addItem(Action action, String text) {
        MenuItem item = new MenuItem(text);
        ActionBinding.bind(item, action);
        addedItems.add(item);
        build();
        return this;
    }

    private static MenuItem disabled(String text) {
        MenuItem item = new MenuItem(text);
        item.setMnemonicParsing(false);
        item.setDisable(true);
        return item;
    }

    private void showActive() {
        ConnectionTarget active = viewModel.activeTargetProperty().get();
        group.getToggles().forEach(toggle -> toggle.setSelected(toggle.getUserData().equals(active)));
    }
}
