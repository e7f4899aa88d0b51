package dev.kmstags.ui.connection;

import dev.kmstags.domain.policy.TagPolicy;
import dev.kmstags.domain.policy.TagPolicyException;
import dev.kmstags.kms.EffectiveTagPolicy;
import dev.kmstags.kms.KmsServices;
import dev.kmstags.profiles.ConnectionPreferences;
import dev.kmstags.profiles.ConnectionTarget;
import dev.kmstags.ui.common.AppState;
import dev.kmstags.ui.common.DialogService;
import dev.kmstags.ui.common.FileChoice;
import dev.kmstags.ui.common.LatestTask;
import dev.kmstags.ui.common.Messages;
import dev.kmstags.ui.common.PolicyInForce;
import dev.kmstags.ui.common.TaskExecutor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the tag policy of each connection as it opens, in the background: the account's effective tag policy from
 * AWS Organizations when the credentials may read it, else the policy file the user picked for the connection
 * (Connection → Tag policy…), else none. Puts it into the {@link AppState} for the editor and the reviews.
 */
public final class TagPolicyViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(TagPolicyViewModel.class);

    private final Messages messages;
    private final DialogService dialogs;
    private final AppState state;
    private final ObservableValue<ConnectionTarget> activeTarget;
    private final ConnectionPreferences preferences;
    private final LatestTask reading;

    /** What Organizations said for the open connection; null until it answered. */
    private EffectiveTagPolicy organizations;
    private final ReadOnlyBooleanWrapper fileChosen = new ReadOnlyBooleanWrapper(this, "fileChosen");

    /**
     * @param activeTarget the connection whose services are open, whose picked file is used
     */
    public TagPolicyViewModel(TaskExecutor executor, Messages messages, DialogService dialogs, AppState state,
                              ObservableValue<ConnectionTarget> activeTarget, ConnectionPreferences preferences) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.state = Objects.requireNonNull(state, "state");
        this.activeTarget = Objects.requireNonNull(activeTarget, "activeTarget");
        this.preferences = Objects.requireNonNull(preferences, "preferences");
        this.reading = new LatestTask(executor);
        state.servicesProperty().addListener((observable, old, services) -> opened(services));
        activeTarget.addListener((observable, old, target) -> showFileChosen());
        opened(state.servicesProperty().get());
    }

    private void showFileChosen() {
        ConnectionTarget target = activeTarget.getValue();
        fileChosen.set(target != null && preferences.tagPolicyFile(target).isPresent());
    }

    /** Whether the user picked a tag policy file for the active connection, which may be forgotten. */
    public ReadOnlyBooleanProperty fileChosenProperty() {
        return fileChosen.getReadOnlyProperty();
    }

    /**
     * Connection → Forget tag policy file: the active connection has no picked file from now on; when its policy
     * came from that file, no policy is in force until Organizations or another file gives one.
     */
    public void forgetFile() {
        ConnectionTarget target = activeTarget.getValue();
        if (target == null) {
            return;
        }
        preferences.forgetTagPolicyFile(target);
        showFileChosen();
        if (!(organizations instanceof EffectiveTagPolicy.Found) && state.servicesProperty().get() != null) {
            state.setTagPolicy(PolicyInForce.none());
        }
    }

    private void opened(KmsServices services) {
        reading.cancel();
        organizations = null;
        showFileChosen();
        if (services == null) {
            return;
        }
        ConnectionTarget target = activeTarget.getValue();
        Optional<Path> file = target == null ? Optional.empty() : preferences.tagPolicyFile(target);
        reading.start(reporter -> decide(services.effectiveTagPolicy(), file), decision -> {
            organizations = decision.organizations();
            state.setTagPolicy(decision.policy());
        }, failure -> LOG.warn("Could not find the tag policy", failure));
    }

    /** Organizations' policy when it has one for us; otherwise the file's, read here in the background. */
    private Decision decide(EffectiveTagPolicy answer, Optional<Path> file) {
        if (answer instanceof EffectiveTagPolicy.Found found) {
            try {
                return new Decision(answer, new PolicyInForce(TagPolicy.parse(found.text()),
                        messages.get("policy.source.organizations")));
            } catch (TagPolicyException e) {
                LOG.warn("The effective tag policy cannot be read: {}", e.getMessage());
            }
        } else {
            LOG.info("No effective tag policy from Organizations: {}", answer);
        }
        return new Decision(answer, file.flatMap(this::readQuietly).orElse(PolicyInForce.none()));
    }

    /** What Organizations answered, and the policy chosen from it. */
    private record Decision(EffectiveTagPolicy organizations, PolicyInForce policy) {
    }

    private Optional<PolicyInForce> readQuietly(Path file) {
        try {
            return Optional.of(read(file));
        } catch (IOException | TagPolicyException e) {
            LOG.warn("The tag policy file {} cannot be read: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    private PolicyInForce read(Path file) throws IOException {
        return new PolicyInForce(TagPolicy.parse(Files.readString(file, StandardCharsets.UTF_8)),
                messages.format("policy.source.file", file.toString()));
    }

    /**
     * Connection → Tag policy…: the user picks a policy file, kept for the active connection. It is used at once
     * unless Organizations answered with the account's own policy, which goes first.
     */
    public void chooseFile() {
        ConnectionTarget target = activeTarget.getValue();
        if (target == null) {
            return;
        }
        Optional<Path> picked = dialogs.chooseFileToOpen(new FileChoice(messages.get("policy.choose.title"),
                preferences.tagPolicyFile(target).map(Path::getParent), "",
                List.of(new FileChoice.Kind(messages.get("policy.choose.kind"), List.of("*.json")))));
        if (picked.isEmpty()) {
            return;
        }
        PolicyInForce policy;
        try {
            policy = read(picked.get());
        } catch (IOException | TagPolicyException e) {
            dialogs.showError(messages.get("policy.choose.title"),
                    messages.format("policy.choose.unreadable", picked.get().toString()), e.getMessage());
            return;
        }
        preferences.rememberTagPolicyFile(target, picked.get());
        showFileChosen();
        if (organizations instanceof EffectiveTagPolicy.Found && state.tagPolicyProperty().get().isPresent()) {
            dialogs.showInformation(messages.get("policy.choose.title"), messages.get("policy.choose.kept"),
                    messages.get("policy.choose.organizationsFirst"));
        } else if (state.servicesProperty().get() != null) {
            state.setTagPolicy(policy);
        }
    }
}
