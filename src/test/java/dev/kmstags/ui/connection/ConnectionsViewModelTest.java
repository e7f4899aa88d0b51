package dev.kmstags.ui.connection;

import static dev.kmstags.ui.common.TestKeys.DATES;
import static dev.kmstags.ui.common.TestKeys.MESSAGES;
import static dev.kmstags.ui.common.TestKeys.PAYMENTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.domain.KeyManager;
import dev.kmstags.domain.KeySummary;
import dev.kmstags.kms.KeyCatalog;
import dev.kmstags.kms.KmsServices;
import dev.kmstags.profiles.AwsEnvironment;
import dev.kmstags.profiles.AwsSetup;
import dev.kmstags.profiles.ConnectionPreferences;
import dev.kmstags.profiles.ConnectionTarget;
import dev.kmstags.profiles.MemoryPreferences;
import dev.kmstags.ui.common.AppState;
import dev.kmstags.ui.common.DialogService;
import dev.kmstags.ui.common.TestServices;
import dev.kmstags.ui.common.TestTaskExecutor;
import dev.kmstags.ui.keylist.KeyListViewModel;
import dev.kmstags.ui.main.MainWindowViewModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Connection and Region menus' logic, on temporary AWS files, with no toolkit and no network. */
class ConnectionsViewModelTest {

    @TempDir
    Path home;

    private final TestTaskExecutor executor = new TestTaskExecutor();
    private final List<String> dialogs = new ArrayList<>();
    private final List<String> opened = new ArrayList<>();
    private final Map<String, String> environment = new HashMap<>();
    private final Preferences preferences = MemoryPreferences.newRoot().node("app");
    private final AppState state = new AppState();
    private final KeyListViewModel keyList = new KeyListViewModel(executor, MESSAGES, DATES, state);
    private final DialogService dialogService = new DialogService() {
        @Override
        public void showInformation(String title, String header, String content) {
            dialogs.add(content);
        }

        @Override
        public void showError(String title, String header, String content) {
            dialogs.add(content);
        }
    };
    private final MainWindowViewModel mainWindow = new MainWindowViewModel(executor, MESSAGES, dialogService, state,
            keyList);

