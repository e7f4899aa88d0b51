package dev.kmstags.ui.keylist;

import static dev.kmstags.ui.common.TestKeys.DATES;
import static dev.kmstags.ui.common.TestKeys.MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.domain.KeyManager;
import dev.kmstags.domain.KeySummary;
import dev.kmstags.domain.KeyTags;
import dev.kmstags.domain.Tag;
import dev.kmstags.inventory.ExportFormat;
import dev.kmstags.inventory.ImportedRow;
import dev.kmstags.inventory.InventoryEntry;
import dev.kmstags.inventory.InventoryReader;
import dev.kmstags.inventory.InventoryWriter;
import dev.kmstags.kms.MultiRegionServices;
import dev.kmstags.profiles.MemoryPreferences;
import dev.kmstags.profiles.TagCallQuotaPreferences;
import dev.kmstags.ui.bulk.BulkEditViewModel;
import dev.kmstags.ui.common.AppState;
import dev.kmstags.ui.common.ScriptedDialogs;
import dev.kmstags.ui.common.TestServices;
import dev.kmstags.ui.common.TestTaskExecutor;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Multi-Region key while All regions is on: its primary and its replica share the key ID {@code mrk-…}, and each
 * region's key is a row of its own, with its own tags, selected, edited and exported as such.
 */
class MultiRegionKeyRowsTest {

    private static final String MRK = "mrk-1234abcd12ab34cd56ef1234567890ab";
    private static final List<String> REGIONS = List.of("us-east-1", "eu-west-1");

    private final TestTaskExecutor executor = new TestTaskExecutor();
    private final AppState state = new AppState();
    private final KeyListViewModel keyList = new KeyListViewModel(executor, MESSAGES, DATES, state);

    private static String arn(String region) {
        return "arn:aws:kms:" + region + ":111122223333:key/" + MRK;
    }

    /** In each region the replica of the same key, tagged with its region, and a key of that region alone. */
    private final MultiRegionServices services = new MultiRegionServices(REGIONS, region -> TestServices.listing(
            listener -> {
                KeySummary replica = new KeySummary(MRK, arn(region), List.of("alias/payments-global"), "",
                        "Enabled", KeyManager.CUSTOMER, null);
                String ownId = region.equals("us-east-1") ? "1111aaaa-0000-4000-8000-000000000001"
                        : "2222bbbb-0000-4000-8000-000000000002";
                KeySummary own = new KeySummary(ownId, "arn:aws:kms:" + region + ":111122223333:key/" + ownId,
                        List.of(), "", "Enabled", KeyManager.CUSTOMER, null);
                listener.accept(List.of(replica, own));
                listener.tagsArrived(List.of(KeyTags.read(MRK, List.of(new Tag("Home", region))),
                        KeyTags.read(ownId, List.of())));
                return 2;
            }));

    private List<KeyRowViewModel> replicas() {
        return keyList.rows().stream().filter(row -> row.keyId().equals(MRK)).toList();
    }

    @Test
    void eachRegionsReplicaIsARowOfItsOwnWithItsOwnTags() {
        keyList.load(services.keyCatalog());

        assertThat(keyList.rows()).hasSize(4);
        assertThat(replicas()).extracting(KeyRowViewModel::regionText).containsExactlyInAnyOrderElementsOf(REGIONS);
        replicas().forEach(row -> assertThat(row.tagsProperty().get()).as(row.regionText())
                .containsExactly(new Tag("Home", row.regionText())));
    }

    @Test
    void eachReplicaIsNamedWithItsRegionWhereverKeysAreNamed() {
        keyList.load(services.keyCatalog());

        assertThat(replicas()).extracting(KeyRowViewModel::displayName).containsExactlyInAnyOrder(
                "alias/payments-global (us-east-1)", "alias/payments-global (eu-west-1)");
        assertThat(keyList.rows()).filteredOn(row -> !row.keyId().equals(MRK)).extracting(KeyRowViewModel::displayName)
                .allMatch(name -> !name.contains("("));
    }

    @Test
    void bothReplicasSelectedAreTwoKeysOfTheBulkPlanNamedByTheirArns() {
        keyList.load(services.keyCatalog());
        BulkEditViewModel bulk = new BulkEditViewModel(MESSAGES, new ScriptedDialogs(), state, executor,
                new TagCallQuotaPreferences(MemoryPreferences.newRoot()), plan -> { });
        assertThat(keyList.requestSelection(replicas())).isTrue();

        assertThat(bulk.titleProperty().get()).isEqualTo("Tags of 2 keys");
        bulk.tagKeyProperty().set("Owner");
        bulk.tagValueProperty().set("alice");
        bulk.setTag();
        assertThat(bulk.plan().ready()).containsOnlyKeys(arn("us-east-1"), arn("eu-west-1"));
    }

    @Test
    void theExportHasARowPerRegionsReplica() throws Exception {
        keyList.load(services.keyCatalog());
        List<InventoryEntry> entries = new ArrayList<>();
        keyList.rows().forEach(row -> entries.add(InventoryEntry.of(row.key(), KeyTags.read(row.keyId(),
                row.tagsProperty().get()))));
        StringWriter out = new StringWriter();

        new InventoryWriter().write(entries, ExportFormat.CSV, out);

        List<ImportedRow> rows = new InventoryReader().read(new StringReader(out.toString())).rows().stream()
                .filter(row -> row.keyId().equals(MRK)).toList();
        assertThat(rows).hasSize(2).allSatisfy(row -> {
            assertThat(row.arn()).isEqualTo(arn(row.region()));
            assertThat(row.tags()).containsEntry("Home", row.region());
        });
        assertThat(rows).extracting(ImportedRow::region).containsExactlyInAnyOrderElementsOf(REGIONS);
    }
}
