package dev.kmstags.ui.connection;

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
 * Fills the main window's Region menu from a {@link ConnectionsViewModel}: All regions, the regions to tick for it,
 * then every region; the active choice checked.
 */
public final class RegionMenuView {

    private final Menu menu;
    private final ConnectionsViewModel viewModel;
    private final ResourceBundle resources;
    private final ToggleGroup group = new ToggleGroup();
    private final RadioMenuItem allRegions;
    private final Menu ticked;

    public RegionMenuView(Menu menu, ConnectionsViewModel viewModel, ResourceBundle resources) {
        this.menu = menu;
        this.viewModel = viewModel;
        this.resources = resources;
        menu.getStyleClass().add("region-menu");
        allRegions = new RadioMenuItem(resources.getString("menu.region.all"));
        allRegions.getStyleClass().add("all-regions-item");
        allRegions.setToggleGroup(group);
        allRegions.setOnAction(event -> {
            viewModel.selectAllRegions();
            showActive();
        });
        ticked = new Menu(resources.getString("menu.region.ticked"));
        ticked.getStyleClass().add("ticked-regions-menu");
        viewModel.regions().addListener((ListChangeListener<RegionItem>) change -> build());
        viewModel.regionsForAll().addListener((ListChangeListener<RegionItem>) change -> buildTicked());
        viewModel.tickedRegions().addListener((ListChangeListener<String>) change -> buildTicked());
        viewModel.activeRegionProperty().addListener((observable, old, region) -> showActive());
        viewModel.allRegionsProperty().addListener((observable, old, all) -> showActive());
        build();
        buildTicked();
    }

    private void build() {
        List<MenuItem> items = new ArrayList<>(List.of(allRegions, ticked, new SeparatorMenuItem()));
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

    private void buildTicked() {
        List<MenuItem> items = new ArrayList<>();
        MenuItem hint = new MenuItem(resources.getString("menu.region.tickedHint"));
        hint.setDisable(true);
        items.add(hint);
        items.add(new SeparatorMenuItem());
        for (RegionItem region : viewModel.regionsForAll()) {
            CheckMenuItem entry = new CheckMenuItem(region.label());
            entry.setMnemonicParsing(false);
            entry.setSelected(viewModel.tickedRegions().contains(region.id()));
            entry.setOnAction(event -> {
                viewModel.setRegionTicked(region.id(), entry.isSelected());
                // The leave guard may have refused.
                entry.setSelected(viewModel.tickedRegions().contains(region.id()));
            });
            items.add(entry);
        }
        ticked.getItems().setAll(items);
    }

    private void showActive() {
        boolean all = viewModel.allRegionsProperty().get();
        String active = viewModel.activeRegionProperty().get();
        allRegions.setSelected(all);
        group.getToggles().stream().filter(toggle -> toggle != allRegions)
                .forEach(toggle -> toggle.setSelected(!all && active.equals(toggle.getUserData())));
    }
}
