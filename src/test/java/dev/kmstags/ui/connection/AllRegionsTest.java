package dev.kmstags.ui.connection;

import static dev.kmstags.ui.common.TestKeys.DATES;
import static dev.kmstags.ui.common.TestKeys.MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.domain.KeyManager;
import dev.kmstags.domain.KeySummary;
import dev.kmstags.kms.KmsAccessException;
import dev.kmstags.kms.KmsProblem;
import dev.kmstags.kms.KmsServices;
import dev.kmstags.profiles.AwsEnvironment;
import dev.kmstags.profiles.AwsSetup;
import dev.kmstags.profiles.ConnectionPreferences;
import dev.kmstags.profiles.ConnectionTarget;
import dev.kmstags.profiles.KmsRegions;
import dev.kmstags.profiles.MemoryPreferences;
import dev.kmstags.ui.common.AppState;
import dev.kmstags.ui.common.ScriptedDialogs;
import dev.kmstags.ui.common.TestServices;
import dev.kmstags.ui.common.TestTaskExecutor;
import dev.kmstags.ui.keylist.KeyListViewModel;
import dev.kmstags.ui.keylist.KeyRowViewModel;
import dev.kmstags.ui.keylist.RegionLoads;
import dev.kmstags.ui.main.MainWindowViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Region → All regions: the keys of every region (or of those ticked, kept per connection) in one list, a region
 * that cannot be read listed with its reason and no dialog; with no toolkit and a key per region.
 */
class AllRegionsTest {

    private static final String NOT_ENABLED = "ap-east-1";

    @TempDir
    Path home;

    private final TestTaskExecutor executor = new TestTaskExecutor();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final Set<String> opened = ConcurrentHashMap.newKeySet();
    private final Preferences preferences = MemoryPreferences.newRoot().node("app");
    private final AppState state = new AppState();
    private final KeyListViewModel keyList = new KeyListViewModel(executor, MESSAGES, DATES, state);
    private final MainWindowViewModel mainWindow = new MainWindowViewModel(executor, MESSAGES, dialogs, state,
            keyList);

    private ConnectionsViewModel connections() {
        AwsEnvironment environment = new AwsEnvironment(Map.of());
        return new ConnectionsViewModel(executor, MESSAGES, dialogs, state, () -> AwsSetup.read(environment, home),
                AwsSetup.withoutProfiles(environment, home), new ConnectionPreferences(preferences),
                (target, region, setup) -> () -> {
                    opened.add(region);
                    return services(region);
                });
    }

    /** One key in every region; KMS's answer in an opt-in region the account has not enabled. */
    private static KmsServices services(String region) {
        if (region.equals(NOT_ENABLED)) {
            return TestServices.listing(listener -> {
                throw new KmsAccessException(KmsProblem.INVALID_CREDENTIALS,
                        "KMS rejected the credentials of the bundled backend (UnrecognizedClientException).", "",
                        null);
            });
        }
        String keyId = "key-in-" + region;
        KeySummary key = new KeySummary(keyId, "arn:aws:kms:" + region + ":111122223333:key/" + keyId,
                List.of("alias/" + region), "", "Enabled", KeyManager.CUSTOMER, null);
        return TestServices.listing(listener -> {
            listener.accept(List.of(key));
            return 1;
        });
    }

    private List<String> rowRegions() {
        return keyList.rows().stream().map(KeyRowViewModel::regionText).sorted().toList();
    }

    @Test
    void allRegionsShowsAKeyOfEveryRegionOfThePartitionAndListsTheRegionNotEnabledWithoutADialog() {
        ConnectionsViewModel connections = connections();
        connections.start(Optional.empty(), Optional.empty());

        connections.selectAllRegions();

        List<String> partition = KmsRegions.samePartitionAs("us-east-1").stream().map(choice -> choice.id())
                .toList();
        assertThat(opened).containsAll(partition);
        assertThat(rowRegions()).hasSize(partition.size() - 1).doesNotContain(NOT_ENABLED);
        RegionLoads loads = keyList.regionLoads();
        assertThat(loads.severalProperty().get()).isTrue();
        assertThat(loads.regions()).filteredOn(load -> load.state() == RegionLoads.State.NOT_READ)
                .singleElement().satisfies(load -> {
                    assertThat(load.region()).isEqualTo(NOT_ENABLED);
                    assertThat(load.reason()).contains("UnrecognizedClientException", "opt-in region");
                });
        assertThat(loads.summaryProperty().get())
                .isEqualTo(partition.size() + " regions: " + (partition.size() - 1) + " read, 1 not read ("
                        + NOT_ENABLED + "). Hover for each region.");
        assertThat(loads.detailsProperty().get()).contains("eu-west-1: 1 key", NOT_ENABLED + ": not read.");
        assertThat(dialogs.shown()).as("no error dialog").isEmpty();
        assertThat(mainWindow.connectionTextProperty().get())
                .isEqualTo("Bundled backend · 111122223333 · all " + partition.size() + " regions");
        assertThat(connections.allRegionsProperty().get()).isTrue();
        assertThat(connections.activeRegionProperty().get()).isEmpty();
    }

    @Test
    void theTickedRegionsAreReadInsteadAndKeptForTheConnection() {
        ConnectionsViewModel connections = connections();
        connections.start(Optional.empty(), Optional.empty());
        connections.setRegionTicked("us-east-1", true);
        connections.setRegionTicked("eu-west-1", true);
        connections.setRegionTicked(NOT_ENABLED, true);
        assertThat(keyList.regionLoads().severalProperty().get()).as("ticking alone opens nothing").isFalse();

        connections.selectAllRegions();
        assertThat(rowRegions()).containsExactly("eu-west-1", "us-east-1");
        connections.setRegionTicked(NOT_ENABLED, false);
        assertThat(rowRegions()).as("read again at once").containsExactly("eu-west-1", "us-east-1");
        assertThat(keyList.regionLoads().regions()).extracting(RegionLoads.RegionLoad::region)
                .containsExactly("us-east-1", "eu-west-1");

        // The next start opens all regions again, with the same ticks.
        opened.clear();
        ConnectionsViewModel nextRun = connections();
        nextRun.start(Optional.empty(), Optional.empty());
        assertThat(nextRun.allRegionsProperty().get()).isTrue();
        assertThat(nextRun.tickedRegions()).containsExactly("us-east-1", "eu-west-1");
        assertThat(opened).containsExactlyInAnyOrder("us-east-1", "eu-west-1");
        assertThat(new ConnectionPreferences(preferences).tickedRegions(ConnectionTarget.profile("other")))
                .isEmpty();
        // Without its own region ticked, the connection reads only the regions ticked.
        nextRun.setRegionTicked("us-east-1", false);
        assertThat(rowRegions()).containsExactly("eu-west-1");

        // One region again: no Region column, no summary.
        nextRun.selectRegion("eu-west-1");
        assertThat(nextRun.allRegionsProperty().get()).isFalse();
        assertThat(rowRegions()).containsExactly("eu-west-1");
        assertThat(keyList.regionLoads().severalProperty().get()).isFalse();
    }
}
