package dev.kmstags.ui.main;

import static dev.kmstags.ui.common.TestKeys.MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.ui.common.AppState;
import dev.kmstags.ui.common.DialogModel;
import dev.kmstags.ui.common.DialogService;
import dev.kmstags.ui.common.LeaveGuard;
import dev.kmstags.ui.common.Theme;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The app's own commands of the main window's menus: About, Quit and the themes, without a toolkit. */
class MainWindowActionsTest {

    private final List<String> dialogs = new ArrayList<>();
    private final DialogService dialogService = new DialogService() {
        @Override
        public void showInformation(String title, String header, String content) {
            dialogs.add(title + " | " + header);
        }

        @Override
        public void showError(String title, String header, String content) {
            dialogs.add(title + " | " + header + " | " + content);
        }

        @Override
        public <R> R show(DialogModel<R> model) {
            if (model instanceof AboutText about) {
                dialogs.add(about.title() + " | " + about.header());
            }
            return model.dismissed();
        }
    };
    private final AppState state = new AppState();
    private final int[] quits = {0};
    private final QuitAction quit = new QuitAction(state, () -> quits[0]++);

    @Test
    void aboutNamesTheVersion() {
        new AboutAction(dialogService, MESSAGES, "1.2.3").execute();

        assertThat(dialogs).containsExactly("About KMS Tag Manager | KMS Tag Manager 1.2.3");
    }

    @Test
    void quitClosesTheApp() {
        quit.execute();

        assertThat(quits[0]).isEqualTo(1);
    }

    @Test
    void quitWaitsForTheLeaveGuard() {
        boolean[] allow = {false};
        state.addLeaveGuard(() -> allow[0]);

        quit.execute();
        assertThat(quits[0]).isZero();

        allow[0] = true;
        quit.execute();
        assertThat(quits[0]).isEqualTo(1);
    }

    @Test
    void aGuardThatHoldsClosingBackGetsTheQuitToRunLater() {
        Runnable[] heldClose = {null};
        state.addLeaveGuard(new LeaveGuard() {
            @Override
            public boolean mayLeave() {
                return true;
            }

            @Override
            public boolean mayClose(Runnable close) {
                heldClose[0] = close;
                return false;
            }
        });

        quit.execute();
        assertThat(quits[0]).isZero();

        heldClose[0].run();
        assertThat(quits[0]).isEqualTo(1);
    }

    @Test
    void theThemeStartsLightAndCanBeSwitchedAndEachThemeItemShowsWhetherItIsInUse() {
        UseThemeAction light = new UseThemeAction(state, Theme.LIGHT);
        UseThemeAction dark = new UseThemeAction(state, Theme.DARK);
        assertThat(state.themeProperty().get()).isEqualTo(Theme.LIGHT);
        assertThat(light.isSelected()).isTrue();
        assertThat(dark.isSelected()).isFalse();

        dark.execute();

        assertThat(state.themeProperty().get()).isEqualTo(Theme.DARK);
        assertThat(light.isSelected()).isFalse();
        assertThat(dark.isSelected()).isTrue();
    }
}
