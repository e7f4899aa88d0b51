package dev.kmstags.ui.connection;

import dev.kmstags.ui.common.ToggleAction;
import java.util.Objects;

/** Connection → Mark as production: marks the active connection and its account, or no longer. */
public final class MarkProductionAction extends ToggleAction {

    private final ConnectionsViewModel connections;

    public MarkProductionAction(ConnectionsViewModel connections) {
        this.connections = Objects.requireNonNull(connections, "connections");
        executable.bind(connections.activeTargetProperty().isNotNull());
        selected.bind(connections.markedProductionProperty());
    }

    @Override
    public void execute() {
        if (isExecutable()) {
            connections.markProduction(!isSelected());
        }
    }
}
