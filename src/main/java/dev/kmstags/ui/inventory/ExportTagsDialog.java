package dev.kmstags.ui.inventory;

import dev.kmstags.inventory.ExportFormat;
import dev.kmstags.ui.common.BaseDialog;
import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;

/** Asks which keys to export (those shown or those selected) and in which of the three shapes. */
public final class ExportTagsDialog extends BaseDialog<Optional<ExportChoice>> {

    public ExportTagsDialog(ExportQuestion question, ResourceBundle resources) {
        super(resources.getString("export.title"), "export-dialog");
        getDialogPane().setHeaderText(resources.getString("export.header"));
        getDialogPane().setGraphic(headerIcon("fth-download"));

        ToggleGroup keys = new ToggleGroup();
        RadioButton shown = radio(format(resources, question.filtered() ? "export.keys.shownFiltered"
                : "export.keys.shown", question.shownKeys()), keys, "export-shown");
        RadioButton selected = radio(format(resources, "export.keys.selected", question.selectedKeys()), keys,
                "export-selected");
        selected.setDisable(question.selectedKeys() == 0);
        (question.proposed().selectedOnly() ? selected : shown).setSelected(true);

        ToggleGroup formats = new ToggleGroup();
        Map<ExportFormat, RadioButton> byFormat = new EnumMap<>(ExportFormat.class);
        VBox formatChoices = new VBox();
        formatChoices.getStyleClass().add("export-choices");
        for (ExportFormat format : ExportFormat.values()) {
            RadioButton button = radio(resources.getString("export.format." + format.name()), formats,
                    "export-format-" + format.commandLineName());
            Label detail = new Label(resources.getString("export.format." + format.name() + ".detail"));
            detail.getStyleClass().add("export-detail");
            detail.setWrapText(true);
            byFormat.put(format, button);
            formatChoices.getChildren().addAll(button, detail);
        }
        byFormat.get(question.proposed().format()).setSelected(true);

        VBox keyChoices = new VBox(shown, selected);
        keyChoices.getStyleClass().add("export-choices");
        Label keysTitle = new Label(resources.getString("export.keys"));
        Label formatTitle = new Label(resources.getString("export.format"));
        keysTitle.getStyleClass().add("export-section");
        formatTitle.getStyleClass().add("export-section");
        VBox content = new VBox(keysTitle, keyChoices, formatTitle, formatChoices);
        content.getStyleClass().add("export-content");
        getDialogPane().setContent(content);
        getDialogPane().setPrefWidth(560);

        ButtonType export = new ButtonType(resources.getString("export.button"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(export, ButtonType.CANCEL);
        setResultConverter(button -> {
            if (button != export) {
                return question.dismissed();
            }
            ExportFormat format = byFormat.entrySet().stream().filter(entry -> entry.getValue().isSelected())
                    .map(Map.Entry::getKey).findFirst().orElse(question.proposed().format());
            return Optional.of(new ExportChoice(format, selected.isSelected()));
        });
    }

    private static RadioButton radio(String text, ToggleGroup group, String styleClass) {
        RadioButton button = new RadioButton(text);
        button.setToggleGroup(group);
        button.setMnemonicParsing(false);
        button.getStyleClass().add(styleClass);
        return button;
    }

    private static String format(ResourceBundle resources, String key, Object... args) {
        return new MessageFormat(resources.getString(key), resources.getLocale()).format(args);
    }
}
