package dev.kmstags.domain.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccessCheckTest {

    private static final String KEY_ARN = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final IamPrincipal PAYMENTS_APP = new IamPrincipal(IamPrincipal.Kind.ROLE, "payments-app");
    private static final Map<String, String> PAYMENTS = Map.of("Team", "payments", "Env", "production");
    private static final Map<String, String> DATA = Map.of("Team", "data", "Env", "production");

    private static IamAccount account(IamPrincipal principal, String policyName, String json) {
        return IamAccount.of(List.of(new IamAccount.Holder(principal,
                List.of(new NamedPolicy(policyName, PolicyDocument.parse(json))))));
    }

    /** Modelled on the KMS developer guide's "Use tags to control access to KMS keys": allow by a tag. */
    private static final String ALLOW_BY_TEAM = """
            {"Version": "2012-10-17", "Statement": [{"Sid": "AllowByTeam", "Effect": "Allow",
              "Action": ["kms:Decrypt", "kms:GenerateDataKey*"], "Resource": "arn:aws:kms:*:111122223333:key/*",
              "Condition": {"StringEquals": {"aws:ResourceTag/Team": "payments"}}}]}""";

    @Test
    void anAllowByTagThatStopsApplyingRemovesAccessPerAction() {
        AccessReport report = new AccessCheck(account(PAYMENTS_APP, "PaymentsKeyAccess", ALLOW_BY_TEAM))
                .check(KEY_ARN, PAYMENTS, DATA);

        assertThat(report.changes()).extracting(AccessChange::action)
                .containsExactly("kms:Decrypt", "kms:GenerateDataKey*");
        AccessChange decrypt = report.changes().get(0);
        assertThat(decrypt.principal().label()).isEqualTo("role/payments-app");
        assertThat(decrypt.before()).isEqualTo(Truth.TRUE);
        assertThat(decrypt.after()).isEqualTo(Truth.FALSE);
        assertThat(decrypt.policyName()).isEqualTo("PaymentsKeyAccess");
        assertThat(decrypt.statementName()).isEqualTo("AllowByTeam");
        assertThat(decrypt.conditionText()).isEqualTo("aws:ResourceTag/Team = payments");
        assertThat(decrypt.removesAccess()).isTrue();
        assertThat(report.removesAccess()).isTrue();
    }

    @Test
    void theReverseChangeGrantsAccess() {
        AccessReport report = new AccessCheck(account(PAYMENTS_APP, "PaymentsKeyAccess", ALLOW_BY_TEAM))
                .check(KEY_ARN, DATA, PAYMENTS);

        assertThat(report.changes()).allSatisfy(change -> {
            assertThat(change.grantsAccess()).isTrue();
            assertThat(change.removesAccess()).isFalse();
        });
        assertThat(report.removesAccess()).isFalse();
    }

    @Test
    void aDenyThatStartsApplyingRemovesAccess() {
        // Modelled on the KMS guide's example that denies cryptographic operations on keys tagged Type=Reserved.
        String deny = """
                {"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Action": ["kms:Encrypt", "kms:Decrypt"],
                  "Resource": "arn:aws:kms:*:111122223333:key/*",
                  "Condition": {"StringEquals": {"aws:ResourceTag/Type": "Reserved"}}}}""";
        AccessCheck check = new AccessCheck(account(PAYMENTS_APP, "DenyReserved", deny));

        AccessReport tagged = check.check(KEY_ARN, PAYMENTS, Map.of("Team", "payments", "Type", "Reserved"));
        assertThat(tagged.changes()).hasSize(2).allSatisfy(c -> {
            assertThat(c.effect()).isEqualTo(PolicyStatement.Effect.DENY);
            assertThat(c.removesAccess()).isTrue();
            assertThat(c.statementName()).isEqualTo("#1");
        });
        AccessReport untagged = check.check(KEY_ARN, Map.of("Type", "Reserved"), Map.of());
        assertThat(untagged.changes()).allSatisfy(c -> assertThat(c.grantsAccess()).isTrue());
    }

    @Test
    void statementsOnTagsThatDoNotChangeAreLeftOut() {
        AccessReport report = new AccessCheck(account(PAYMENTS_APP, "PaymentsKeyAccess", ALLOW_BY_TEAM))
                .check(KEY_ARN, PAYMENTS, Map.of("Team", "payments", "Env", "staging"));

        assertThat(report.isEmpty()).isTrue();
    }

    @Test
    void aChangeThatLeavesTheOutcomeAloneIsLeftOut() {
        AccessReport report = new AccessCheck(account(PAYMENTS_APP, "PaymentsKeyAccess", ALLOW_BY_TEAM))
                .check(KEY_ARN, Map.of("Team", "data"), Map.of("Team", "support"));

        assertThat(report.isEmpty()).as("false before and after").isTrue();
    }

    @Test
    void theTagKeyMatchesIgnoringCaseAndARenameCounts() {
        String lowerCase = ALLOW_BY_TEAM.replace("aws:ResourceTag/Team", "aws:resourcetag/team");
        AccessReport report = new AccessCheck(account(PAYMENTS_APP, "P", lowerCase))
                .check(KEY_ARN, Map.of("Team", "payments"), Map.of("Squad", "payments"));

        assertThat(report.changes()).isNotEmpty().allSatisfy(c -> assertThat(c.removesAccess()).isTrue());
    }

    @Test
    void statementsOnOtherServicesOrResourcesAreLeftOut() {
        String s3 = ALLOW_BY_TEAM.replace("\"kms:Decrypt\", \"kms:GenerateDataKey*\"", "\"s3:GetObject\"");
        String otherAccount = ALLOW_BY_TEAM.replace("111122223333", "444455556666");
        String notResource = ALLOW_BY_TEAM.replace("\"Resource\"", "\"NotResource\"");

        assertThat(new AccessCheck(account(PAYMENTS_APP, "P", s3)).check(KEY_ARN, PAYMENTS, DATA).isEmpty()).isTrue();
        assertThat(new AccessCheck(account(PAYMENTS_APP, "P", otherAccount)).check(KEY_ARN, PAYMENTS, DATA)
                .isEmpty()).isTrue();
        assertThat(new AccessCheck(account(PAYMENTS_APP, "P", notResource)).check(KEY_ARN, PAYMENTS, DATA)
                .isEmpty()).isTrue();
    }

    @Test
    void wildcardActionsAndNotActionAreNamedAsWritten() {
        String star = ALLOW_BY_TEAM.replace("[\"kms:Decrypt\", \"kms:GenerateDataKey*\"]", "[\"*\", \"kms:Re*\"]")
                .replace("\"Resource\": \"arn:aws:kms:*:111122223333:key/*\"", "\"Resource\": \"*\"");
        String notAction = ALLOW_BY_TEAM.replace("\"Action\": [\"kms:Decrypt\", \"kms:GenerateDataKey*\"]",
                "\"NotAction\": [\"kms:ScheduleKeyDeletion\", \"iam:*\"]");
        String notKms = ALLOW_BY_TEAM.replace("\"Action\": [\"kms:Decrypt\", \"kms:GenerateDataKey*\"]",
                "\"NotAction\": \"kms:*\"");

        assertThat(new AccessCheck(account(PAYMENTS_APP, "P", star)).check(KEY_ARN, PAYMENTS, DATA).changes())
                .extracting(AccessChange::action).containsExactly("kms:*", "kms:Re*");
        assertThat(new AccessCheck(account(PAYMENTS_APP, "P", notAction)).check(KEY_ARN, PAYMENTS, DATA).changes())
                .extracting(AccessChange::action).containsExactly("kms:* except kms:ScheduleKeyDeletion");
        assertThat(new AccessCheck(account(PAYMENTS_APP, "P", notKms)).check(KEY_ARN, PAYMENTS, DATA).isEmpty())
                .isTrue();
    }

    @Test
    void severalKeysAndOperatorsInOneConditionAreAnded() {
        String both = """
                {"Statement": {"Sid": "ProdPayments", "Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*",
                  "Condition": {"StringEquals": {"aws:ResourceTag/Team": "payments"},
                                "StringLike": {"aws:ResourceTag/Env": "prod*"}}}}""";
        AccessCheck check = new AccessCheck(account(PAYMENTS_APP, "P", both));

        AccessReport report = check.check(KEY_ARN, PAYMENTS, DATA);
        assertThat(report.changes()).singleElement().satisfies(c -> {
            assertThat(c.removesAccess()).isTrue();
            assertThat(c.conditionText())
                    .isEqualTo("aws:ResourceTag/Team = payments and aws:ResourceTag/Env StringLike prod*");
        });
        assertThat(check.check(KEY_ARN, Map.of("Team", "payments", "Env", "staging"),
                Map.of("Team", "data", "Env", "staging")).isEmpty())
                .as("the unchanged Env condition is false either way").isTrue();
    }

    @Test
    void aConditionTheToolCannotEvaluateIsReportedAsUnknownNotDropped() {
        String principalTag = """
                {"Statement": {"Sid": "SameTeam", "Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*",
                  "Condition": {"StringEquals": {"aws:ResourceTag/Team": "payments",
                                                 "aws:PrincipalTag/Department": "finance"}}}}""";
        String variable = """
                {"Statement": {"Sid": "TeamOfCaller", "Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*",
                  "Condition": {"StringEquals": {"aws:ResourceTag/Team": "${aws:PrincipalTag/Team}"}}}}""";

        AccessChange withPrincipalTag = new AccessCheck(account(PAYMENTS_APP, "P", principalTag))
                .check(KEY_ARN, PAYMENTS, DATA).changes().get(0);
        assertThat(withPrincipalTag.isUnknown()).isTrue();
        assertThat(withPrincipalTag.before()).isEqualTo(Truth.UNKNOWN);
        assertThat(withPrincipalTag.after()).as("false whatever the caller's tags").isEqualTo(Truth.FALSE);
        assertThat(withPrincipalTag.unknownReasons())
                .containsExactly("aws:PrincipalTag/Department is not a tag of the key");
        assertThat(withPrincipalTag.removesAccess()).isFalse();

        AccessChange withVariable = new AccessCheck(account(PAYMENTS_APP, "P", variable))
                .check(KEY_ARN, PAYMENTS, DATA).changes().get(0);
        assertThat(withVariable.isUnknown()).isTrue();
        assertThat(withVariable.unknownReasons()).containsExactly("policy variables are not evaluated");
    }

    @Test
    void aStatementDecidedByAnUnevaluatedKeyAloneIsNotATagChange() {
        String unchangedTagAndPrincipalTag = """
                {"Statement": {"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*",
                  "Condition": {"StringEquals": {"aws:ResourceTag/Env": "production",
                                                 "aws:PrincipalTag/Team": "payments"}}}}""";

        assertThat(new AccessCheck(account(PAYMENTS_APP, "P", unchangedTagAndPrincipalTag))
                .check(KEY_ARN, PAYMENTS, DATA).isEmpty()).isTrue();
    }

    @Test
    void everyPrincipalHoldingThePolicyIsNamed() {
        PolicyDocument document = PolicyDocument.parse(ALLOW_BY_TEAM);
        IamAccount account = IamAccount.of(List.of(
                new IamAccount.Holder(PAYMENTS_APP, List.of(new NamedPolicy("Shared", document))),
                new IamAccount.Holder(new IamPrincipal(IamPrincipal.Kind.USER, "alice"),
                        List.of(new NamedPolicy("Shared", document))),
                new IamAccount.Holder(new IamPrincipal(IamPrincipal.Kind.GROUP, "auditors"), List.of())));

        assertThat(new AccessCheck(account).check(KEY_ARN, PAYMENTS, DATA).changes())
                .extracting(c -> c.principal().label()).containsExactly("role/payments-app", "role/payments-app",
                        "user/alice", "user/alice");
    }

    @Test
    void nullAndIfExistsDecideOnAddedAndRemovedTags() {
        String requireOwner = """
                {"Statement": {"Sid": "DenyUnowned", "Effect": "Deny", "Action": "kms:*", "Resource": "*",
                  "Condition": {"Null": {"aws:ResourceTag/Owner": "true"}}}}""";
        String ifExists = """
                {"Statement": {"Sid": "OnlyProdIfTagged", "Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*",
                  "Condition": {"StringEqualsIfExists": {"aws:ResourceTag/Env": "production"}}}}""";

        assertThat(new AccessCheck(account(PAYMENTS_APP, "P", requireOwner))
                .check(KEY_ARN, Map.of("Owner", "alice"), Map.of()).changes())
                .singleElement().satisfies(c -> assertThat(c.removesAccess()).isTrue());
        assertThat(new AccessCheck(account(PAYMENTS_APP, "P", ifExists))
                .check(KEY_ARN, Map.of(), Map.of("Env", "production")).isEmpty()).as("true before and after").isTrue();
        assertThat(new AccessCheck(account(PAYMENTS_APP, "P", ifExists))
                .check(KEY_ARN, Map.of(), Map.of("Env", "staging")).changes())
                .singleElement().satisfies(c -> assertThat(c.removesAccess()).isTrue());
    }
}
