package dev.kmstags.local.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class KeyResolverTest {

    /** What KMS's key ID rule reads as, written as the regular expression it once was here. */
    private static final Pattern KEY_ID =
            Pattern.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32}");

    @Test
    void keyIdsAreUuidsOrMultiRegionIdsInEitherCase() {
        assertThat(KeyResolver.isKeyId("1234abcd-12ab-34cd-56ef-1234567890ab")).isTrue();
        assertThat(KeyResolver.isKeyId("1234ABCD-12AB-34CD-56EF-1234567890AB")).isTrue();
        assertThat(KeyResolver.isKeyId("mrk-1234abcd12ab34cd56ef1234567890ab")).isTrue();
        assertThat(KeyResolver.isKeyId("MRK-1234ABCD12AB34CD56EF1234567890AB")).isTrue();
        assertThat(KeyResolver.isKeyId("1234abcd-12ab-34cd-56ef-1234567890a")).isFalse();
        assertThat(KeyResolver.isKeyId("1234abcd-12ab-34cd-56ef_1234567890ab")).isFalse();
        assertThat(KeyResolver.isKeyId("1234abcd-12ab-34cd-56ef-1234567890ag")).isFalse();
        // Hex digits in other scripts (full-width, Arabic-Indic) are no key ID.
        assertThat(KeyResolver.isKeyId("1234abcd-12ab-34cd-56ef-1234567890\uFF21b")).isFalse();
        assertThat(KeyResolver.isKeyId("1234abcd-12ab-34cd-56ef-1234567890\u0661b")).isFalse();
        assertThat(KeyResolver.isKeyId("mrk-1234abcd12ab34cd56ef1234567890a-")).isFalse();
        assertThat(KeyResolver.isKeyId("")).isFalse();
    }

    @Test
    void agreesWithTheRegularExpressionOnManyNearMisses() {
        Random random = new Random(20261205);
        String alphabet = "0123456789abcdefABCDEFgG-_mrkMRK \uFF21\u0661\u00e9";
        List<String> candidates = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            String base = random.nextBoolean() ? UUID.randomUUID().toString()
                    : "mrk-" + UUID.randomUUID().toString().replace("-", "");
            char[] chars = (random.nextBoolean() ? base.toUpperCase() : base).toCharArray();
            int changes = random.nextInt(3);
            for (int c = 0; c < changes; c++) {
                chars[random.nextInt(chars.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            String text = new String(chars);
            candidates.add(random.nextInt(10) == 0 ? text.substring(0, random.nextInt(text.length())) : text);
        }
        for (String candidate : candidates) {
            assertThat(KeyResolver.isKeyId(candidate)).as(candidate).isEqualTo(KEY_ID.matcher(candidate).matches());
        }
    }
}
