package dev.kmstags.ui.connection;

/**
 * Whether the bundled backend throttles requests as KMS does (AWS's request quotas), switched while it runs and
 * remembered across starts. The app's start option {@code --quotas} fixes it for the run.
 */
public interface BundledBackendThrottle {

    /** Whether the bundled backend throttles now. */
    boolean throttled();

    /** Switches throttling on or off, on the running backend (its data stays) and for the next starts. */
    void throttle(boolean on);

    /** Whether {@code --quotas} set the quotas for this run, so the setting cannot change them. */
    boolean fixedByStartOption();
}
