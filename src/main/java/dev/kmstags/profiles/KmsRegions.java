package dev.kmstags.profiles;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;
import software.amazon.awssdk.regions.servicemetadata.KmsServiceMetadata;

/** The regions where KMS exists, from the SDK's endpoint metadata, with their readable names. */
public final class KmsRegions {

    private static final Map<String, String> PARTITIONS = new HashMap<>();
    private static final List<RegionChoice> ALL = load();

    private KmsRegions() {
    }

    private static List<RegionChoice> load() {
        List<RegionChoice> regions = new ArrayList<>();
        // KMS's own metadata: ServiceMetadata.of("kms") would first build that of every AWS service, some 300
        // classes loaded while the connection opens.
        for (Region region : new KmsServiceMetadata().regions()) {
            RegionMetadata metadata = RegionMetadata.of(region);
            // FIPS endpoints are listed as regions of their own; they are endpoints of a region, not places. The
            // isolated (ISO) partitions are closed networks that no desktop reaches.
            if (metadata != null && !region.id().contains("fips") && !metadata.partition().id().contains("iso")) {
                regions.add(new RegionChoice(region.id(), metadata.description()));
                PARTITIONS.put(region.id(), metadata.partition().id());
            }
        }
        regions.sort(Comparator.comparing(RegionChoice::id));
        return List.copyOf(regions);
    }

    /** Every KMS region, by ID. */
    public static List<RegionChoice> all() {
        return ALL;
    }

    /** Every KMS region with {@code first} (the connection's own region) at the top, even if the SDK does not know it. */
    public static List<RegionChoice> startingWith(String first) {
        List<RegionChoice> regions = new ArrayList<>();
        regions.add(ALL.stream().filter(region -> region.id().equals(first)).findFirst()
                .orElse(new RegionChoice(first, "")));
        ALL.stream().filter(region -> !region.id().equals(first)).forEach(regions::add);
        return regions;
    }

    /**
     * Every KMS region of {@code region}'s partition (aws, aws-cn, aws-us-gov...), by ID: the regions one set of
     * credentials can reach, as each partition has accounts of its own. A region the SDK does not know counts as
     * one of the aws partition.
     */
    public static List<RegionChoice> samePartitionAs(String region) {
        String partition = PARTITIONS.getOrDefault(region, "aws");
        return ALL.stream().filter(choice -> PARTITIONS.get(choice.id()).equals(partition)).toList();
    }

    /** Whether the SDK knows KMS in {@code region}. */
    public static boolean isKnown(String region) {
        return ALL.stream().anyMatch(choice -> choice.id().equals(region));
    }
}
