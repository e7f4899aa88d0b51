package dev.kmstags.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.kms.KmsClients;
import dev.kmstags.kms.KmsConnection;
import dev.kmstags.local.ServeProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.Tag;

/**
 * {@code tags apply} as a process reports where the changed keys stray from the tag policy ({@code serve
 * --tag-policy} answers DescribeEffectivePolicy with it) as {@code tags plan} does, and with
 * {@code --fail-on-noncompliant} refuses to write them.
 */
class TagsApplyPolicyProcessTest {

    private static final String POLICY = """
            {"tags": {
              "costcenter": {"tag_key": "CostCenter", "tag_value": ["CC-1*"], "enforced_for": ["kms:key"]},
              "environment": {"tag_key": "Environment", "tag_value": ["production", "staging"]}}}""";
    private static final String FINDING = "error: CostCenter = CC-999: the tag policy does not allow this value."
            + " Allowed: CC-1*. AWS refuses this change: the policy is enforced for KMS keys.";

    @TempDir
    Path folder;

    private ServeProcess serve;
    private TagsProcess tags;
    private Path edited;
    private String keyId;

    @BeforeEach
    void start() throws Exception {
        Path policy = Files.writeString(folder.resolve("policy.json"), POLICY);
        serve = ServeProcess.start("--port", "0", "--no-seed", "--tag-policy", policy.toString(), "--data",
                folder.resolve("serve.db").toString());
        tags = TagsProcess.against(folder, serve.endpoint(), "eu-west-1");
        keyId = sdk(client -> client.createKey(b -> b.tags(Tag.builder().tagKey("CostCenter").tagValue("CC-100")
                .build(), Tag.builder().tagKey("environment").tagValue("production").build()))
                .keyMetadata().keyId());
        edited = folder.resolve("edited.csv");
        TagsProcess.Ended export = tags.run("export", "--profile", "demo", "-o", edited.toString());
        assertThat(export.status()).as(export.err()).isZero();
        String text = Files.readString(edited, StandardCharsets.UTF_8);
        Files.writeString(edited, text.replace("CC-100", "CC-999"), StandardCharsets.UTF_8);
    }

    @AfterEach
    void stop() throws InterruptedException {
        serve.close();
    }

    private <T> T sdk(Function<KmsClient, T> call)
            throws Exception {
        try (KmsClients.Opened sdk = KmsClients.open(KmsConnection.bundledBackend(serve.endpoint(), "eu-west-1",
                "test", "test"))) {
            return call.apply(sdk.client());
        }
    }

    private Map<String, String> kmsTags() throws Exception {
        Map<String, String> now = new LinkedHashMap<>();
        sdk(client -> client.listResourceTags(b -> b.keyId(keyId))).tags()
                .forEach(tag -> now.put(tag.tagKey(), tag.tagValue()));
        return now;
    }

    @Test
    void applyReportsThePolicyFindingsAsPlanDoesAndFailOnNoncompliantRefusesToWrite() throws Exception {
        TagsProcess.Ended refused = tags.run("apply", edited.toString(), "--profile", "demo", "--yes",
                "--fail-on-noncompliant");

        assertThat(refused.status()).as(refused.out() + refused.err()).isEqualTo(TagsCommand.EXIT_ERROR);
        assertThat(refused.out()).contains("Tag policy (the account's effective tag policy):").contains(FINDING)
                .contains("warning: environment: the tag policy writes this key \u201cEnvironment\u201d.")
                .contains("1 of 1 changed keys would not comply with the tag policy.");
        assertThat(refused.err()).contains("Nothing was applied: 1 changed key would not comply with the tag"
                + " policy, and --fail-on-noncompliant was given.");
        assertThat(kmsTags()).containsEntry("CostCenter", "CC-100");

        TagsProcess.Ended applied = tags.run("apply", edited.toString(), "--profile", "demo", "--yes");

        assertThat(applied.status()).as(applied.out() + applied.err()).isEqualTo(TagsCommand.EXIT_OK);
        assertThat(applied.out()).contains(FINDING);
        assertThat(kmsTags()).containsEntry("CostCenter", "CC-999");
    }
}
