package dev.kmstags.kms;

import dev.kmstags.domain.Arns;
import dev.kmstags.domain.TagPlan;
import java.util.Map;
import java.util.function.Function;

/**
 * The tags of keys of several regions, each read and written with its own region's service: the region of a key ARN
 * is in the ARN; that of a key ID is the region it was listed in (the home region until it was listed).
 */
final class RegionRoutingTagService implements TagService {

    private final Map<String, String> regionByKeyId;
    private final Function<String, KmsServices> services;
    private final String homeRegion;

    RegionRoutingTagService(Map<String, String> regionByKeyId, Function<String, KmsServices> services,
                            String homeRegion) {
        this.regionByKeyId = regionByKeyId;
        this.services = services;
        this.homeRegion = homeRegion;
    }

    private TagService of(String keyId) {
        String region = Arns.region(keyId).orElseGet(() -> regionByKeyId.getOrDefault(keyId, homeRegion));
        return services.apply(region).tagService();
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
