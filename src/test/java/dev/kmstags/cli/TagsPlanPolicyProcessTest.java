package dev.kmstags.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.kms.KmsClients;
import dev.kmstags.kms.KmsConnection;
import dev.kmstags.local.ServeProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kms.model.Tag;

/**
 * {@code tags plan} as a process measures a plan against the tag policy {@code serve --tag-policy} answers
 * DescribeEffectivePolicy with, or against {@code --tag-policy FILE}, and exits 1 on non-compliance when asked to.
 */
class TagsPlanPolicyProcessTest {

    private static final String POLICY = """
            {"tags": {
              "costcenter": {"tag_key": "CostCenter", "tag_value": ["CC-1*"], "enforced_for": ["kms:key"]},
              "environment": {"tag_key": "Environment", "tag_value": ["production", "staging"]}}}""";

    @TempDir
    static Path folder;

    private static ServeProcess serve;
    private static TagsProcess tags;
    private static Path edited;

    @BeforeAll
    static void start() throws Exception {
        Path policy = Files.writeString(folder.resolve("policy.json"), POLICY);
        serve = ServeProcess.start("--port", "0", "--no-seed", "--tag-policy", policy.toString(), "--data",
                folder.resolve("serve.db").toString());
        tags = TagsProcess.against(folder, serve.endpoint(), "eu-west-1");
        try (KmsClients.Opened sdk = KmsClients.open(KmsConnection.bundledBackend(serve.endpoint(), "eu-west-1",
                "test", "test"))) {
            sdk.client().createKey(b -> b.tags(Map.of("CostCenter", "CC-100", "environment", "production")
                    .entrySet().stream().map(tag -> Tag.builder().tagKey(tag.getKey()).tagValue(tag.getValue())
                            .build()).toList()));
        }
        edited = folder.resolve("edited.csv");
        TagsProcess.Ended export = tags.run("export", "--profile", "demo", "-o", edited.toString());
        assertThat(export.status()).as(export.err()).isZero();
        String text = Files.readString(edited, StandardCharsets.UTF_8);
        assertThat(text).contains("CC-100");
        Files.writeString(edited, text.replace("CC-100", "CC-999"), StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        serve.close();
    }

    @Test
    void planReportsWhereTheChangedKeysStrayFromTheAccountsTagPolicy() throws Exception {
        TagsProcess.Ended plan = tags.run("plan", edited.toString(), "--profile", "demo");

        assertThat(plan.status()).as(plan.err()).isEqualTo(TagsCommand.EXIT_CHANGES);
        assertThat(plan.out()).contains("Tag policy (the account's effective tag policy):")
                .contains("error: CostCenter = CC-999: the tag policy does not allow this value. Allowed: CC-1*."
                        + " AWS refuses this change: the policy is enforced for KMS keys.")
                .contains("warning: environment: the tag policy writes this key \u201cEnvironment\u201d.")
                .contains("1 of 1 changed keys would not comply with the tag policy.");
    }

    @Test
    void exportFilteredByComplianceMeasuresTheKeysAgainstTheAccountsTagPolicy() throws Exception {
        Path compliant = folder.resolve("compliant.csv");
        Path noncompliant = folder.resolve("noncompliant.csv");
        try (KmsClients.Opened sdk = KmsClients.open(KmsConnection.bundledBackend(serve.endpoint(), "eu-west-1",
                "test", "test"))) {
            sdk.client().createKey(b -> b.description("strays").tags(Tag.builder().tagKey("CostCenter")
                    .tagValue("CC-900").build()));
        }

        TagsProcess.Ended onlyCompliant = tags.run("export", "--profile", "demo", "--filter", "compliant", "-o",
                compliant.toString());
        TagsProcess.Ended onlyStraying = tags.run("export", "--profile", "demo", "--filter", "!compliant", "-o",
                noncompliant.toString());

        assertThat(onlyCompliant.status()).as(onlyCompliant.err()).isZero();
        assertThat(onlyStraying.status()).as(onlyStraying.err()).isZero();
        assertThat(Files.readString(compliant, StandardCharsets.UTF_8)).doesNotContain("CC-900");
        assertThat(Files.readString(noncompliant, StandardCharsets.UTF_8)).contains("CC-900");
    }

    @Test
    void failOnNoncompliantMakesANoncompliantPlanExitOne() throws Exception {
        TagsProcess.Ended plan = tags.run("plan", edited.toString(), "--profile", "demo", "--fail-on-noncompliant");

        assertThat(plan.status()).as(plan.out() + plan.err()).isEqualTo(TagsCommand.EXIT_ERROR);
    }

    @Test
    void aPolicyFileTakesThePlaceOfTheAccountsPolicy() throws Exception {
        Path lenient = Files.writeString(folder.resolve("lenient.json"),
                "{\"tags\":{\"costcenter\":{\"tag_key\":\"CostCenter\"},\"environment\":{}}}");

        TagsProcess.Ended plan = tags.run("plan", edited.toString(), "--profile", "demo", "--tag-policy",
                lenient.toString(), "--fail-on-noncompliant");

        assertThat(plan.status()).as(plan.err()).isEqualTo(TagsCommand.EXIT_CHANGES);
        assertThat(plan.out()).doesNotContain("Tag policy");
    }

    @Test
    void aPolicyFileThatCannotBeReadIsAnError() throws Exception {
        TagsProcess.Ended plan = tags.run("plan", edited.toString(), "--profile", "demo", "--tag-policy",
                folder.resolve("missing.json").toString());

        assertThat(plan.status()).isEqualTo(TagsCommand.EXIT_ERROR);
        assertThat(plan.err()).contains("--tag-policy: no such file: ");
    }
}
