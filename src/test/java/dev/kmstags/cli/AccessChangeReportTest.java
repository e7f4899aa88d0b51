package dev.kmstags.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.kms.AccessPolicies;
import dev.kmstags.kms.KmsProblem;
import org.junit.jupiter.api.Test;

/**
 * The one sentence {@code --check-access} prints when the account's IAM policies cannot be read (how IAM's refusal
 * becomes {@link AccessPolicies.Unavailable} is IamAccessPoliciesTest's), after which the command goes on.
 */
class AccessChangeReportTest {

    @Test
    void credentialsThatMayNotReadIamAreToldWhatToAskFor() {
        String sentence = AccessChangeReport.notChecked(new AccessPolicies.Unavailable(KmsProblem.ACCESS_DENIED,
                "AccessDenied: User: arn:aws:iam::111122223333:user/dev is not authorized to perform:"
                        + " iam:GetAccountAuthorizationDetails on resource: *"));

        assertThat(sentence).isEqualTo("Access not checked: these credentials may not read the account's IAM"
                + " policies (AccessDenied: User: arn:aws:iam::111122223333:user/dev is not authorized to perform:"
                + " iam:GetAccountAuthorizationDetails on resource: *). Ask for iam:GetAccountAuthorizationDetails,"
                + " or leave out --check-access.");
    }

    @Test
    void otherFailuresAreNamed() {
        String sentence = AccessChangeReport.notChecked(new AccessPolicies.Unavailable(KmsProblem.CONNECTION_REFUSED,
                "Connection refused"));

        assertThat(sentence).isEqualTo("Access not checked: the account's IAM policies could not be read"
                + " (Connection refused).");
    }
}
