package dev.kmstags.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.domain.KeyManager;
import dev.kmstags.domain.KeySummary;
import dev.kmstags.domain.KeyTags;
import dev.kmstags.domain.Tag;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An inventory file planned against the keys of several regions, a Multi-Region key's replicas among them. */
class MultiRegionImportTest {

    private static final String ACCOUNT = "111122223333";
    private static final String MRK = "mrk-1234abcd12ab34cd56ef1234567890ab";
    private static final String EU_ONLY = "2222bbbb-0000-0000-0000-000000000002";

    private static InventoryEntry entry(String region, String keyId, String team) {
        KeySummary key = new KeySummary(keyId, "arn:aws:kms:" + region + ":" + ACCOUNT + ":key/" + keyId, List.of(),
                "", "Enabled", KeyManager.CUSTOMER, null);
        return InventoryEntry.of(key, KeyTags.read(key.id(), List.of(new Tag("Team", team))));
    }

    /** The regions in the order they were asked for. */
    private static final Map<String, List<InventoryEntry>> LOADED = new LinkedHashMap<>();

    static {
        LOADED.put("us-east-1", List.of(entry("us-east-1", MRK, "payments")));
        LOADED.put("eu-west-1", List.of(entry("eu-west-1", MRK, "payments"), entry("eu-west-1", EU_ONLY, "data")));
    }

    private static ImportResult plan(List<ImportedRow> rows) {
        return new MultiRegionImport(ACCOUNT, LOADED, Map.of("ap-east-1", "KMS rejected the credentials."),
                ImportOptions.defaults()).plan(new InventoryFile(ExportFormat.CSV, rows));
    }

    private static ImportedRow row(long line, String region, String keyId, String team) {
        return new ImportedRow(line, ACCOUNT, region, keyId, "", "", Map.of("Team", team));
    }

    @Test
    void eachReplicaIsPlannedInItsRegionAsAKeyOfItsOwn() {
        ImportResult result = plan(List.of(row(2, "us-east-1", MRK, "billing"), row(3, "eu-west-1", MRK, "billing"),
                row(4, "", EU_ONLY, "analytics")));

        assertThat(result.problems()).isEmpty();
        assertThat(result.changes()).extracting(change -> change.key().arn()).containsExactlyInAnyOrder(
                "arn:aws:kms:us-east-1:" + ACCOUNT + ":key/" + MRK, "arn:aws:kms:eu-west-1:" + ACCOUNT + ":key/" + MRK,
                "arn:aws:kms:eu-west-1:" + ACCOUNT + ":key/" + EU_ONLY);
    }

    @Test
    void aKeyIdOfSeveralRegionsWithoutARegionAndARowOfARegionNotReadAreListedWithTheReason() {
        ImportResult result = plan(List.of(row(2, "", MRK, "billing"), row(3, "ap-east-1", EU_ONLY, "x"),
                row(4, "sa-east-1", EU_ONLY, "x")));

        assertThat(result.changes()).isEmpty();
        assertThat(result.problems()).extracting(ImportProblem::describe).containsExactly(
                "line 2: keys of several regions (us-east-1, eu-west-1) have the key ID " + MRK
                        + "; give the row its region or ARN",
                "line 3: the row names region ap-east-1, which was not read: KMS rejected the credentials.",
                "line 4: the row names region sa-east-1, which was not read (it is not among the regions shown)");
    }

    @Test
    void aKeyIdOfNoRegionReadIsUnknownInTheFirstRegionOrNamesTheRegionsNotRead() {
        ImportedRow nowhere = row(2, "", "3333cccc-0000-0000-0000-000000000003", "x");

        ImportResult allRead = new MultiRegionImport(ACCOUNT, LOADED, Map.of(), ImportOptions.defaults())
                .plan(new InventoryFile(ExportFormat.CSV, List.of(nowhere)));
        ImportResult someNotRead = plan(List.of(nowhere));

        assertThat(allRead.problems()).extracting(ImportProblem::describe).containsExactly(
                "line 2: no key of this connection has the key ID 3333cccc-0000-0000-0000-000000000003");
        assertThat(someNotRead.problems()).extracting(ImportProblem::describe).containsExactly(
                "line 2: no key of the regions read has the key ID 3333cccc-0000-0000-0000-000000000003; not read:"
                        + " ap-east-1");
    }

    @Test
    void anExportOfEveryRegionImportedUnchangedChangesNothing() throws Exception {
        List<InventoryEntry> all = LOADED.values().stream().flatMap(List::stream).toList();
        StringWriter out = new StringWriter();
        new InventoryWriter().write(all, ExportFormat.CSV_LONG, out);

        ImportResult result = new MultiRegionImport(ACCOUNT, LOADED, Map.of(), ImportOptions.defaults())
                .plan(new InventoryReader().read(new StringReader(out.toString())));

        assertThat(result.nothingToDo()).isTrue();
        assertThat(result.plans()).hasSize(3);
    }
}
