package dev.kmstags.ui.main;

import dev.kmstags.ui.common.AppState;
import dev.kmstags.ui.common.Theme;
import dev.kmstags.ui.common.ToggleAction;
import java.util.Objects;
import javafx.beans.binding.Bindings;

/** View → Light theme or Dark theme: selected while its theme is in use. */
public final class UseThemeAction extends ToggleAction {

    private final AppState state;
    private final Theme theme;

    public UseThemeAction(AppState state, Theme theme) {
        this.state = Objects.requireNonNull(state, "state");
        this.theme = Objects.requireNonNull(theme, "theme");
        selected.bind(Bindings.equal(state.themeProperty(), theme));
    }

    @Override
    public void execute() {
        state.setTheme(theme);
    }
}
