package dev.kmstags.local.iam;

import java.time.Instant;
import java.util.List;

/**
 * The IAM identities of the demo account: roles, a group and users whose policies decide access to the demo keys
 * by their tags (Team, Environment, ManagedBy), one whose condition the access check cannot evaluate (a policy
 * variable), and an administrator whose access does not depend on tags at all.
 */
public final class DemoIam {

    private static final Instant CREATED = Instant.parse("2025-03-03T09:30:00Z");

    private DemoIam() {
    }

    static IamDirectory directory(String accountId) {
        String keys = "arn:aws:kms:*:" + accountId + ":key/*";
        ManagedPolicy paymentsKeyAccess = new ManagedPolicy("PaymentsKeyAccess", "ANPAEXAMPLEPAYMENTS01",
                "Use of the payments team's keys", """
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {
                      "Sid": "AllowByTeam",
                      "Effect": "Allow",
                      "Action": ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey*"],
                      "Resource": "%s",
                      "Condition": {"StringEquals": {"aws:ResourceTag/Team": "payments"}}
                    }
                  ]
                }""".formatted(keys));
        ManagedPolicy denyProductionDecrypt = new ManagedPolicy("DenyProductionDecrypt", "ANPAEXAMPLEAUDITORS1",
                "Auditors read metadata, never production data", """
                {
                  "Version": "2012-10-17",
                  "Statement": {
                    "Sid": "NoProductionData",
                    "Effect": "Deny",
                    "Action": "kms:Decrypt",
                    "Resource": "*",
                    "Condition": {"StringEqualsIgnoreCase": {"aws:ResourceTag/Environment": "production"}}
                  }
                }""");
        ManagedPolicy ciKeys = new ManagedPolicy("TerraformManagedKeys", "ANPAEXAMPLECIKEYS001",
                "What the CI pipeline may do with keys Terraform manages", """
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {
                      "Sid": "ManageTerraformKeys",
                      "Effect": "Allow",
                      "Action": ["kms:Describe*", "kms:TagResource", "kms:UntagResource", "kms:Decrypt"],
                      "Resource": "%s",
                      "Condition": {"StringLike": {"aws:ResourceTag/ManagedBy": "terraform*"}}
                    }
                  ]
                }""".formatted(keys));
        String dataInline = """
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {
                      "Sid": "DataTeamKeys",
                      "Effect": "Allow",
                      "Action": "kms:Decrypt",
                      "Resource": "%s",
                      "Condition": {"StringEquals": {"aws:ResourceTag/Team": ["data", "analytics"]}}
                    }
                  ]
                }""".formatted(keys);
        String sameTeam = """
                {
                  "Version": "2012-10-17",
                  "Statement": {
                    "Sid": "KeysOfMyTeam",
                    "Effect": "Allow",
                    "Action": "kms:*",
                    "Resource": "%s",
                    "Condition": {"StringEquals": {"aws:ResourceTag/Team": "${aws:PrincipalTag/Team}"}}
                  }
                }""".formatted(keys);
        String admin = """
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "kms:*", "Resource": "*"}}""";
        String ec2Trust = trust("ec2.amazonaws.com");
        List<IamEntity> entities = List.of(
                new IamEntity(IamEntity.Kind.USER, "alice", "AIDAEXAMPLEALICE0001",
                        List.of(new IamEntity.InlinePolicy("KeysOfMyTeam", sameTeam)), List.of(),
                        List.of("security-auditors"), null),
                new IamEntity(IamEntity.Kind.USER, "key-admin", "AIDAEXAMPLEKEYADMIN1",
                        List.of(new IamEntity.InlinePolicy("KmsAdministrator", admin)), List.of(), List.of(), null),
                new IamEntity(IamEntity.Kind.GROUP, "security-auditors", "AGPAEXAMPLEAUDITORS1", List.of(),
                        List.of("DenyProductionDecrypt"), List.of(), null),
                new IamEntity(IamEntity.Kind.ROLE, "payments-app", "AROAEXAMPLEPAYMENTS1", List.of(),
                        List.of("PaymentsKeyAccess"), List.of(), ec2Trust),
                new IamEntity(IamEntity.Kind.ROLE, "data-pipeline", "AROAEXAMPLEDATAPIPE1",
                        List.of(new IamEntity.InlinePolicy("DataKeyAccess", dataInline)), List.of(), List.of(),
                        trust("glue.amazonaws.com")),
                new IamEntity(IamEntity.Kind.ROLE, "ci-builder", "AROAEXAMPLECIBUILDR1", List.of(),
                        List.of("TerraformManagedKeys"), List.of(), trust("codebuild.amazonaws.com")));
        return new IamDirectory(accountId, CREATED, entities,
                List.of(paymentsKeyAccess, denyProductionDecrypt, ciKeys));
    }

    private static String trust(String service) {
        return """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "%s"}, \
                "Action": "sts:AssumeRole"}]}""".formatted(service);
    }
}
