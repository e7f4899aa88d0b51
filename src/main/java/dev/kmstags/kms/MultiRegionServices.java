package dev.kmstags.kms;

import dev.kmstags.domain.Arns;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection in several regions at once, as "All regions" shows them: the keys of every region, read at the
 * same time ({@link MultiRegionCatalog}), and their tags, each read and written in the key's own region
 * ({@link RegionRoutingTagService}). Each region has a service of its own (a client per region, as quotas and
 * endpoints are per region), opened when the region is first read.
 */
public final class MultiRegionServices implements KmsServices, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MultiRegionServices.class);

    /** Opens the services of one region; may be slow (it builds a client). */
    @FunctionalInterface
    public interface RegionOpener {
        KmsServices open(String region);
    }

    private final List<String> regions;
    private final RegionOpener opener;
    private final Map<String, KmsServices> opened = new LinkedHashMap<>();
    /** The region of every key listed so far, for the tag service; written by the listing's threads. */
    private final Map<String, String> regionByKeyId = new ConcurrentHashMap<>();
    private final RegionRoutingTagService tagService;
    private boolean closed;

    /**
     * @param regions the regions, the connection's own first (it answers for the account)
     * @param opener  opens one region's services
     */
    public MultiRegionServices(List<String> regions, RegionOpener opener) {
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("at least one region");
        }
        this.regions = List.copyOf(regions);
        this.opener = Objects.requireNonNull(opener, "opener");
        this.tagService = new RegionRoutingTagService(this::regionOf, this::services);
    }

    /** The connection {@code base} in each of {@code regions}, a client per region. */
    public static MultiRegionServices of(KmsConnection base, List<String> regions) {
        return new MultiRegionServices(regions, region -> KmsSession.open(base.withRegion(region)));
    }

    public List<String> regions() {
        return regions;
    }

    /** The services of {@code region}, opened at the first call. */
    synchronized KmsServices services(String region) {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        return opened.computeIfAbsent(region, opener::open);
    }

    /**
     * The region of a key named as KMS's {@code KeyId} parameter names it: that of a key ARN is in the ARN; that of a
     * key ID is the region it was listed in, the first region until it was listed.
     */
    public String regionOf(String key) {
        return Arns.region(key).orElseGet(() -> regionByKeyId.getOrDefault(key, regions.get(0)));
    }

    /** Notes which region {@code keyId} was listed in, so its tags are read and written there. */
    void listed(String region, String keyId) {
        regionByKeyId.putIfAbsent(keyId, region);
    }

    @Override
    public KeyCatalog keyCatalog() {
        return new MultiRegionCatalog(this, KeyCatalog.CallGate.OPEN);
    }

    @Override
    public TagService tagService() {
        return tagService;
    }

    /** The account, as the first region's connection knows it. */
    @Override
    public Optional<String> callerAccountId() {
        return services(regions.get(0)).callerAccountId();
    }

    @Override
    public void close() {
        List<KmsServices> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayList<>(opened.values());
            opened.clear();
        }
        for (KmsServices services : toClose) {
            if (services instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.warn("Could not close a region's client", e);
                }
            }
        }
    }
}
