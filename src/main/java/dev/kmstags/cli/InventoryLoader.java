package dev.kmstags.cli;

import dev.kmstags.domain.Arns;
import dev.kmstags.domain.KeySummary;
import dev.kmstags.domain.KeyTags;
import dev.kmstags.inventory.InventoryEntry;
import dev.kmstags.kms.KeyCatalog;
import dev.kmstags.kms.KmsAccessException;
import dev.kmstags.kms.KmsSession;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Reads every key of one or more regions with its aliases and tags, with the key list's loading
 * ({@link KeyCatalog}), the regions at the same time: each region is a catalog of its own, so the regions cost about
 * as long as the largest. A region that fails (not enabled for the account, denied, unreachable) is reported with
 * its reason, and the others are read all the same.
 */
final class InventoryLoader {

    private final CommandConnection connection;

    InventoryLoader(CommandConnection connection) {
        this.connection = connection;
    }

    /** What was read: the keys per region in the order asked, the regions that failed, and the account. */
    record Loaded(String account, Map<String, List<InventoryEntry>> byRegion,
                  Map<String, KmsAccessException> failures) {

        /** Every key read, region after region. */
        List<InventoryEntry> entries() {
            return byRegion.values().stream().flatMap(List::stream).toList();
        }
    }

    /**
     * Reads {@code regions} at once, telling {@code regionDone} of each region as it ends (on the region's thread,
     * one at a time).
     */
    Loaded load(Collection<String> regions, Consumer<String> regionDone) {
        List<String> ordered = List.copyOf(regions);
        ExecutorService threads = Executors.newFixedThreadPool(Math.max(1, ordered.size()), runnable -> {
            Thread thread = new Thread(runnable, "region-load");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Map<String, Future<RegionKeys>> loads = new LinkedHashMap<>();
            for (String region : ordered) {
                boolean askAccount = region.equals(ordered.get(0));
                loads.put(region, threads.submit(() -> {
                    RegionKeys keys = loadRegion(region, askAccount);
                    synchronized (regionDone) {
                        regionDone.accept(region);
                    }
                    return keys;
                }));
            }
            Map<String, List<InventoryEntry>> byRegion = new LinkedHashMap<>();
            Map<String, KmsAccessException> failures = new LinkedHashMap<>();
            String account = "";
            for (Map.Entry<String, Future<RegionKeys>> load : loads.entrySet()) {
                RegionKeys keys = result(load.getValue());
                if (keys.failure() != null) {
                    failures.put(load.getKey(), keys.failure());
                } else {
                    byRegion.put(load.getKey(), keys.entries());
                    account = account.isEmpty() ? keys.account().orElse("") : account;
                }
            }
            if (account.isEmpty()) {
                account = byRegion.values().stream().flatMap(List::stream)
                        .map(entry -> entry.account().isEmpty()
                                ? Arns.accountId(entry.key().arn()).orElse("") : entry.account())
                        .filter(id -> !id.isEmpty()).findFirst().orElse("");
            }
            return new Loaded(account, byRegion, failures);
        } finally {
            threads.shutdownNow();
        }
    }

    private static RegionKeys result(Future<RegionKeys> load) {
        try {
            return load.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Interrupted while reading the keys");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    /** One region's keys, or why they could not be read. */
    private record RegionKeys(List<InventoryEntry> entries, Optional<String> account, KmsAccessException failure) {
    }

    private RegionKeys loadRegion(String region, boolean askAccount) {
        try (KmsSession session = KmsSession.open(connection.in(region))) {
            List<InventoryEntry> entries = read(session.keyCatalog());
            Optional<String> account = askAccount ? session.callerAccountId() : Optional.empty();
            return new RegionKeys(entries, account, null);
        } catch (KmsAccessException e) {
            return new RegionKeys(List.of(), Optional.empty(), e);
        }
    }

    private static List<InventoryEntry> read(KeyCatalog catalog) {
        Map<String, KeySummary> keys = new LinkedHashMap<>();
        Map<String, KeyTags> tags = new HashMap<>();
        catalog.listKeys(new KeyCatalog.Listener() {
            @Override
            public void accept(List<KeySummary> described) {
                described.forEach(key -> keys.put(key.keyId(), key));
            }

            @Override
            public void tagsArrived(List<KeyTags> arrived) {
                arrived.forEach(keyTags -> tags.put(keyTags.keyId(), keyTags));
            }
        });
        List<InventoryEntry> entries = new ArrayList<>();
        keys.values().forEach(key -> entries.add(InventoryEntry.of(key,
                tags.getOrDefault(key.keyId(), KeyTags.read(key.keyId(), List.of())))));
        return entries;
    }
}
