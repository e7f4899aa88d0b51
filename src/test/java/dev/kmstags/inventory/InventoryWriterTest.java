package dev.kmstags.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kmstags.domain.KeyManager;
import dev.kmstags.domain.KeySummary;
import dev.kmstags.domain.KeyTags;
import dev.kmstags.domain.Tag;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class InventoryWriterTest {

    static final String ARN_1 = "arn:aws:kms:eu-west-1:111122223333:key/1111aaaa-0000-0000-0000-000000000001";
    static final String ARN_2 = "arn:aws:kms:eu-west-1:111122223333:key/2222bbbb-0000-0000-0000-000000000002";

    static List<InventoryEntry> entries() {
        KeySummary payments = new KeySummary("1111aaaa-0000-0000-0000-000000000001", ARN_1,
                List.of("alias/payments", "alias/cards"), "", "Enabled", KeyManager.CUSTOMER, null);
        KeySummary orders = new KeySummary("2222bbbb-0000-0000-0000-000000000002", ARN_2, List.of(), "",
                "Disabled", KeyManager.CUSTOMER, null);
        return List.of(
                InventoryEntry.of(payments, KeyTags.read(payments.keyId(), List.of(new Tag("Team", "platform"),
                        new Tag("Formula", "=1+1"), new Tag("Note", "")))),
                InventoryEntry.of(orders, KeyTags.read(orders.keyId(), List.of(new Tag("Team", "a, \"b\"\nc")))));
    }

    private static String write(ExportFormat format) throws IOException {
        StringWriter out = new StringWriter();
        new InventoryWriter().write(entries(), format, out);
        return out.toString();
    }

    @Test
    void perKeyHasTheFixedColumnsThenOneColumnPerTagKeyInOrder() throws IOException {
        String csv = write(ExportFormat.CSV);

        assertThat(csv).startsWith("\uFEFFAccount,Region,Key ID,ARN,Aliases,State,Manager,"
                + "Tag: Formula,Tag: Note,Tag: Team\r\n");
        assertThat(csv).contains("111122223333,eu-west-1,1111aaaa-0000-0000-0000-000000000001," + ARN_1
                + ",\"alias/cards, alias/payments\",Enabled,CUSTOMER,'=1+1,',platform\r\n");
        assertThat(csv).contains("Disabled,CUSTOMER,,,\"a, \"\"b\"\"\nc\"\r\n");
    }

    @Test
    void perTagHasOneRowPerTagWithTheFirstAlias() throws IOException {
        String csv = write(ExportFormat.CSV_LONG);

        assertThat(csv.lines().toList()).startsWith("\uFEFFAccount,Region,Key ID,Alias,Tag key,Tag value",
                "111122223333,eu-west-1,1111aaaa-0000-0000-0000-000000000001,alias/cards,Team,platform",
                "111122223333,eu-west-1,1111aaaa-0000-0000-0000-000000000001,alias/cards,Formula,'=1+1",
                "111122223333,eu-west-1,1111aaaa-0000-0000-0000-000000000001,alias/cards,Note,");
    }

    @Test
    void jsonHoldsTheSameDataAsOneDocument() throws IOException {
        JsonNode document = new ObjectMapper().readTree(write(ExportFormat.JSON));

        assertThat(document.get("format").asText()).isEqualTo("kms-tag-manager/tags");
        assertThat(document.get("keys")).hasSize(2);
        JsonNode first = document.get("keys").get(0);
        assertThat(first.get("arn").asText()).isEqualTo(ARN_1);
        assertThat(first.get("aliases").get(0).asText()).isEqualTo("alias/cards");
        assertThat(first.get("tags").get("Formula").asText()).as("JSON is not a spreadsheet").isEqualTo("=1+1");
        assertThat(document.get("keys").get(1).get("tags").get("Team").asText()).isEqualTo("a, \"b\"\nc");
    }

    @Test
    void formulaGuardIsUndoneExactly() {
        for (String text : List.of("=1", "+1", "-1", "@x", "\tx", "\rx", "'x", "''", "'", "", "plain", "a=b")) {
            assertThat(FormulaGuard.unprotect(FormulaGuard.protect(text))).isEqualTo(text);
        }
        assertThat(FormulaGuard.protect("-5")).isEqualTo("'-5");
        assertThat(FormulaGuard.protect("'x")).isEqualTo("''x");
        assertThat(FormulaGuard.protect("a=b")).isEqualTo("a=b");
    }
}
