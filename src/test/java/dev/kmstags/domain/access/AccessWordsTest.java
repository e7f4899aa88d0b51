package dev.kmstags.domain.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The access check's sentences, which the reviews and the command line share. */
class AccessWordsTest {

    private static final AccessWords WORDS = new AccessWords(Locale.ENGLISH);
    private static final IamPrincipal APP = new IamPrincipal(IamPrincipal.Kind.ROLE, "payments-app");

    private static AccessChange change(PolicyStatement.Effect effect, Truth before, Truth after) {
        return new AccessChange(APP, "kms:Decrypt", effect, before, after, "PaymentsKeyAccess", "AllowByTeam",
                "aws:ResourceTag/Team = payments", List.of());
    }

    @Test
    void anAllowThatStopsApplyingIsALossInTheIssuesWords() {
        AccessWords.Line line = WORDS.line(change(PolicyStatement.Effect.ALLOW, Truth.TRUE, Truth.FALSE));

        assertThat(line.text()).isEqualTo("role/payments-app: kms:Decrypt allowed before, not after (policy"
                + " PaymentsKeyAccess, statement AllowByTeam: aws:ResourceTag/Team = payments)");
        assertThat(line.kind()).isEqualTo(AccessWords.Kind.LOSS);
    }

    @Test
    void lossesComeFirstThenGains() {
        List<AccessWords.Line> lines = WORDS.lines(new AccessReport(List.of(
                change(PolicyStatement.Effect.DENY, Truth.TRUE, Truth.FALSE),
                change(PolicyStatement.Effect.DENY, Truth.FALSE, Truth.TRUE)), List.of()));

        assertThat(lines).extracting(AccessWords.Line::kind).containsExactly(AccessWords.Kind.LOSS,
                AccessWords.Kind.GAIN);
        assertThat(lines.get(0).text()).startsWith("role/payments-app: kms:Decrypt denied after, not before (");
    }

    @Test
    void theStatusSaysThatNoPolicyDecidesAndNamesPoliciesThatCouldNotBeRead() {
        assertThat(WORDS.status(true, List.of())).isEqualTo("No IAM policy in this account decides access by the"
                + " tags you change.");
        assertThat(WORDS.status(false, List.of("role/x: Broken"))).isEqualTo("Policies that could not be read, and"
                + " are left out: role/x: Broken.");
        assertThat(WORDS.status(false, List.of())).isEmpty();
    }
}