    @BeforeEach
    void writeFiles() throws IOException {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), """
                [profile dev]
                region = eu-west-1

                [profile prod]
                region = eu-central-1
                """);
        Files.writeString(home.resolve(".aws/credentials"), """
                [sandbox]
                aws_access_key_id = A
                aws_secret_access_key = B
                """);
    }

    private ConnectionsViewModel connections() {
        AwsEnvironment env = new AwsEnvironment(environment);
        return new ConnectionsViewModel(executor, MESSAGES, dialogService,
                state, () -> AwsSetup.read(env, home), AwsSetup.withoutProfiles(env, home),
                new ConnectionPreferences(preferences), (target, region, setup) -> () -> {
                    opened.add(target.id() + " " + region);
                    if (target instanceof ConnectionTarget.Profile) {
                        setup.files().load(); // as the real client does: a broken file fails the connection
                    }
                    return services(target.id().equals("profile:prod") ? "444455556666" : "111122223333");
                });
    }

    /** Services with one key of {@code account}. */
    private static KmsServices services(String account) {
        KeySummary key = new KeySummary(PAYMENTS.keyId(), "arn:aws:kms:eu-west-1:" + account + ":key/"
                + PAYMENTS.keyId(), PAYMENTS.aliases(), "", "Enabled", KeyManager.CUSTOMER, null);
        KeyCatalog catalog = onBatch -> {
            onBatch.accept(List.of(key));
            return 1;
        };
        return TestServices.listing(catalog);
    }

    private static List<String> labels(ConnectionsViewModel connections) {
        return connections.connections().stream().map(ConnectionItem::label).toList();
    }

    @Test
    void theFirstRunOpensTheBundledBackendInUsEast1AndListsTheProfiles() {
        ConnectionsViewModel connections = connections();

        connections.start(Optional.empty(), Optional.empty());

        assertThat(opened).containsExactly("bundled us-east-1");
        assertThat(labels(connections)).containsExactly("Bundled backend (local)", "dev", "prod", "sandbox");
        assertThat(connections.activeTargetProperty().get()).isEqualTo(ConnectionTarget.BUNDLED);
        assertThat(connections.regions()).first()
                .isEqualTo(new RegionItem("us-east-1", "us-east-1  ·  US East (N. Virginia)"));
        assertThat(mainWindow.connectionTextProperty().get()).isEqualTo("Bundled backend · 111122223333 · us-east-1");
    }

    @Test
    void theLastConnectionAndRegionOpenAgainUnlessTheCommandLineSaysOtherwise() {
        new ConnectionPreferences(preferences).remember(ConnectionTarget.profile("dev"), "ap-south-1");

        connections().start(Optional.empty(), Optional.empty());
        connections().start(Optional.of("prod"), Optional.empty());
        connections().start(Optional.empty(), Optional.of("us-west-2"));

        assertThat(opened).containsExactly("profile:dev ap-south-1", "profile:prod eu-central-1",
                "profile:prod us-west-2");
    }

    @Test
    void anUnknownProfileOnTheCommandLineOpensTheBundledBackendAndSaysWhy() {
        connections().start(Optional.of("nope"), Optional.empty());

        assertThat(opened).containsExactly("bundled us-east-1");
        assertThat(dialogs).singleElement().asString().startsWith("There is no profile nope in ");
    }

    @Test
    void switchingAsksTheLeaveGuardFirstAndOpensTheProfilesOwnRegion() {
        ConnectionsViewModel connections = connections();
        connections.start(Optional.empty(), Optional.empty());
        List<String> asked = new ArrayList<>();
        boolean[] allow = {false};
        state.addLeaveGuard(() -> {
            asked.add("asked");
            return allow[0];
        });

        connections.select(ConnectionTarget.profile("dev"));
        assertThat(asked).hasSize(1);
        assertThat(connections.activeTargetProperty().get()).isEqualTo(ConnectionTarget.BUNDLED);

        allow[0] = true;
        connections.select(ConnectionTarget.profile("dev"));
        assertThat(connections.activeTargetProperty().get()).isEqualTo(ConnectionTarget.profile("dev"));
        assertThat(connections.regions()).first().extracting(RegionItem::id).isEqualTo("eu-west-1");

        connections.selectRegion("eu-north-1");
        assertThat(asked).hasSize(3);
        assertThat(opened).containsExactly("bundled us-east-1", "profile:dev eu-west-1", "profile:dev eu-north-1");
        assertThat(mainWindow.connectionTextProperty().get()).isEqualTo("dev · 111122223333 · eu-north-1");
        assertThat(new ConnectionPreferences(preferences).lastTarget()).contains(ConnectionTarget.profile("dev"));
        assertThat(new ConnectionPreferences(preferences).lastRegion()).contains("eu-north-1");
    }

    @Test
    void markingAsProductionSetsTheBannerAndCarriesOverToOtherProfilesOfTheAccount() {
        ConnectionsViewModel connections = connections();
        connections.start(Optional.of("dev"), Optional.empty());

        connections.markProduction(true);

        assertThat(state.productionProperty().get()).isTrue();
        assertThat(connections.productionBannerProperty().get()).isEqualTo("Production: changes you apply here go "
                + "to dev · 111122223333 · eu-west-1. Review every change before you apply it.");

        connections.select(ConnectionTarget.profile("prod"));
        assertThat(state.productionProperty().get()).isFalse();
        connections.select(ConnectionTarget.profile("sandbox"));
        assertThat(state.productionProperty().get()).as("same account as dev").isTrue();

        connections.markProduction(false);
        assertThat(state.productionProperty().get()).as("the account is no longer marked").isFalse();
        connections.select(ConnectionTarget.profile("dev"));
        assertThat(state.productionProperty().get()).as("dev itself still is").isTrue();
        connections.markProduction(false);
        assertThat(state.productionProperty().get()).isFalse();
        assertThat(connections.markedProductionProperty().get()).isFalse();
    }

    @Test
    void theAccessCheckIsSwitchedPerConnectionAndRemembered() {
        ConnectionsViewModel connections = connections();
        connections.start(Optional.of("dev"), Optional.empty());
        assertThat(state.accessCheckProperty().get()).isFalse();

        connections.checkAccessChanges(true);

        assertThat(state.accessCheckProperty().get()).isTrue();
        assertThat(connections.checksAccessProperty().get()).isTrue();
        connections.select(ConnectionTarget.profile("sandbox"));
        assertThat(state.accessCheckProperty().get()).as("same account, but another connection").isFalse();
        connections.select(ConnectionTarget.profile("dev"));
        assertThat(state.accessCheckProperty().get()).isTrue();
        assertThat(connections().checksAccessProperty().get()).as("not yet started").isFalse();
        connections.checkAccessChanges(false);
        assertThat(state.accessCheckProperty().get()).isFalse();
    }

    @Test
    void aBrokenConfigFileIsReportedAndTheBundledBackendStillOpens() throws IOException {
        Path config = Files.writeString(home.resolve(".aws/config"), "[profile dev]\nregion = eu-west-1\nbroken\n");
        ConnectionsViewModel connections = connections();

        connections.start(Optional.empty(), Optional.empty());

        assertThat(opened).containsExactly("bundled us-east-1");
        assertThat(labels(connections)).containsExactly("Bundled backend (local)");
        assertThat(connections.menuHintProperty().get()).isEqualTo("AWS files unreadable: see Reload profiles");
        assertThat(dialogs).singleElement().asString().contains(config.toString()).contains("line 3");
        assertThat(connections.setupProblemProperty().get()).contains("line 3");

        Files.writeString(config, "[profile dev]\nregion = eu-west-1\n");
        connections.reloadProfiles();
        assertThat(labels(connections)).contains("dev");
        assertThat(connections.setupProblemProperty().get()).isEmpty();

        Files.writeString(config, "[profile dev]\nregion = eu-west-1\nbroken again\n");
        connections.reloadProfiles();
        assertThat(labels(connections)).as("the menu keeps what it had").contains("dev");
        assertThat(dialogs).hasSize(2);

        connections.select(ConnectionTarget.profile("dev"));
        assertThat(mainWindow.statusTextProperty().get()).contains(config.toString()).contains("line 3");
        assertThat(mainWindow.statusIsErrorProperty().get()).isTrue();
        assertThat(dialogs).hasSize(3);
    }

    @Test
    void aRememberedProfileWhoseFileBrokeSaysSoInTheStatusBar() throws IOException {
        new ConnectionPreferences(preferences).remember(ConnectionTarget.profile("dev"), "eu-west-1");
        Path config = Files.writeString(home.resolve(".aws/config"), "[profile dev]\nbroken\n");

        connections().start(Optional.empty(), Optional.empty());

        assertThat(opened).containsExactly("profile:dev eu-west-1");
        assertThat(mainWindow.statusTextProperty().get()).contains(config.toString()).contains("line 2")
                .endsWith("Fix the file, then choose Connection → Reload profiles.");
        assertThat(dialogs).as("one dialog, from the connection").hasSize(1);
    }

    @Test
    void theEnvironmentsCredentialsAndProfileAreOffered() {
        environment.put("AWS_ACCESS_KEY_ID", "AKIAENV");
        environment.put("AWS_SECRET_ACCESS_KEY", "secret");
        environment.put("AWS_PROFILE", "prod");
        ConnectionsViewModel connections = connections();

        connections.start(Optional.empty(), Optional.empty());

        assertThat(labels(connections)).containsExactly("Bundled backend (local)",
                "Environment variables (AWS_ACCESS_KEY_ID)", "dev", "prod (AWS_PROFILE)", "sandbox");
    }
}
