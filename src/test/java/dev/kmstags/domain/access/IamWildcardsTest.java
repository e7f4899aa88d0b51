package dev.kmstags.domain.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IamWildcardsTest {

    @Test
    void starMatchesAnyRunAndQuestionMarkOneCharacter() {
        assertThat(IamWildcards.matches("arn:aws:kms:*:111122223333:key/*",
                "arn:aws:kms:us-east-1:111122223333:key/1234abcd")).isTrue();
        assertThat(IamWildcards.matches("arn:aws:kms:*:444455556666:key/*",
                "arn:aws:kms:us-east-1:111122223333:key/1234abcd")).isFalse();
        assertThat(IamWildcards.matches("*", "")).isTrue();
        assertThat(IamWildcards.matches("a?c", "abc")).isTrue();
        assertThat(IamWildcards.matches("a?c", "ac")).isFalse();
        assertThat(IamWildcards.matches("*a*b*", "xaxxbx")).isTrue();
        assertThat(IamWildcards.matches("*a*b", "xaxxbx")).isFalse();
    }

    @Test
    void actionsMatchIgnoringCaseResourcesDoNot() {
        assertThat(IamWildcards.matchesIgnoringCase("kms:decrypt*", "kms:DecryptSomething")).isTrue();
        assertThat(IamWildcards.matches("arn:aws:kms:*:111122223333:KEY/*",
                "arn:aws:kms:us-east-1:111122223333:key/x")).isFalse();
    }
}
