package dev.kmstags.inventory;

import java.util.Arrays;
import java.util.Optional;

/** The shapes an inventory is exported in and imported from. */
public enum ExportFormat {
    /** CSV, one row per key and one column per tag key, as AWS's Tag Editor exports. */
    CSV("csv"),
    /** CSV, one row per tag: account, region, key ID, alias, tag key, tag value; for pivot tables. */
    CSV_LONG("csv-long"),
    /** JSON, the same data as one document. */
    JSON("json");

    private final String name;

    ExportFormat(String name) {
        this.name = name;
    }

    /** The name on the command line: {@code csv}, {@code csv-long} or {@code json}. */
    public String commandLineName() {
        return name;
    }

    /** The format with {@code name} on the command line. */
    public static Optional<ExportFormat> named(String name) {
        return Arrays.stream(values()).filter(format -> format.name.equals(name)).findFirst();
    }
}
