package dev.kmstags.inventory;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.kmstags.domain.Tag;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes an inventory in one of the {@link ExportFormat}s. CSV goes through Jackson's CSV module (quoting, line
 * breaks in values) and {@link FormulaGuard} (formulas); it starts with a UTF-8 byte order mark. See
 * docs/inventory.md for the shapes.
 */
public final class InventoryWriter {

    /** The {@code format} member of a JSON inventory. */
    static final String JSON_FORMAT = "kms-tag-manager/tags";
    static final int JSON_VERSION = 1;

    /**
     * A tag with an empty value in the one-row-per-key shape, told apart from an empty cell (no such tag): a lone
     * apostrophe, which {@link FormulaGuard#unprotect} reads as the empty text.
     */
    static final String EMPTY_VALUE = "'";

    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Writes {@code entries} to {@code out} in {@code format}; does not close {@code out}. */
    public void write(List<InventoryEntry> entries, ExportFormat format, Writer out) throws IOException {
        switch (format) {
            case CSV -> writeRows(perKeyRows(entries), out);
            case CSV_LONG -> writeRows(perTagRows(entries), out);
            case JSON -> writeJson(entries, out);
        }
    }

    private static List<List<String>> perKeyRows(List<InventoryEntry> entries) {
        TreeSet<String> tagKeys = new TreeSet<>();
        entries.forEach(entry -> entry.tags().forEach(tag -> tagKeys.add(tag.key())));
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(InventoryColumns.PER_KEY);
        tagKeys.forEach(key -> header.add(InventoryColumns.TAG_COLUMN_PREFIX + key));
        rows.add(protect(header));
        for (InventoryEntry entry : entries) {
            Map<String, String> tags = new LinkedHashMap<>();
            entry.tags().forEach(tag -> tags.put(tag.key(), tag.value()));
            List<String> row = protect(List.of(entry.account(), entry.region(), entry.key().keyId(),
                    entry.key().arn(), String.join(InventoryColumns.ALIAS_SEPARATOR, entry.key().aliases()),
                    entry.key().state(), entry.key().manager().name()));
            for (String tagKey : tagKeys) {
                String value = tags.get(tagKey);
                row.add(value == null ? "" : value.isEmpty() ? EMPTY_VALUE : FormulaGuard.protect(value));
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<List<String>> perTagRows(List<InventoryEntry> entries) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(InventoryColumns.PER_TAG);
        for (InventoryEntry entry : entries) {
            String alias = entry.key().primaryAlias().orElse("");
            for (Tag tag : entry.tags()) {
                rows.add(protect(List.of(entry.account(), entry.region(), entry.key().keyId(), alias, tag.key(),
                        tag.value())));
            }
        }
        return rows;
    }

    private static List<String> protect(List<String> cells) {
        return new ArrayList<>(cells.stream().map(FormulaGuard::protect).toList());
    }

    private static void writeRows(List<List<String>> rows, Writer out) throws IOException {
        out.write(InventoryColumns.BYTE_ORDER_MARK);
        CsvSchema schema = CsvSchema.emptySchema().withLineSeparator("\r\n");
        try (SequenceWriter writer = CSV.writer(schema).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValues(out)) {
            for (List<String> row : rows) {
                writer.write(row.toArray(String[]::new));
            }
        }
    }

    private static void writeJson(List<InventoryEntry> entries, Writer out) throws IOException {
        ObjectNode document = JSON.createObjectNode();
        document.put("format", JSON_FORMAT);
        document.put("version", JSON_VERSION);
        ArrayNode keys = document.putArray("keys");
        for (InventoryEntry entry : entries) {
            ObjectNode key = keys.addObject();
            key.put("account", entry.account());
            key.put("region", entry.region());
            key.put("keyId", entry.key().keyId());
            key.put("arn", entry.key().arn());
            ArrayNode aliases = key.putArray("aliases");
            entry.key().aliases().forEach(aliases::add);
            key.put("state", entry.key().state());
            key.put("manager", entry.key().manager().name());
            if (entry.tagsDenied()) {
                key.put("tagsDenied", true);
            }
            ObjectNode tags = key.putObject("tags");
            entry.tags().forEach(tag -> tags.put(tag.key(), tag.value()));
        }
        JSON.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValue(out, document);
        out.write("\n");
    }
}
