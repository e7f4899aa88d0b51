package dev.kmstags.domain.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The "Tags of N keys" summary. */
class TagsOfKeysTest {

    @Test
    void oneRowPerTagKeyWithHowManyKeysAndWhichValue() {
        Map<String, Map<String, String>> keys = new LinkedHashMap<>();
        keys.put("a", Map.of("Owner", "alice"));
        keys.put("b", new LinkedHashMap<>(Map.of("Owner", "alice")));
        keys.get("b").put("Env", "dev");
        keys.put("c", new LinkedHashMap<>(Map.of("Env", "prod")));
        keys.get("c").put("env", "x");

        TagsOfKeys summary = TagsOfKeys.of(keys);

        assertThat(summary.keyCount()).isEqualTo(3);
        assertThat(summary.rows()).extracting(TagsOfKeys.Row::key).containsExactly("Env", "env", "Owner");
        TagsOfKeys.Row owner = summary.rows().get(2);
        assertThat(owner.on()).isEqualTo(2);
        assertThat(owner.of()).isEqualTo(3);
        assertThat(owner.onAll()).isFalse();
        assertThat(owner.singleValue()).contains("alice");
        TagsOfKeys.Row env = summary.rows().get(0);
        assertThat(env.singleValue()).isEmpty();
        assertThat(env.distinctValues()).isEqualTo(2);
        assertThat(env.values()).containsExactly(Map.entry("dev", List.of("b")), Map.entry("prod", List.of("c")));
        assertThat(summary.caseVariants()).containsExactly("Env", "env");
    }

    @Test
    void rowsKeepTheOrderOfTheirTagKeysWhateverOrderEachKeyHoldsItsTagsIn() {
        Map<String, Map<String, String>> before = new LinkedHashMap<>();
        before.put("a", new LinkedHashMap<>(Map.of("CostCenter", "CC-1")));
        before.get("a").put("Team", "data");
        Map<String, Map<String, String>> after = new LinkedHashMap<>();
        after.put("a", new LinkedHashMap<>(Map.of("Team", "data")));
        after.get("a").put("CostCenter", "CC-2");
        after.get("a").put("app", "web");

        assertThat(TagsOfKeys.of(before).rows()).extracting(TagsOfKeys.Row::key)
                .containsExactly("CostCenter", "Team");
        assertThat(TagsOfKeys.of(after).rows()).extracting(TagsOfKeys.Row::key)
                .containsExactly("app", "CostCenter", "Team");
    }

    @Test
    void noKeysGiveNoRows() {
        TagsOfKeys summary = TagsOfKeys.of(Map.of());

        assertThat(summary.keyCount()).isZero();
        assertThat(summary.rows()).isEmpty();
    }
}
