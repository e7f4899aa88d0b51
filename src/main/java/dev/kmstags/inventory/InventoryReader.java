package dev.kmstags.inventory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an inventory file as {@link InventoryWriter} writes it, possibly edited: CSV in either shape (told apart by
 * the header) or JSON (told apart by its first character). A file that cannot be read whole raises
 * {@link InventoryReadException}.
 */
public final class InventoryReader {

    private static final CsvMapper CSV = new CsvMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads the whole of {@code in}. */
    public InventoryFile read(Reader in) throws InventoryReadException {
        try {
            BufferedReader reader = new BufferedReader(in);
            reader.mark(1);
            int first = reader.read();
            if (first != InventoryColumns.BYTE_ORDER_MARK) {
                reader.reset();
            }
            reader.mark(4096);
            int start;
            do {
                start = reader.read();
            } while (start != -1 && Character.isWhitespace(start));
            reader.reset();
            if (start == -1) {
                throw new InventoryReadException(0, "the file is empty");
            }
            return start == '{' ? readJson(reader) : readCsv(reader);
        } catch (IOException e) {
            throw new InventoryReadException(0, "cannot read the file: " + e.getMessage(), e);
        }
    }

    private static InventoryFile readCsv(Reader reader) throws IOException, InventoryReadException {
        long rowStart = 1;
        try (CsvParser parser = (CsvParser) CSV.getFactory().createParser(reader)) {
            List<Cells> records = new ArrayList<>();
            while (parser.nextToken() == JsonToken.START_ARRAY) {
                rowStart = parser.currentLocation().getLineNr();
                long line = -1;
                List<String> cells = new ArrayList<>();
                while (parser.nextToken() == JsonToken.VALUE_STRING) {
                    if (line < 0) {
                        line = parser.currentTokenLocation().getLineNr();
                    }
                    cells.add(parser.getText());
                }
                records.add(new Cells(line, cells));
            }
            if (records.isEmpty()) {
                throw new InventoryReadException(0, "the file has no header");
            }
            return new CsvRows(records.get(0)).read(records.subList(1, records.size()));
        } catch (JsonProcessingException e) {
            throw new InventoryReadException(rowStart, "the row that starts on this line cannot be read as CSV: "
                    + e.getOriginalMessage(), e);
        }
    }

