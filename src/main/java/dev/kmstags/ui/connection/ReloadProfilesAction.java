package dev.kmstags.ui.connection;

import dev.kmstags.ui.common.Action;
import java.util.Objects;

/** Connection → Reload profiles: reads the AWS files again, for profiles added or changed since. */
public final class ReloadProfilesAction extends Action {

    private final ConnectionsViewModel connections;

    public ReloadProfilesAction(ConnectionsViewModel connections) {
        this.connections = Objects.requireNonNull(connections, "connections");
    }

    @Override
    public void execute() {
        connections.reloadProfiles();
    }
}
