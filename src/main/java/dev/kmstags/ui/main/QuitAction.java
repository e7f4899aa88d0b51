package dev.kmstags.ui.main;

import dev.kmstags.ui.common.Action;
import dev.kmstags.ui.common.AppState;
import java.util.Objects;

/**
 * File → Quit: closes the app once the leave guards allow it. A guard that holds closing back (tag changes being
 * written) closes the app itself later.
 */
public final class QuitAction extends Action {

    private final AppState state;
    private final Runnable close;

    /**
     * @param close closes the app
     */
    public QuitAction(AppState state, Runnable close) {
        this.state = Objects.requireNonNull(state, "state");
        this.close = Objects.requireNonNull(close, "close");
    }

    @Override
    public void execute() {
        if (mayClose()) {
            close.run();
        }
    }

    /**
     * Whether the app may close now, for the window's own close button too: asks the leave guards, which may run
     * the close themselves later.
     */
    public boolean mayClose() {
        return state.mayClose(close);
    }
}
