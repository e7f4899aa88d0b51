package dev.kmstags.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TagQueryTest {

    private static final KeySummary PAYMENTS = new KeySummary("1234abcd-0000-0000-0000-000000000001",
            "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-0000-0000-0000-000000000001",
            List.of("alias/payments"), "Card data key", "Enabled", KeyManager.CUSTOMER, null);
    private static final List<Tag> PAYMENTS_TAGS = List.of(new Tag("Team", "platform"),
            new Tag("Cost Center", "R&D 1"), new Tag("Note", ""));

    private static boolean matches(String query) {
        return TagQuery.parse(query).matches(PAYMENTS, PAYMENTS_TAGS);
    }

    @Test
    void anExactValueMatchesOnlyThatValueCaseIncluded() {
        assertThat(matches("Team=platform")).isTrue();
        assertThat(matches("Team=plat")).isFalse();
        assertThat(matches("Team=Platform")).isFalse();
        assertThat(matches("team=platform")).isFalse();
    }

    @Test
    void aStarStandsForAnyText() {
        assertThat(matches("Team=plat*")).isTrue();
        assertThat(matches("Team=*form")).isTrue();
        assertThat(matches("Team=p*t*m")).isTrue();
        assertThat(matches("Team=*")).isTrue();
        assertThat(matches("Team=pay*")).isFalse();
    }

    @Test
    void anEscapedStarIsAStar() {
        List<Tag> starred = List.of(new Tag("Team", "a*b"));
        assertThat(TagQuery.parse("Team=a\\*b").matches(PAYMENTS, starred)).isTrue();
        assertThat(TagQuery.parse("Team=a\\*b").matches(PAYMENTS, List.of(new Tag("Team", "axb")))).isFalse();
        assertThat(TagQuery.parse("Team=a*b").matches(PAYMENTS, List.of(new Tag("Team", "axb")))).isTrue();
    }

    @Test
    void anEmptyValueAsksForTheTagWhateverItsValue() {
        assertThat(matches("Team=")).isTrue();
        assertThat(matches("Owner=")).isFalse();
    }

    @Test
    void aQuotedEmptyValueAsksForAnEmptyValue() {
        assertThat(matches("Note=\"\"")).isTrue();
        assertThat(matches("Team=\"\"")).isFalse();
    }

    @Test
    void aBangAsksForKeysWithoutTheTag() {
        assertThat(matches("!Owner")).isTrue();
        assertThat(matches("!Owner=")).isTrue();
        assertThat(matches("!Team")).isFalse();
        assertThat(matches("!Team=pay*")).isTrue();
        assertThat(matches("!Team=plat*")).isFalse();
    }

    @Test
    void aBareWordIsFreeTextAsBefore() {
        assertThat(matches("payments")).as("alias").isTrue();
        assertThat(matches("1234ABCD")).as("key ID, ignoring case").isTrue();
        assertThat(matches("111122223333")).as("ARN").isTrue();
        assertThat(matches("card DATA")).as("description, each word").isTrue();
        assertThat(matches("team")).as("tag key").isTrue();
        assertThat(matches("PLATFORM")).as("tag value").isTrue();
        assertThat(matches("orders")).isFalse();
    }

    @Test
    void termsCombineAsAnd() {
        assertThat(matches("Team=platform !Owner payments")).isTrue();
        assertThat(matches("Team=platform !Owner orders")).isFalse();
        assertThat(matches("Team=platform Owner=")).isFalse();
    }

    @Test
    void quotesHoldSpacesInKeysValuesAndWords() {
        assertThat(matches("\"Cost Center\"=\"R&D 1\"")).isTrue();
        assertThat(matches("\"Cost Center\"=R*")).isTrue();
        assertThat(matches("\"Cost Center\"=\"R&D*\"")).isTrue();
        assertThat(matches("!\"Cost Center\"")).isFalse();
        assertThat(matches("\"card data\"")).isTrue();
        assertThat(matches("\"data card\"")).isFalse();
    }

    @Test
    void aValueMayHoldAnEqualsSign() {
        TagQuery query = TagQuery.parse("Expr=a=b");
        assertThat(query.matches(PAYMENTS, List.of(new Tag("Expr", "a=b")))).isTrue();
    }

    @Test
    void aBlankTextMatchesEverything() {
        assertThat(TagQuery.parse("  ").isEmpty()).isTrue();
        assertThat(TagQuery.parse(null).matches(PAYMENTS, List.of())).isTrue();
    }

    @Test
    void parsesIntoTerms() {
        assertThat(TagQuery.parse("Team=plat* !Owner pay").terms()).containsExactly(
                new TagQuery.TagTerm("Team", new TagQuery.ValuePattern(List.of("plat", "")), false),
                new TagQuery.TagTerm("Owner", null, true),
                new TagQuery.FreeText("pay"));
    }

    @Test
    void unreadableTextSaysWhatAndWhere() {
        assertThatThrownBy(() -> TagQuery.parse("Team=\"plat"))
                .isInstanceOf(TagQueryException.class)
                .hasMessageContaining("quote opened at character 6")
                .extracting(e -> ((TagQueryException) e).problem())
                .isEqualTo(TagQueryException.Problem.UNCLOSED_QUOTE);
        assertThatThrownBy(() -> TagQuery.parse("=platform"))
                .hasMessageContaining("no tag key");
        assertThatThrownBy(() -> TagQuery.parse("Team !"))
                .hasMessageContaining("'!' at character 6");
        assertThatThrownBy(() -> TagQuery.parse("Team\\"))
                .hasMessageContaining("backslash at character 5");
    }

    @Test
    void compliantAsksWhetherTheTagsFollowTheTagPolicyAndInQuotesIsFreeText() {
        TagQuery compliant = TagQuery.parse("Compliant");
        TagQuery nonCompliant = TagQuery.parse("!compliant");

        assertThat(compliant.terms()).containsExactly(new TagQuery.ComplianceTerm(false));
        assertThat(nonCompliant.terms()).containsExactly(new TagQuery.ComplianceTerm(true));
        assertThat(compliant.matches(PAYMENTS, PAYMENTS_TAGS, tags -> true)).isTrue();
        assertThat(nonCompliant.matches(PAYMENTS, PAYMENTS_TAGS, tags -> true)).isFalse();
        assertThat(nonCompliant.matches(PAYMENTS, PAYMENTS_TAGS, tags -> tags.size() > 3)).isTrue();
        assertThat(nonCompliant.matches(PAYMENTS, PAYMENTS_TAGS)).as("without a policy every key complies").isFalse();
        assertThat(TagQuery.parse("\"compliant\"").terms()).containsExactly(new TagQuery.FreeText("compliant"));
        assertThat(TagQuery.parse("!compliant=").terms()).containsExactly(new TagQuery.TagTerm("compliant", null,
                true));
    }
}
