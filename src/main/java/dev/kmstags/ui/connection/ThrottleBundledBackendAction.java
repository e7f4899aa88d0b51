package dev.kmstags.ui.connection;

import dev.kmstags.kms.KmsConnection;
import dev.kmstags.ui.common.AppState;
import dev.kmstags.ui.common.ChosenConnection;
import dev.kmstags.ui.common.ToggleAction;
import java.util.Objects;
import javafx.beans.binding.Bindings;

/**
 * Connection → Throttle the bundled backend like KMS: the bundled backend refuses requests over AWS's request
 * quotas with a ThrottlingException, as KMS does, so bulk changes can be tried at KMS's pace. Offered while the
 * bundled backend is the connection, unless the start option {@code --quotas} decided it for this run.
 */
public final class ThrottleBundledBackendAction extends ToggleAction {

    private final BundledBackendThrottle throttle;

    public ThrottleBundledBackendAction(AppState state, BundledBackendThrottle throttle) {
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        selected.set(throttle.throttled());
        executable.bind(Bindings.createBooleanBinding(() -> !throttle.fixedByStartOption()
                && isBundled(state.chosenConnectionProperty().get()), state.chosenConnectionProperty()));
    }

    private static boolean isBundled(ChosenConnection chosen) {
        return chosen != null && chosen.kind() == KmsConnection.Kind.BUNDLED_BACKEND;
    }

    @Override
    public void execute() {
        if (isExecutable()) {
            throttle.throttle(!isSelected());
            selected.set(throttle.throttled());
        }
    }
}
