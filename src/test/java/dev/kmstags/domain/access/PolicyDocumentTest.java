package dev.kmstags.domain.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyDocumentTest {

    @Test
    void aStatementListWithListsAndConditions() {
        PolicyDocument document = PolicyDocument.parse("""
                {"Version": "2012-10-17", "Statement": [
                  {"Sid": "AllowByTeam", "Effect": "Allow", "Action": ["kms:Decrypt", "kms:Encrypt"],
                   "Resource": "arn:aws:kms:*:111122223333:key/*",
                   "Condition": {"StringEquals": {"aws:ResourceTag/Team": "payments",
                                                  "aws:ResourceTag/Env": ["a", "b"]},
                                 "Null": {"aws:ResourceTag/Owner": false}}},
                  {"Effect": "Deny", "NotAction": "kms:Describe*", "NotResource": ["arn:aws:kms:*:*:alias/*"]}
                ]}""");

        assertThat(document.version()).isEqualTo("2012-10-17");
        PolicyStatement first = document.statements().get(0);
        assertThat(first.name()).isEqualTo("AllowByTeam");
        assertThat(first.effect()).isEqualTo(PolicyStatement.Effect.ALLOW);
        assertThat(first.actions()).containsExactly("kms:Decrypt", "kms:Encrypt");
        assertThat(first.resources()).containsExactly("arn:aws:kms:*:111122223333:key/*");
        assertThat(first.conditions()).containsExactly(
                new PolicyCondition("StringEquals", "aws:ResourceTag/Team", List.of("payments")),
                new PolicyCondition("StringEquals", "aws:ResourceTag/Env", List.of("a", "b")),
                new PolicyCondition("Null", "aws:ResourceTag/Owner", List.of("false")));
        PolicyStatement second = document.statements().get(1);
        assertThat(second.name()).as("without a Sid, its position").isEqualTo("#2");
        assertThat(second.effect()).isEqualTo(PolicyStatement.Effect.DENY);
        assertThat(second.notActions()).containsExactly("kms:Describe*");
        assertThat(second.notResources()).containsExactly("arn:aws:kms:*:*:alias/*");
        assertThat(second.actions()).isEmpty();
    }

    @Test
    void aSingleStatementObject() {
        PolicyDocument document = PolicyDocument.parse("""
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "kms:*", "Resource": "*"}}""");

        assertThat(document.statements()).singleElement()
                .satisfies(s -> assertThat(s.actions()).containsExactly("kms:*"));
    }

    @Test
    void conditionTextReadsAsThePolicySaysIt() {
        assertThat(new PolicyCondition("StringEquals", "aws:ResourceTag/Team", List.of("payments")).text())
                .isEqualTo("aws:ResourceTag/Team = payments");
        assertThat(new PolicyCondition("StringNotEquals", "aws:ResourceTag/Team", List.of("a", "b")).text())
                .isEqualTo("aws:ResourceTag/Team ≠ [a, b]");
        assertThat(new PolicyCondition("StringLikeIfExists", "aws:ResourceTag/Env", List.of("prod*")).text())
                .isEqualTo("aws:ResourceTag/Env StringLikeIfExists prod*");
    }

    @Test
    void whatIsNotAPolicyIsASentence() {
        assertThatThrownBy(() -> PolicyDocument.parse("{\"Statement\": "))
                .isInstanceOf(PolicyDocumentException.class).hasMessageStartingWith("The policy document is not valid");
        assertThatThrownBy(() -> PolicyDocument.parse("[]"))
                .isInstanceOf(PolicyDocumentException.class).hasMessage("The policy document is not a JSON object");
        assertThatThrownBy(() -> PolicyDocument.parse("{\"Statement\": {\"Effect\": \"allow\"}}"))
                .isInstanceOf(PolicyDocumentException.class)
                .hasMessage("Statement 1 has Effect 'allow'; IAM knows only Allow and Deny");
    }
}
