package dev.kmstags.ui.tageditor;

import java.util.Locale;
import java.util.ResourceBundle;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;

/** A small icon that says whether a row adds, changes or removes a tag; nothing for an unchanged one. */
final class TagStateCell extends TableCell<TagRowViewModel, TagRowViewModel.State> {

    private final ResourceBundle resources;
    private final FontIcon icon = new FontIcon();
    private final Tooltip tooltip = new Tooltip();

    TagStateCell(ResourceBundle resources) {
        this.resources = resources;
        icon.getStyleClass().add("tag-state-icon");
    }

    @Override
    protected void updateItem(TagRowViewModel.State state, boolean empty) {
        super.updateItem(state, empty);
        setText(null);
        if (empty || state == null || state == TagRowViewModel.State.UNCHANGED) {
            setGraphic(null);
            setTooltip(null);
            return;
        }
        icon.setIconLiteral(switch (state) {
            case ADDED -> "fth-plus";
            case CHANGED -> "fth-edit-2";
            default -> "fth-minus";
        });
        icon.getStyleClass().setAll("ikonli-font-icon", "tag-state-icon", state.name().toLowerCase(Locale.ROOT));
        tooltip.setText(resources.getString("editor.state." + state.name()));
        setTooltip(tooltip);
        setGraphic(icon);
    }
}
