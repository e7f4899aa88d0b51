package dev.kmstags.inventory;

import dev.kmstags.domain.Arns;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns an {@link InventoryFile} into plans for the keys of several regions of one account at once, as "All regions"
 * shows them: each row is planned in its region ({@link InventoryImport}) against that region's keys. A row's region
 * is its Region column, else its ARN's, else the one region whose keys have its key ID (or alias). A row of a region
 * that was not read is listed with the reason, as is a key ID or alias found in several regions, or in none while
 * some regions were not read.
 */
public final class MultiRegionImport {

    private final String account;
    private final Map<String, List<InventoryEntry>> byRegion;
    private final Map<String, String> notRead;
    private final ImportOptions options;

    /**
     * @param account  the connection's account ID (rows naming another are refused)
     * @param byRegion every region read, with its keys and their tags now
     * @param notRead  the regions asked for but not read, each with why (in plain words); may be empty
     * @param options  how to read what the file leaves out
     */
    public MultiRegionImport(String account, Map<String, List<InventoryEntry>> byRegion, Map<String, String> notRead,
                             ImportOptions options) {
        this.account = Objects.requireNonNull(account, "account");
        this.byRegion = new LinkedHashMap<>(byRegion);
        this.notRead = new LinkedHashMap<>(notRead);
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The plans and problems of {@code file}, plans grouped by region in the order the file names them. */
    public ImportResult plan(InventoryFile file) {
        Map<String, List<ImportedRow>> rowsByRegion = new LinkedHashMap<>();
        List<ImportProblem> problems = new ArrayList<>();
        for (ImportedRow row : file.rows()) {
            List<String> regions = regionsOf(row);
            if (regions.isEmpty()) {
                problems.add(new ImportProblem(row.line(), ImportProblem.Reason.UNKNOWN_KEY, "no key of the regions "
                        + "read has " + identity(row) + "; not read: " + String.join(", ", notRead.keySet())));
                continue;
            }
            if (regions.size() > 1) {
                problems.add(new ImportProblem(row.line(), ImportProblem.Reason.UNKNOWN_KEY, "keys of several "
                        + "regions (" + String.join(", ", regions) + ") have " + identity(row)
                        + "; give the row its region or ARN"));
                continue;
            }
            String region = regions.get(0);
            if (!byRegion.containsKey(region)) {
                String why = notRead.get(region);
                problems.add(new ImportProblem(row.line(), ImportProblem.Reason.OTHER_REGION, "the row names region "
                        + region + ", which was not read" + (why == null || why.isEmpty()
                        ? " (it is not among the regions shown)" : ": " + why)));
                continue;
            }
            rowsByRegion.computeIfAbsent(region, r -> new ArrayList<>()).add(row);
        }
        List<KeyImportPlan> plans = new ArrayList<>();
        rowsByRegion.forEach((region, rows) -> {
            ImportResult result = new InventoryImport(account, region, byRegion.get(region), options)
                    .plan(new InventoryFile(file.format(), rows));
            plans.addAll(result.plans());
            problems.addAll(result.problems());
        });
        problems.sort((a, b) -> Long.compare(a.line(), b.line()));
        return new ImportResult(file.format(), plans, problems);
    }

    /**
     * The row's region; when the row names none, every region whose keys match it: if none does, the first region,
     * where it is refused as a key of none, or no region when some were not read (the key may be in one of them).
     */
    private List<String> regionsOf(ImportedRow row) {
        if (!row.region().isEmpty()) {
            return List.of(row.region());
        }
        if (Arns.region(row.arn()).isPresent()) {
            return List.of(Arns.region(row.arn()).get());
        }
        List<String> matching = byRegion.entrySet().stream()
                .filter(region -> region.getValue().stream().anyMatch(entry -> names(row, entry)))
                .map(Map.Entry::getKey).toList();
        if (matching.isEmpty()) {
            return notRead.isEmpty() && !byRegion.isEmpty() ? List.of(byRegion.keySet().iterator().next()) : List.of();
        }
        return matching;
    }

    private static boolean names(ImportedRow row, InventoryEntry entry) {
        if (!row.keyId().isEmpty()) {
            return row.keyId().equals(entry.key().keyId());
        }
        String alias = row.alias().startsWith("alias/") ? row.alias() : "alias/" + row.alias();
        return !row.alias().isEmpty() && entry.key().aliases().contains(alias);
    }

    private static String identity(ImportedRow row) {
        return row.keyId().isEmpty() ? "the alias " + row.alias() : "the key ID " + row.keyId();
    }
}
