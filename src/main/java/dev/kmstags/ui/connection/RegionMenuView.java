package dev.kmstags.ui.connection;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;

/** Fills the main window's Region menu from a {@link ConnectionsViewModel}, the active region checked. */
public final class RegionMenuView {

    private final Menu menu;
    private final ConnectionsViewModel viewModel;
    private final ToggleGroup group = new ToggleGroup();

    public RegionMenuView(Menu menu, ConnectionsViewModel viewModel) {
        this.menu = menu;
        this.viewModel = viewModel;
        menu.getStyleClass().add("region-menu");
        viewModel.regions().addListener((ListChangeListener<RegionItem>) change -> build());
        viewModel.activeRegionProperty().addListener((observable, old, region) -> showActive());
        build();
    }

    private void build() {
        List<MenuItem> items = new ArrayList<>();
        for (RegionItem region : viewModel.regions()) {
            RadioMenuItem entry = new RadioMenuItem(region.label());
            entry.setMnemonicParsing(false);
            entry.setUserData(region.id());
            entry.setToggleGroup(group);
            entry.setOnAction(event -> {
                viewModel.selectRegion(region.id());
                showActive();
            });
            items.add(entry);
        }
        menu.getItems().setAll(items);
        showActive();
    }

    private void showActive() {
        String active = viewModel.activeRegionProperty().get();
        group.getToggles().forEach(toggle -> toggle.setSelected(toggle.getUserData().equals(active)));
    }
}
