package dev.kmstags.ui.connection;

import static dev.kmstags.ui.common.TestKeys.MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.kms.EffectiveTagPolicy;
import dev.kmstags.kms.KeyCatalog;
import dev.kmstags.kms.KmsServices;
import dev.kmstags.kms.TagService;
import dev.kmstags.profiles.ConnectionPreferences;
import dev.kmstags.profiles.ConnectionTarget;
import dev.kmstags.profiles.MemoryPreferences;
import dev.kmstags.ui.common.AppState;
import dev.kmstags.ui.common.PolicyInForce;
import dev.kmstags.ui.common.ScriptedDialogs;
import dev.kmstags.ui.common.TestTaskExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the open connection's tag policy comes from: Organizations first, else the file picked for it, else none. */
class TagPolicyViewModelTest {

    private static final String ORGANIZATIONS_POLICY = "{\"tags\":{\"costcenter\":{\"tag_key\":\"CostCenter\"}}}";
    private static final String FILE_POLICY = "{\"tags\":{\"team\":{\"tag_key\":{\"@@assign\":\"Team\"}}}}";

    @TempDir
    Path folder;

    private final AppState state = new AppState();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final ObjectProperty<ConnectionTarget> target = new SimpleObjectProperty<>(new ConnectionTarget.Bundled());
    private final ConnectionPreferences preferences = new ConnectionPreferences(MemoryPreferences.newRoot());
    private final TagPolicyViewModel viewModel = new TagPolicyViewModel(new TestTaskExecutor(), MESSAGES, dialogs,
            state, target, preferences);

    /** An open connection whose Organizations answers {@code answer}. */
    private static KmsServices answering(EffectiveTagPolicy answer) {
        return new KmsServices() {
            @Override
            public KeyCatalog keyCatalog() {
                return null;
            }

            @Override
            public TagService tagService() {
                return null;
            }

            @Override
            public EffectiveTagPolicy effectiveTagPolicy() {
                return answer;
            }
        };
    }

    private Path policyFile() throws IOException {
        return Files.writeString(folder.resolve("policy.json"), FILE_POLICY);
    }

    private PolicyInForce inForce() {
        return state.tagPolicyProperty().get();
    }

    @Test
    void theAccountsEffectivePolicyFromOrganizationsGoesFirst() throws IOException {
        preferences.rememberTagPolicyFile(target.get(), policyFile());

        state.connectionOpened(answering(new EffectiveTagPolicy.Found(ORGANIZATIONS_POLICY)));

        assertThat(inForce().source()).isEqualTo("the organization’s effective tag policy");
        assertThat(inForce().policy().governing("COSTCENTER")).isPresent();
        assertThat(inForce().policy().governing("team")).isEmpty();
    }

    @Test
    void credentialsThatMayNotReadItFallBackToTheFilePickedForTheConnection() throws IOException {
        Path file = policyFile();
        preferences.rememberTagPolicyFile(target.get(), file);

        state.connectionOpened(answering(new EffectiveTagPolicy.NotAllowed("AccessDeniedException")));

        assertThat(inForce().source()).isEqualTo("the tag policy in " + file.toAbsolutePath());
        assertThat(inForce().policy().governing("team")).isPresent();
        state.connectionClosed();
        assertThat(inForce().isPresent()).as("a closed connection has no policy").isFalse();
    }

    @Test
    void withoutEitherThereIsNoneUntilTheUserPicksAFileWhichIsKeptForTheConnection() throws IOException {
        state.connectionOpened(answering(new EffectiveTagPolicy.None()));
        assertThat(inForce().isPresent()).isFalse();
        Path file = policyFile();

        dialogs.answerNextFileChoice(Optional.of(file));
        viewModel.chooseFile();

        assertThat(inForce().policy().governing("team")).isPresent();
        assertThat(preferences.tagPolicyFile(target.get())).contains(file.toAbsolutePath());
        assertThat(preferences.tagPolicyFile(new ConnectionTarget.Environment())).isEmpty();
    }

    @Test
    void aPickedFileThatIsNoTagPolicyIsRefusedWithASentenceAndNotKept() throws IOException {
        state.connectionOpened(answering(new EffectiveTagPolicy.None()));
        Path file = Files.writeString(folder.resolve("not-a-policy.json"), "{\"tags\": 1}");

        dialogs.answerNextFileChoice(Optional.of(file));
        viewModel.chooseFile();

        assertThat(dialogs.shown("error")).singleElement().satisfies(error -> {
            assertThat(error.header()).isEqualTo(file + " is not a tag policy that can be read.");
            assertThat(error.content()).isEqualTo("\"tags\" in a tag policy must be an object of policy keys.");
        });
        assertThat(preferences.tagPolicyFile(target.get())).isEmpty();
        assertThat(inForce().isPresent()).isFalse();
    }

    @Test
    void aForgottenFileIsNoLongerCheckedAgainstNorUsedWhenTheConnectionOpensAgain() throws IOException {
        Path file = policyFile();
        preferences.rememberTagPolicyFile(target.get(), file);
        preferences.rememberTagPolicyFile(new ConnectionTarget.Environment(), file);
        state.connectionOpened(answering(new EffectiveTagPolicy.None()));
        assertThat(inForce().isPresent()).isTrue();
        assertThat(viewModel.fileChosenProperty().get()).isTrue();

        viewModel.forgetFile();

        assertThat(inForce().isPresent()).isFalse();
        assertThat(viewModel.fileChosenProperty().get()).isFalse();
        assertThat(preferences.tagPolicyFile(target.get())).isEmpty();
        assertThat(preferences.tagPolicyFile(new ConnectionTarget.Environment())).as("kept per connection")
                .contains(file.toAbsolutePath());
        state.connectionOpened(answering(new EffectiveTagPolicy.None()));
        assertThat(inForce().isPresent()).isFalse();
    }

    @Test
    void forgettingTheFileKeepsTheOrganizationsPolicyInForce() throws IOException {
        preferences.rememberTagPolicyFile(target.get(), policyFile());
        state.connectionOpened(answering(new EffectiveTagPolicy.Found(ORGANIZATIONS_POLICY)));

        viewModel.forgetFile();

        assertThat(inForce().source()).isEqualTo("the organization’s effective tag policy");
    }
}
