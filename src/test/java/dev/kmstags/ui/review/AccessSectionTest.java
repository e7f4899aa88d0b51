package dev.kmstags.ui.review;

import static dev.kmstags.ui.common.TestKeys.MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.domain.access.AccessChange;
import dev.kmstags.domain.access.AccessReport;
import dev.kmstags.domain.access.AccessWords;
import dev.kmstags.domain.access.IamAccount;
import dev.kmstags.domain.access.IamPrincipal;
import dev.kmstags.domain.access.PolicyStatement;
import dev.kmstags.domain.access.Truth;
import dev.kmstags.kms.AccessPolicies;
import dev.kmstags.kms.KmsProblem;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessSectionTest {

    private static final IamPrincipal APP = new IamPrincipal(IamPrincipal.Kind.ROLE, "payments-app");
    private static final AccessPolicies.Reading READ = new AccessPolicies.Read(
            IamAccount.of(List.of()), Instant.EPOCH);

    private static AccessChange change(PolicyStatement.Effect effect, Truth before, Truth after, String... reasons) {
        return new AccessChange(APP, "kms:Decrypt", effect, before, after, "PaymentsKeyAccess", "AllowByTeam",
                "aws:ResourceTag/Team = payments", List.of(reasons));
    }

    @Test
    void eachChangeIsOneSentenceLossesFirst() {
        AccessSection section = AccessSection.of(READ, new AccessReport(List.of(
                change(PolicyStatement.Effect.ALLOW, Truth.FALSE, Truth.TRUE),
                change(PolicyStatement.Effect.DENY, Truth.FALSE, Truth.TRUE),
                change(PolicyStatement.Effect.ALLOW, Truth.TRUE, Truth.FALSE),
                change(PolicyStatement.Effect.DENY, Truth.TRUE, Truth.FALSE),
                change(PolicyStatement.Effect.ALLOW, Truth.UNKNOWN, Truth.FALSE, "aws:PrincipalTag/X is not a tag"
                        + " of the key")), List.of()), MESSAGES);

        String source = " (policy PaymentsKeyAccess, statement AllowByTeam: aws:ResourceTag/Team = payments)";
        assertThat(section.lines()).extracting(AccessWords.Line::text).containsExactly(
                "role/payments-app: kms:Decrypt denied after, not before" + source,
                "role/payments-app: kms:Decrypt allowed before, not after" + source,
                "role/payments-app: kms:Decrypt allowed after, not before" + source,
                "role/payments-app: kms:Decrypt denied before, not after" + source,
                "role/payments-app: kms:Decrypt allowed before: unknown, after: no; cannot be told for sure (policy"
                        + " PaymentsKeyAccess, statement AllowByTeam: aws:ResourceTag/Team = payments;"
                        + " aws:PrincipalTag/X is not a tag of the key)");
        assertThat(section.removesAccess()).isTrue();
        assertThat(section.lossLines()).hasSize(2);
        assertThat(section.statusText()).isEmpty();
    }

    @Test
    void withoutThePermissionTheSectionSaysWhatToDoAndTheReviewGoesOn() {
        AccessSection section = AccessSection.of(new AccessPolicies.Unavailable(KmsProblem.ACCESS_DENIED,
                "AccessDenied: not authorized"), null, MESSAGES);

        assertThat(section.shown()).isTrue();
        assertThat(section.lines()).isEmpty();
        assertThat(section.removesAccess()).isFalse();
        assertThat(section.statusText()).isEqualTo("These credentials may not read the account's IAM policies"
                + " (AccessDenied: not authorized), so who gains or loses access is not checked. Ask for"
                + " iam:GetAccountAuthorizationDetails, or turn the check off in the Connection menu.");
    }

    @Test
    void policiesThatCouldNotBeReadAreNamed() {
        AccessSection section = AccessSection.of(READ, new AccessReport(List.of(), List.of("role/x: Broken")),
                MESSAGES);

        assertThat(section.statusText()).isEqualTo("No IAM policy in this account decides access by the tags you"
                + " change. Policies that could not be read, and are left out: role/x: Broken.");
    }
}
