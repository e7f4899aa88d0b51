package dev.kmstags.ui.connection;

import dev.kmstags.ui.common.ToggleAction;
import java.util.Objects;

/**
 * Connection → Check access changes (IAM): on the active connection, reviews say who gains or loses access to the
 * key through the change, from the account's IAM policies; or no longer.
 */
public final class CheckAccessChangesAction extends ToggleAction {

    private final ConnectionsViewModel connections;

    public CheckAccessChangesAction(ConnectionsViewModel connections) {
        this.connections = Objects.requireNonNull(connections, "connections");
        executable.bind(connections.activeTargetProperty().isNotNull());
        selected.bind(connections.checksAccessProperty());
    }

    @Override
    public void execute() {
        if (isExecutable()) {
            connections.checkAccessChanges(!isSelected());
        }
    }
}
