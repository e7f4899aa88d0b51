package dev.kmstags.kms;

import dev.kmstags.domain.TagPlan;
import java.util.Map;
import java.util.function.Function;

/**
 * The tags of keys of several regions, each read and written with its own region's service
 * ({@link MultiRegionServices#regionOf}).
 */
final class RegionRoutingTagService implements TagService {

    private final Function<String, String> regionOf;
    private final Function<String, KmsServices> services;

    /**
     * @param regionOf the region of a key, by key ID or ARN
     * @param services the services of a region
     */
    RegionRoutingTagService(Function<String, String> regionOf, Function<String, KmsServices> services) {
        this.regionOf = regionOf;
        this.services = services;
    }

    private TagService of(String keyId) {
        return services.apply(regionOf.apply(keyId)).tagService();
    }

    @Override
    public Map<String, String> readTags(String keyId) {
        return of(keyId).readTags(keyId);
    }

    @Override
    public CommitOutcome commit(String keyId, TagPlan plan) {
        return of(keyId).commit(keyId, plan);
    }
}
