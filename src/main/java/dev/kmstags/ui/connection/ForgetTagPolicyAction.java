package dev.kmstags.ui.connection;

import dev.kmstags.ui.common.Action;
import java.util.Objects;

/** Connection → Forget tag policy file: the active connection no longer checks against the file picked for it. */
public final class ForgetTagPolicyAction extends Action {

    private final TagPolicyViewModel tagPolicy;

    public ForgetTagPolicyAction(TagPolicyViewModel tagPolicy) {
        this.tagPolicy = Objects.requireNonNull(tagPolicy, "tagPolicy");
        executable.bind(tagPolicy.fileChosenProperty());
    }

    @Override
    public void execute() {
        if (isExecutable()) {
            tagPolicy.forgetFile();
        }
    }
}
