package dev.kmstags.ui.main;

import dev.kmstags.ui.connection.CheckAccessChangesAction;
import dev.kmstags.ui.connection.ChooseTagPolicyAction;
import dev.kmstags.ui.connection.ForgetTagPolicyAction;
import dev.kmstags.ui.connection.MarkProductionAction;
import dev.kmstags.ui.connection.ReloadProfilesAction;
import dev.kmstags.ui.connection.ThrottleBundledBackendAction;
import dev.kmstags.ui.keylist.RefreshAction;
import java.util.Objects;

/** The commands of the main window's menus that act on the app, the key list and the connection. */
public record MainWindowActions(RefreshAction refresh, QuitAction quit, UseThemeAction lightTheme,
                                UseThemeAction darkTheme, MarkProductionAction markProduction,
                                CheckAccessChangesAction checkAccess, ReloadProfilesAction reloadProfiles,
                                ThrottleBundledBackendAction throttleBackend, ChooseTagPolicyAction chooseTagPolicy,
                                ForgetTagPolicyAction forgetTagPolicy, AboutAction about) {

    public MainWindowActions {
        Objects.requireNonNull(refresh, "refresh");
        Objects.requireNonNull(quit, "quit");
        Objects.requireNonNull(lightTheme, "lightTheme");
        Objects.requireNonNull(darkTheme, "darkTheme");
        Objects.requireNonNull(markProduction, "markProduction");
        Objects.requireNonNull(checkAccess, "checkAccess");
        Objects.requireNonNull(reloadProfiles, "reloadProfiles");
        Objects.requireNonNull(throttleBackend, "throttleBackend");
        Objects.requireNonNull(chooseTagPolicy, "chooseTagPolicy");
        Objects.requireNonNull(forgetTagPolicy, "forgetTagPolicy");
        Objects.requireNonNull(about, "about");
    }
}
