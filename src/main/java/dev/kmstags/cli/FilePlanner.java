package dev.kmstags.cli;

import dev.kmstags.domain.Arns;
import dev.kmstags.inventory.ImportOptions;
import dev.kmstags.inventory.ImportResult;
import dev.kmstags.inventory.ImportedRow;
import dev.kmstags.inventory.InventoryFile;
import dev.kmstags.inventory.InventoryImport;
import dev.kmstags.inventory.MultiRegionImport;
import dev.kmstags.kms.KmsAccessException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The plan of an inventory file against the keys as they are now. With {@code --region}, every row is planned in
 * that region (rows naming another are refused, as in the app in one region). Otherwise the rows are planned as the
 * app plans them in All regions ({@link MultiRegionImport}): a row's region is its Region column, else its ARN's,
 * else the one region read whose keys have its key ID or alias. The regions read, at the same time, are every
 * region of the partition with {@code --all-regions}; without, those the file names, and the connection's region
 * when a row names none.
 */
final class FilePlanner {

    /** Which regions a file is planned in: one region, the regions the file names, or every region. */
    enum Regions { ONE, NAMED_IN_FILE, ALL }

    private final CommandConnection connection;
    private final ImportOptions options;
    private final Regions regions;

    FilePlanner(CommandConnection connection, ImportOptions options, Regions regions) {
        this.connection = connection;
        this.options = options;
        this.regions = regions;
    }

    /** The regions that {@code options} ask a file to be planned in. */
    static Regions of(Options options) {
        return options.region() != null ? Regions.ONE : options.allRegions() ? Regions.ALL : Regions.NAMED_IN_FILE;
    }

    /**
     * What the file would change, per key, with the rows that cannot be applied (a row of a region that could not
     * be read among them, with the reason), the regions that could not be read, and the regions read.
     */
    record FilePlan(ImportResult result, Map<String, KmsAccessException> regionFailures, List<String> regions) {

        boolean spansRegions() {
            return regions.size() > 1;
        }

        /**
         * Rows that cannot be applied; a region that could not be read is one only through its rows, so that an
         * opt-in region the account has not enabled does not fail every {@code --all-regions} plan.
         */
        boolean hasErrors() {
            return !result.problems().isEmpty();
        }
    }

    FilePlan plan(InventoryFile file, Consumer<String> regionDone) {
        Set<String> asked = regionsToRead(file);
        InventoryLoader.Loaded loaded = new InventoryLoader(connection).load(asked, regionDone);
        List<String> read = List.copyOf(loaded.byRegion().keySet());
        if (regions == Regions.ONE) {
            String region = connection.defaultRegion();
            if (loaded.failures().containsKey(region)) {
                throw loaded.failures().get(region);
            }
            ImportResult result = new InventoryImport(loaded.account(), region, loaded.byRegion().get(region), options)
                    .plan(file);
            return new FilePlan(result, Map.of(), read);
        }
        Map<String, String> notRead = new LinkedHashMap<>();
        loaded.failures().forEach((region, failure) -> notRead.put(region, failure.getMessage()));
        ImportResult result = new MultiRegionImport(loaded.account(), loaded.byRegion(), notRead, options).plan(file);
        return new FilePlan(result, loaded.failures(), read);
    }

    /** The connection's region first: a row that names no key of any region read is then refused in it. */
    private Set<String> regionsToRead(InventoryFile file) {
        Set<String> asked = new LinkedHashSet<>();
        asked.add(connection.defaultRegion());
        if (regions == Regions.ALL) {
            asked.addAll(connection.allRegions());
        } else if (regions == Regions.NAMED_IN_FILE) {
            boolean someRowNamesNone = false;
            Set<String> named = new LinkedHashSet<>();
            for (ImportedRow row : file.rows()) {
                String region = !row.region().isEmpty() ? row.region() : Arns.region(row.arn()).orElse("");
                someRowNamesNone |= region.isEmpty();
                if (!region.isEmpty()) {
                    named.add(region);
                }
            }
            if (!someRowNamesNone && !named.isEmpty()) {
                asked.clear();
            }
            asked.addAll(named);
        }
        return asked;
    }
}
