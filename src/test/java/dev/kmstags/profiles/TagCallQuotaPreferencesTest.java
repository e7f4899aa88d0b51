package dev.kmstags.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.domain.bulk.TagCallQuotas;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;

/** The account's TagResource and UntagResource quotas the user entered, kept between runs. */
class TagCallQuotaPreferencesTest {

    @Test
    void withoutAnEntryTheQuotasAreAwssDefaults() {
        assertThat(new TagCallQuotaPreferences(MemoryPreferences.newRoot()).quotas())
                .isEqualTo(TagCallQuotas.AWS_DEFAULT);
    }

    @Test
    void quotasTheUserEnteredAreReadBackFromTheSameNode() {
        Preferences node = MemoryPreferences.newRoot();
        new TagCallQuotaPreferences(node).remember(new TagCallQuotas(50, 20));

        assertThat(new TagCallQuotaPreferences(node).quotas()).isEqualTo(new TagCallQuotas(50, 20));
    }

    @Test
    void aStoredQuotaThatIsNotPositiveFallsBackToTheDefaults() {
        Preferences node = MemoryPreferences.newRoot();
        node.putDouble("bulk.quota.tagPerSecond", 0);

        assertThat(new TagCallQuotaPreferences(node).quotas()).isEqualTo(TagCallQuotas.AWS_DEFAULT);
    }
}
