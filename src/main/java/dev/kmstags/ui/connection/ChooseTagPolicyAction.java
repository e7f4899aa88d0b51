package dev.kmstags.ui.connection;

import dev.kmstags.ui.common.Action;
import java.util.Objects;

/** Connection → Tag policy…: picks the tag policy file of the active connection. */
public final class ChooseTagPolicyAction extends Action {

    private final TagPolicyViewModel tagPolicy;

    public ChooseTagPolicyAction(TagPolicyViewModel tagPolicy, ConnectionsViewModel connections) {
        this.tagPolicy = Objects.requireNonNull(tagPolicy, "tagPolicy");
        executable.bind(connections.activeTargetProperty().isNotNull());
    }

    @Override
    public void execute() {
        if (isExecutable()) {
            tagPolicy.chooseFile();
        }
    }
}
