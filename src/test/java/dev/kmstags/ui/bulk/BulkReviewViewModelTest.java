package dev.kmstags.ui.bulk;

import static dev.kmstags.ui.common.TestKeys.MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.domain.EditedTag;
import dev.kmstags.domain.TagPlan;
import dev.kmstags.domain.bulk.BulkPlan;
import dev.kmstags.profiles.MemoryPreferences;
import dev.kmstags.profiles.TagCallQuotaPreferences;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The bulk review's quotas and estimate when the keys are of one region, and of several (All regions). */
class BulkReviewViewModelTest {

    private final TagCallQuotaPreferences quotas = new TagCallQuotaPreferences(MemoryPreferences.newRoot());
    private final Map<String, String> regionByKey = new LinkedHashMap<>();
    private final Map<String, TagPlan> plans = new LinkedHashMap<>();

    /** {@code count} keys of {@code region}, each to be tagged: one TagResource each. */
    private void keysToTag(String region, int count) {
        for (int i = 0; i < count; i++) {
            String key = region + "-key-" + i;
            regionByKey.put(key, region);
            plans.put(key, TagPlan.between(Map.of(), List.of(EditedTag.added("Owner", "alice"))));
        }
    }

    private BulkReviewViewModel review() {
        return new BulkReviewViewModel(BulkPlan.of(plans, Map.of()), Map.of(),
                key -> Optional.ofNullable(regionByKey.get(key)), "dev · all 3 regions", false, quotas, MESSAGES);
    }

    @Test
    void keysOfSeveralRegionsAreEstimatedPerRegionAndTheSlowestRegionDecides() {
        keysToTag("eu-west-1", 30);
        keysToTag("us-east-1", 10);
        keysToTag("ap-south-1", 5);

        BulkReviewViewModel review = review();

        // 45 TagResource calls at 10 a second would be 5 s in one region; each region has its own 10 a second.
        assertThat(review.quotasLabel()).isEqualTo("Quotas of each region (calls per second)");
        assertThat(review.estimateProperty().get()).isEqualTo("The 3 regions are written at the same time, each at"
                + " these quotas: the commit takes about 3 s, as long as eu-west-1 with its 30 keys.");
        review.tagQuotaProperty().set("2");
        assertThat(review.estimateProperty().get()).isEqualTo("The 3 regions are written at the same time, each at"
                + " these quotas: the commit takes about 15 s, as long as eu-west-1 with its 30 keys.");
    }

    @Test
    void keysOfOneRegionOrOfTheConnectionsRegionAreEstimatedAtTheAccountsQuotas() {
        keysToTag("eu-west-1", 30);
        BulkReviewViewModel oneRegion = review();
        plans.put("unnamed", TagPlan.between(Map.of(), List.of(EditedTag.added("Owner", "bob"))));
        BulkReviewViewModel connectionsRegion = new BulkReviewViewModel(BulkPlan.of(Map.of("unnamed",
                plans.get("unnamed")), Map.of()), Map.of(), "dev", false, quotas, MESSAGES);

        assertThat(oneRegion.quotasLabel()).isEqualTo("Account quotas (calls per second)");
        assertThat(oneRegion.estimateProperty().get()).isEqualTo("At these quotas the commit takes about 3 s.");
        assertThat(connectionsRegion.quotasLabel()).isEqualTo("Account quotas (calls per second)");
        assertThat(connectionsRegion.estimateProperty().get()).isEqualTo("At these quotas the commit takes about 1 s.");
    }
}
