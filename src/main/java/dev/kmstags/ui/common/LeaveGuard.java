package dev.kmstags.ui.common;

/**
 * What the main window asks before it replaces the tags shown in the editor, replaces its connection or closes;
 * each may ask the user. By default the connection and closing are asked about as leaving is.
 */
@FunctionalInterface
public interface LeaveGuard {

    /** Whether other tags (another key's, or the same key's read again) may replace those shown now. */
    boolean mayLeave();

    /** Whether the connection may be replaced now. */
    default boolean mayReplaceConnection() {
        return mayLeave();
    }

    /**
     * Whether the app may close now. A guard that answers false may have taken {@code close} over, to run it once
     * the work that held it back is done.
     */
    default boolean mayClose(Runnable close) {
        return mayLeave();
    }
}