    private static InventoryFile readJson(Reader reader) throws IOException, InventoryReadException {
        try (JsonParser parser = JSON.createParser(reader)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new InventoryReadException(1, "a JSON inventory is one object");
            }
            List<ImportedRow> rows = new ArrayList<>();
            boolean sawKeys = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (!"keys".equals(field)) {
                    parser.skipChildren();
                    continue;
                }
                sawKeys = true;
                if (parser.currentToken() != JsonToken.START_ARRAY) {
                    throw new InventoryReadException(parser.currentTokenLocation().getLineNr(),
                            "\"keys\" must be an array");
                }
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    long line = parser.currentTokenLocation().getLineNr();
                    rows.add(jsonRow(line, parser.readValueAsTree()));
                }
            }
            if (!sawKeys) {
                throw new InventoryReadException(0, "a JSON inventory has a \"keys\" array");
            }
            return new InventoryFile(ExportFormat.JSON, rows);
        } catch (JsonProcessingException e) {
            throw new InventoryReadException(e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "not a readable JSON file: " + e.getOriginalMessage(), e);
        }
    }

    private static ImportedRow jsonRow(long line, JsonNode key) throws InventoryReadException {
        JsonNode tagsNode = key.path("tags");
        if (!tagsNode.isMissingNode() && !tagsNode.isObject()) {
            throw new InventoryReadException(line, "\"tags\" must be an object of tag keys and values");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> tag : tagsNode.properties()) {
            if (!tag.getValue().isTextual()) {
                throw new InventoryReadException(line, "the value of tag \"" + tag.getKey() + "\" must be a string");
            }
            tags.put(tag.getKey(), tag.getValue().asText());
        }
        String alias = key.path("aliases").isArray() && !key.path("aliases").isEmpty()
                ? key.path("aliases").get(0).asText() : "";
        return new ImportedRow(line, key.path("account").asText(""), key.path("region").asText(""),
                key.path("keyId").asText(""), key.path("arn").asText(""), alias, tags);
    }

    /** A CSV record as read: where it starts and its cells as written, formula guards included. */
    private record Cells(long line, List<String> cells) {

        /** The raw cell at {@code index}; empty when the row is shorter. */
        String raw(Integer index) {
            return index == null || index >= cells.size() ? "" : cells.get(index);
        }

        /** The text of the cell at {@code index}, its formula guard undone. */
        String at(Integer index) {
            return FormulaGuard.unprotect(raw(index));
        }
    }

    /** Reads the records of a CSV file by the columns its header names. */
    private static final class CsvRows {

        private final Cells header;
        private final Map<String, Integer> fixed = new HashMap<>();
        private final Map<Integer, String> tagColumns = new LinkedHashMap<>();
        private final boolean perTag;

        CsvRows(Cells header) throws InventoryReadException {
            this.header = header;
            List<String> names = header.cells().stream().map(FormulaGuard::unprotect).toList();
            perTag = names.contains(InventoryColumns.TAG_KEY) && names.contains(InventoryColumns.TAG_VALUE);
            List<String> known = perTag ? InventoryColumns.PER_TAG : InventoryColumns.PER_KEY;
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                if (known.contains(name)) {
                    if (fixed.putIfAbsent(name, i) != null) {
                        throw new InventoryReadException(header.line(), "the column \"" + name + "\" appears twice");
                    }
                } else if (!perTag && name.startsWith(InventoryColumns.TAG_COLUMN_PREFIX)) {
                    String tagKey = name.substring(InventoryColumns.TAG_COLUMN_PREFIX.length());
                    if (tagColumns.containsValue(tagKey)) {
                        throw new InventoryReadException(header.line(), "the column \"" + name + "\" appears twice");
                    }
                    tagColumns.put(i, tagKey);
                } else {
                    throw new InventoryReadException(header.line(), "column " + (i + 1) + " \"" + name
                            + "\" is not a column of this export; tag columns are named \""
                            + InventoryColumns.TAG_COLUMN_PREFIX + "<tag key>\"");
                }
            }
            if (!fixed.containsKey(InventoryColumns.ARN) && !fixed.containsKey(InventoryColumns.KEY_ID)
                    && !fixed.containsKey(InventoryColumns.ALIASES) && !fixed.containsKey(InventoryColumns.ALIAS)) {
                throw new InventoryReadException(header.line(),
                        "the header names no column that identifies a key (ARN, Key ID or an alias)");
            }
        }

        InventoryFile read(List<Cells> records) throws InventoryReadException {
            List<ImportedRow> rows = new ArrayList<>();
            for (Cells record : records) {
                if (record.cells().size() > header.cells().size()) {
                    throw new InventoryReadException(record.line(), "the row has " + record.cells().size()
                            + " cells, the header " + header.cells().size());
                }
                if (record.cells().stream().allMatch(String::isBlank)) {
                    continue;
                }
                rows.add(perTag ? perTagRow(record) : perKeyRow(record));
            }
            return new InventoryFile(perTag ? ExportFormat.CSV_LONG : ExportFormat.CSV, rows);
        }

        private ImportedRow perKeyRow(Cells record) {
            Map<String, String> tags = new LinkedHashMap<>();
            tagColumns.forEach((index, tagKey) -> {
                tags.put(tagKey, record.raw(index).isEmpty() ? null : record.at(index));
            });
            String aliases = value(record, InventoryColumns.ALIASES);
            String alias = aliases.split(",", 2)[0].strip();
            return new ImportedRow(record.line(), value(record, InventoryColumns.ACCOUNT),
                    value(record, InventoryColumns.REGION), value(record, InventoryColumns.KEY_ID),
                    value(record, InventoryColumns.ARN), alias, tags);
        }

        private ImportedRow perTagRow(Cells record) {
            Map<String, String> tags = new LinkedHashMap<>();
            tags.put(record.at(fixed.get(InventoryColumns.TAG_KEY)), record.at(fixed.get(InventoryColumns.TAG_VALUE)));
            return new ImportedRow(record.line(), value(record, InventoryColumns.ACCOUNT),
                    value(record, InventoryColumns.REGION), value(record, InventoryColumns.KEY_ID), "",
                    value(record, InventoryColumns.ALIAS).strip(), tags);
        }

        private String value(Cells record, String column) {
            return record.at(fixed.get(column)).strip();
        }
    }
}
