package dev.kmstags.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kmstags.domain.KeyManager;
import dev.kmstags.domain.KeySummary;
import dev.kmstags.domain.KeyTags;
import dev.kmstags.domain.Tag;
import dev.kmstags.domain.TagPlan;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class InventoryImportTest {

    private static final String ACCOUNT = "111122223333";
    private static final String REGION = "eu-west-1";

    private static KeySummary key(String keyId, String state, String... aliases) {
        return new KeySummary(keyId, "arn:aws:kms:" + REGION + ":" + ACCOUNT + ":key/" + keyId, List.of(aliases), "",
                state, KeyManager.CUSTOMER, null);
    }

    private static final KeySummary PAYMENTS = key("1111aaaa-0000-0000-0000-000000000001", "Enabled",
            "alias/payments");
    private static final KeySummary ORDERS = key("2222bbbb-0000-0000-0000-000000000002", "Enabled");

    /** Values a spreadsheet or a CSV writer could get wrong. */
    private static final List<InventoryEntry> AWKWARD = List.of(
            InventoryEntry.of(PAYMENTS, KeyTags.read(PAYMENTS.keyId(), List.of(
                    new Tag("Comma", "a, b"), new Tag("Quote", "say \"hi\""), new Tag("Lines", "one\r\ntwo\nthree"),
                    new Tag("Eq", "=SUM(A1)"), new Tag("Plus", "+1"), new Tag("Minus", "-1"), new Tag("At", "@cmd"),
                    new Tag("Apos", "'quoted"), new Tag("Lone", "'"), new Tag("Empty", ""),
                    new Tag("Tab", "\tx"), new Tag("Kanji", "東京"), new Tag("Emoji", "🔑 key"),
                    new Tag("=Key", "v"), new Tag("Team", "platform")))),
            InventoryEntry.of(ORDERS, KeyTags.read(ORDERS.keyId(), List.of(new Tag("Team", "orders")))));

    private static String export(List<InventoryEntry> entries, ExportFormat format) throws IOException {
        StringWriter out = new StringWriter();
        new InventoryWriter().write(entries, format, out);
        return out.toString();
    }

    private static ImportResult importText(String text, ImportOptions options) throws InventoryReadException {
        InventoryFile file = new InventoryReader().read(new StringReader(text));
        return new InventoryImport(ACCOUNT, REGION, AWKWARD, options).plan(file);
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void anUnchangedExportIsAPlanWithNoChanges(ExportFormat format) throws Exception {
        String exported = export(AWKWARD, format);

        ImportResult result = importText(exported, ImportOptions.defaults());

        assertThat(result.format()).isEqualTo(format);
        assertThat(result.problems()).isEmpty();
        assertThat(result.plans()).hasSize(2);
        assertThat(result.changes()).isEmpty();
        assertThat(result.plans().get(0).plan().target()).isEqualTo(AWKWARD.get(0).tags());
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void anUnchangedExportIsNoChangeEvenWhenEmptyCellsRemoveOrOnlyAdding(ExportFormat format) throws Exception {
        ImportResult result = importText(export(AWKWARD, format), new ImportOptions(true, true));

        assertThat(result.problems()).isEmpty();
        assertThat(result.changes()).isEmpty();
    }

    @Test
    void aCellWithAValueSetsTheTagAndAnEmptyCellLeavesItByDefault() throws Exception {
        String csv = "Key ID,Tag: Team,Tag: Owner,Tag: Eq\n"
                + PAYMENTS.keyId() + ",payments,alice,\n";

        ImportResult result = importText(csv, ImportOptions.defaults());

        TagPlan plan = result.changes().get(0).plan();
        assertThat(plan.overwritten()).containsExactly(new TagPlan.ValueChange("Team", "platform", "payments"));
        assertThat(plan.added()).containsExactly(new Tag("Owner", "alice"));
        assertThat(plan.removed()).isEmpty();
        assertThat(result.changes().get(0).matchedBy()).isEqualTo(KeyImportPlan.MatchedBy.KEY_ID);
    }

    @Test
    void anEmptyCellRemovesTheTagWhenAskedTo() throws Exception {
        String csv = "ARN,Tag: Eq,Tag: Team\n" + PAYMENTS.arn() + ",,platform\n";

        ImportResult result = importText(csv, new ImportOptions(true, false));

        assertThat(result.changes().get(0).plan().removed()).containsExactly(new Tag("Eq", "=SUM(A1)"));
        assertThat(result.changes().get(0).matchedBy()).isEqualTo(KeyImportPlan.MatchedBy.ARN);
    }

    @Test
    void perTagRowsAreTheWholeTagSetOrOnlyAdditions() throws Exception {
        String csv = "Key ID,Alias,Tag key,Tag value\n"
                + ORDERS.keyId() + ",,Owner,bob\n";

        assertThat(importText(csv, ImportOptions.defaults()).changes().get(0).plan().removed())
                .containsExactly(new Tag("Team", "orders"));
        TagPlan onlyAdd = importText(csv, new ImportOptions(false, true)).changes().get(0).plan();
        assertThat(onlyAdd.removed()).isEmpty();
        assertThat(onlyAdd.added()).containsExactly(new Tag("Owner", "bob"));
    }

    @Test
    void anAliasMatchesWhenNothingElseNamesTheKeyAndSaysSo() throws Exception {
        String csv = "Alias,Tag key,Tag value\npayments,Owner,alice\n";

        KeyImportPlan plan = importText(csv, new ImportOptions(false, true)).changes().get(0);

        assertThat(plan.key()).isEqualTo(PAYMENTS);
        assertThat(plan.matchedBy()).isEqualTo(KeyImportPlan.MatchedBy.ALIAS);
    }

    @Test
    void rowsThatCannotBeAppliedAreListedWithTheirLines() throws Exception {
        String csv = "Account,Region,Key ID,Tag key,Tag value\n"
                + ACCOUNT + "," + REGION + ",ffffffff-0000-0000-0000-000000000009,Team,x\n"
                + "444455556666," + REGION + "," + ORDERS.keyId() + ",Team,x\n"
                + ACCOUNT + ",us-east-1," + ORDERS.keyId() + ",Team,x\n"
                + ACCOUNT + "," + REGION + "," + ORDERS.keyId() + ",aws:reserved,x\n"
                + ACCOUNT + "," + REGION + "," + PAYMENTS.keyId() + ",Team,\"two\nlines\"\n"
                + ACCOUNT + "," + REGION + "," + PAYMENTS.keyId() + ",Team,again\n";

        ImportResult result = importText(csv, new ImportOptions(false, true));

        assertThat(result.problems()).extracting(ImportProblem::line, ImportProblem::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, ImportProblem.Reason.UNKNOWN_KEY),
                org.assertj.core.groups.Tuple.tuple(3L, ImportProblem.Reason.OTHER_ACCOUNT),
                org.assertj.core.groups.Tuple.tuple(4L, ImportProblem.Reason.OTHER_REGION),
                org.assertj.core.groups.Tuple.tuple(5L, ImportProblem.Reason.TAG_RULE),
                org.assertj.core.groups.Tuple.tuple(8L, ImportProblem.Reason.TAG_RULE));
        assertThat(result.problems().get(0).describe())
                .isEqualTo("line 2: no key of this connection has the key ID ffffffff-0000-0000-0000-000000000009");
        assertThat(result.problems().get(3).describe()).contains("aws:reserved").contains("reserved for AWS");
        assertThat(result.problems().get(4).describe()).contains("already on line 6");
        assertThat(result.plans()).isEmpty();
    }

    @Test
    void aFileThatCannotBeReadWholeIsRefusedWithItsLine() {
        assertThatThrownBy(() -> importText("Key ID,Tag: Team\n" + ORDERS.keyId() + ",\"open\n", ImportOptions
                .defaults())).isInstanceOf(InventoryReadException.class).hasMessageContaining("line 2");
        assertThatThrownBy(() -> importText("Key ID,Owner\nx,y\n", ImportOptions.defaults()))
                .hasMessageContaining("column 2 \"Owner\"");
        assertThatThrownBy(() -> importText("Key ID,Tag: Team\nx,y,z\n", ImportOptions.defaults()))
                .hasMessageContaining("line 2: the row has 3 cells");
        assertThatThrownBy(() -> importText("{\"keys\": [{\"keyId\": \"x\", \"tags\": {\"a\": 1}}]}",
                ImportOptions.defaults())).hasMessageContaining("line 1");
        assertThatThrownBy(() -> importText("", ImportOptions.defaults())).hasMessageContaining("empty");
    }
}
