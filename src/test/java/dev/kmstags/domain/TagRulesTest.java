package dev.kmstags.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TagRulesTest {

    private static final String KEY_EMOJI = "\uD83D\uDD11";

    @Test
    void lengthsCountCodePointsNotUtf16Units() {
        assertThat(TagRules.length(KEY_EMOJI.repeat(3))).isEqualTo(3);
        assertThat(TagRules.checkKey(KEY_EMOJI.repeat(128))).isEmpty();
        assertThat(TagRules.checkKey(KEY_EMOJI.repeat(129))).contains(TagRule.KEY_TOO_LONG);
        assertThat(TagRules.checkValue(KEY_EMOJI.repeat(256))).isEmpty();
        assertThat(TagRules.checkValue(KEY_EMOJI.repeat(257))).contains(TagRule.VALUE_TOO_LONG);
    }

    @Test
    void aKeyOrValueWithHalfASurrogatePairIsNotUnicodeAndRefused() {
        assertThat(TagRules.isValidUnicode("d\uD800")).isFalse();
        assertThat(TagRules.isValidUnicode("\uDFFFd")).isFalse();
        assertThat(TagRules.isValidUnicode("\uDC00\uD800")).isFalse();
        assertThat(TagRules.isValidUnicode(KEY_EMOJI + "\u0000\uFFFF")).isTrue();
        assertThat(TagRules.checkKey("d\uD800")).contains(TagRule.KEY_NOT_UNICODE);
        assertThat(TagRules.checkKey("q\uDBFF")).contains(TagRule.KEY_NOT_UNICODE);
        assertThat(TagRules.checkValue("\uDFFF")).contains(TagRule.VALUE_NOT_UNICODE);
        assertThat(TagRules.checkKey(KEY_EMOJI)).isEmpty();
        assertThat(TagRules.checkValue(KEY_EMOJI)).isEmpty();
    }

    @Test
    void keysAreOneTo128AndValuesZeroTo256() {
        assertThat(TagRules.checkKey("")).contains(TagRule.KEY_EMPTY);
        assertThat(TagRules.checkKey(null)).contains(TagRule.KEY_EMPTY);
        assertThat(TagRules.checkKey("k")).isEmpty();
        assertThat(TagRules.checkKey("k".repeat(128))).isEmpty();
        assertThat(TagRules.checkKey("k".repeat(129))).contains(TagRule.KEY_TOO_LONG);
        assertThat(TagRules.checkValue("")).isEmpty();
        assertThat(TagRules.checkValue(null)).contains(TagRule.VALUE_MISSING);
        assertThat(TagRules.checkValue("v".repeat(256))).isEmpty();
        assertThat(TagRules.checkValue("v".repeat(257))).contains(TagRule.VALUE_TOO_LONG);
    }

    @Test
    void awsPrefixIsReservedInAnyCaseButOnlyAsAPrefix() {
        for (String key : List.of("aws:x", "AWS:x", "Aws:", "aWS:cost")) {
            assertThat(TagRules.checkKey(key)).as(key).contains(TagRule.KEY_RESERVED);
        }
        for (String key : List.of("aws", "awsx:", "x:aws:", " aws:")) {
            assertThat(TagRules.checkKey(key)).as(key).isEqualTo(Optional.empty());
        }
    }

    @Test
    void fiftyTagsAreTheLimit() {
        assertThat(TagRules.withinTagLimit(50)).isTrue();
        assertThat(TagRules.withinTagLimit(51)).isFalse();
    }

    @Test
    void duplicatesAreExactMatchesAndCaseOnlyDifferencesAreReportedApart() {
        List<String> keys = List.of("Env", "env", "Team", "Env", "ENV", "Owner");

        assertThat(TagRules.duplicateKeys(keys)).containsExactly("Env");
        assertThat(TagRules.keysDifferingOnlyInCase(keys)).containsExactly("Env", "env", "ENV");
    }

    @Test
    void charactersOutsideAwsTaggingAdviceAreFlaggedForAWarning() {
        assertThat(TagRules.hasUnusualCharacters("Cost Center_1.a:b/c=d+e-f@g")).isFalse();
        assertThat(TagRules.hasUnusualCharacters("Équipe données 2")).isFalse();
        assertThat(TagRules.hasUnusualCharacters("owner#1")).isTrue();
        assertThat(TagRules.hasUnusualCharacters("a*b")).isTrue();
    }

    @Test
    void checkReportsEveryBrokenRuleOfASet() {
        List<Tag> tags = new ArrayList<>(List.of(new Tag("aws:x", "v"), new Tag("k".repeat(129), "v"),
                new Tag("dup", "1"), new Tag("dup", "2")));
        for (int i = 0; i < 47; i++) {
            tags.add(new Tag("t" + i, ""));
        }

        assertThat(TagRules.check(tags)).extracting(TagViolation::rule).containsExactly(TagRule.KEY_RESERVED,
                TagRule.KEY_TOO_LONG, TagRule.KEY_DUPLICATE, TagRule.TOO_MANY_TAGS);
        assertThat(TagRules.check(tags).get(2).index()).isEqualTo(3);
    }

    @Test
    void boundariesCountASurrogatePairOnceBesideAsciiCharacters() {
        assertThat(TagRules.checkKey("k".repeat(127) + KEY_EMOJI)).isEmpty();
        assertThat(TagRules.checkKey("k".repeat(128) + KEY_EMOJI)).contains(TagRule.KEY_TOO_LONG);
        assertThat(TagRules.checkValue("v".repeat(255) + KEY_EMOJI)).isEmpty();
        assertThat(TagRules.checkValue("v".repeat(256) + KEY_EMOJI)).contains(TagRule.VALUE_TOO_LONG);
        assertThat(TagRules.checkValue(KEY_EMOJI.repeat(128)).isEmpty())
                .as("256 UTF-16 units are 128 characters").isTrue();
    }

    @Test
    void theReservedPrefixIsCheckedBeforeItsLengthIsAcceptable() {
        assertThat(TagRules.checkKey("AWS:" + "x".repeat(124))).contains(TagRule.KEY_RESERVED);
        assertThat(TagRules.checkKey("AWS:" + "x".repeat(125))).contains(TagRule.KEY_TOO_LONG);
    }

    @Test
    void caseTwinsNameTheOtherSpellingsOnly() {
        List<String> keys = List.of("Env", "env", "Team", "ENV");

        assertThat(TagRules.caseTwinsOf("Env", keys)).containsExactly("env", "ENV");
        assertThat(TagRules.caseTwinsOf("Team", keys)).isEmpty();
        assertThat(TagRules.keysDifferingOnlyInCase(List.of("Env", "Team", "Env"))).isEmpty();
    }

    @Test
    void emojiAndPunctuationAreUnusualButAnEmptyTextIsNot() {
        assertThat(TagRules.hasUnusualCharacters("")).isFalse();
        assertThat(TagRules.hasUnusualCharacters("owner " + KEY_EMOJI)).isTrue();
        assertThat(TagRules.hasUnusualCharacters("a,b")).isTrue();
        assertThat(TagRules.hasUnusualCharacters("team@example.com")).isFalse();
    }

    @Test
    void checkNamesTheTagThatIsTooLongAndAMissingValue() {
        List<Tag> tags = List.of(new Tag("ok", ""), new Tag("long", "v".repeat(257)));

        assertThat(TagRules.check(tags)).containsExactly(
                new TagViolation(TagRule.VALUE_TOO_LONG, 1, "v".repeat(257)));
        assertThat(TagRules.checkValue(null)).contains(TagRule.VALUE_MISSING);
    }
}
