package dev.kmstags.cli;

import dev.kmstags.domain.Arns;
import dev.kmstags.inventory.ImportOptions;
import dev.kmstags.inventory.ImportProblem;
import dev.kmstags.inventory.ImportResult;
import dev.kmstags.inventory.ImportedRow;
import dev.kmstags.inventory.InventoryFile;
import dev.kmstags.inventory.InventoryImport;
import dev.kmstags.inventory.KeyImportPlan;
import dev.kmstags.kms.KmsAccessException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The plan of an inventory file against the keys as they are now. With {@code --region}, every row is planned in
 * that region (rows naming another are refused, as in the app); without, each row's region decides (its Region
 * column, else its ARN's region, else the connection's region), so a file exported from all regions plans in all
 * of them, each region read at the same time.
 */
final class FilePlanner {

    private final CommandConnection connection;
    private final ImportOptions options;
    private final String regionAsked;

    /** @param regionAsked the region of {@code --region}, or null to let each row's region decide */
    FilePlanner(CommandConnection connection, ImportOptions options, String regionAsked) {
        this.connection = connection;
        this.options = options;
        this.regionAsked = regionAsked;
    }

    /**
     * What the file would change, per key in file order, with the rows that cannot be applied and the regions that
     * could not be read (with the lines whose rows they hold).
     */
    record FilePlan(ImportResult result, Map<String, KmsAccessException> regionFailures,
                    Map<String, List<Long>> linesByFailedRegion, List<String> regions) {

        boolean spansRegions() {
            return regions.size() > 1;
        }

        boolean hasErrors() {
            return !result.problems().isEmpty() || !regionFailures.isEmpty();
        }
    }

    FilePlan plan(InventoryFile file, Consumer<String> regionDone) {
        Map<String, List<ImportedRow>> rowsByRegion = new LinkedHashMap<>();
        for (ImportedRow row : file.rows()) {
            rowsByRegion.computeIfAbsent(regionOf(row), region -> new ArrayList<>()).add(row);
        }
        if (rowsByRegion.isEmpty()) {
            rowsByRegion.put(connection.defaultRegion(), List.of());
        }
        InventoryLoader.Loaded loaded = new InventoryLoader(connection).load(rowsByRegion.keySet(), regionDone);
        List<KeyImportPlan> plans = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        Map<String, List<Long>> linesByFailedRegion = new LinkedHashMap<>();
        for (Map.Entry<String, List<ImportedRow>> region : rowsByRegion.entrySet()) {
            List<ImportedRow> rows = region.getValue();
            if (loaded.failures().containsKey(region.getKey())) {
                linesByFailedRegion.put(region.getKey(), rows.stream().map(ImportedRow::line).toList());
                continue;
            }
            ImportResult result = new InventoryImport(loaded.account(), region.getKey(),
                    loaded.byRegion().get(region.getKey()), options).plan(new InventoryFile(file.format(), rows));
            plans.addAll(result.plans());
            problems.addAll(result.problems());
        }
        plans.sort(Comparator.comparingLong(KeyImportPlan::firstLine));
        problems.sort(Comparator.comparingLong(ImportProblem::line));
        return new FilePlan(new ImportResult(file.format(), plans, problems), loaded.failures(), linesByFailedRegion,
                List.copyOf(rowsByRegion.keySet()));
    }

    private String regionOf(ImportedRow row) {
        if (regionAsked != null) {
            return regionAsked;
        }
        if (!row.region().isEmpty()) {
            return row.region();
        }
        return Arns.region(row.arn()).orElse(connection.defaultRegion());
    }
}
