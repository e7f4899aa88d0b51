package dev.kmstags.kms;

import dev.kmstags.domain.KeySummary;
import dev.kmstags.domain.KeyTags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * The keys of several regions, each region read by its own catalog on a thread of its own, all at the same time, so
 * the listing takes about as long as its largest region. What the regions hand over reaches the listener on the
 * calling thread, as {@link KeyCatalog} promises, gathered into one call of each kind per hand-over. A region that
 * fails is reported ({@link Listener#regionFailed}) and the others are read all the same; the listing fails only
 * when it is cancelled.
 *
 * <p>Each region's keys come with their aliases ({@link Listener#takesKeysBeforeAliases()} is not passed on): with
 * many regions the first keys are not worth the complication, and a region that would not list its aliases shows
 * its keys without.
 */
final class MultiRegionCatalog implements KeyCatalog {

    private final MultiRegionServices services;
    private final CallGate gate;

    MultiRegionCatalog(MultiRegionServices services, CallGate gate) {
        this.services = services;
        this.gate = gate;
    }

    @Override
    public KeyCatalog withCallGate(CallGate newGate) {
        return new MultiRegionCatalog(services, newGate);
    }

    /** What a region hands over, to be passed on on the calling thread. */
    private sealed interface Event {
    }

    private record Keys(List<KeySummary> keys) implements Event {
    }

    private record Tags(List<KeyTags> tags) implements Event {
    }

    private record Finished(Consumer<Listener> report) implements Event {
    }

    @Override
    public int listKeys(Listener listener) {
        List<String> regions = services.regions();
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        ExecutorService threads = Executors.newFixedThreadPool(regions.size(), runnable -> {
            Thread thread = new Thread(runnable, "kmstags-region-load");
            thread.setDaemon(true);
            return thread;
        });
        listener.regionsStarted(regions);
        try {
            for (String region : regions) {
                threads.execute(() -> events.add(new Finished(read(region, events))));
            }
            return passOn(events, regions.size(), listener);
        } finally {
            threads.shutdownNow();
        }
    }

    /** Reads one region on its thread; answers how to report its end. */
    private Consumer<Listener> read(String region, BlockingQueue<Event> events) {
        try {
            // A region's catalog may name a key's tags by its key ID, which a Multi-Region key shares with its
            // replicas in other regions: here they are named by the key's own id.
            Map<String, String> idByKeyId = new ConcurrentHashMap<>();
            int count = services.services(region).keyCatalog().withCallGate(gate).listKeys(new Listener() {
                @Override
                public void accept(List<KeySummary> keys) {
                    keys.forEach(key -> {
                        services.listed(region, key.keyId());
                        idByKeyId.put(key.keyId(), key.id());
                    });
                    events.add(new Keys(keys));
                }

                @Override
                public void tagsArrived(List<KeyTags> tags) {
                    events.add(new Tags(tags.stream().map(keyTags -> new KeyTags(idByKeyId.getOrDefault(
                            keyTags.keyId(), keyTags.keyId()), keyTags.tags(), keyTags.denied())).toList()));
                }
            });
            return listener -> listener.regionLoaded(region, count);
        } catch (KmsAccessException e) {
            return listener -> listener.regionFailed(region, e);
        } catch (CancellationException e) {
            return listener -> { };
        } catch (RuntimeException e) {
            // A client that cannot be built (a profile's files changed) is that region's failure, in a sentence.
            KmsAccessException failure = new KmsAccessException(KmsProblem.UNEXPECTED,
                    "Reading region " + region + " failed unexpectedly (" + e.getClass().getSimpleName() + ": "
                            + e.getMessage() + ").", "", e);
            return listener -> listener.regionFailed(region, failure);
        }
    }

    /** Hands the events to {@code listener} until every region finished; answers how many keys were handed. */
    private static int passOn(BlockingQueue<Event> events, int regions, Listener listener) {
        int finished = 0;
        int handed = 0;
        List<Event> batch = new ArrayList<>();
        while (finished < regions) {
            try {
                batch.add(events.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("The listing of several regions was cancelled");
            }
            events.drainTo(batch);
            List<KeySummary> keys = new ArrayList<>();
            List<KeyTags> tags = new ArrayList<>();
            List<Consumer<Listener>> ends = new ArrayList<>();
            for (Event event : batch) {
                if (event instanceof Keys arrived) {
                    keys.addAll(arrived.keys());
                } else if (event instanceof Tags arrived) {
                    tags.addAll(arrived.tags());
                } else if (event instanceof Finished end) {
                    ends.add(end.report());
                }
            }
            batch.clear();
            if (!keys.isEmpty()) {
                listener.accept(keys);
                handed += keys.size();
            }
            if (!tags.isEmpty()) {
                listener.tagsArrived(tags);
            }
            ends.forEach(end -> end.accept(listener));
            finished += ends.size();
        }
        return handed;
    }
}
