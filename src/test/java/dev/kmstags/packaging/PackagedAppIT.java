package dev.kmstags.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyListEntry;

/**
 * The installed app, as jpackage built it (mvn -Pdist verify): its launcher answers like the jar, serves KMS, and
 * opens the desktop window with the demo keys (under Xvfb when there is no display).
 */
class PackagedAppIT {

    private static final Pattern LISTENING = Pattern.compile("KMS backend listening on (http://127\\.0\\.0\\.1:\\d+)");

    private static Path launcher;

    @TempDir
    Path folder;

    @BeforeAll
    static void findLauncher() {
        Path appImage = Path.of(System.getProperty("dist.appImage", "target/dist/kms-tag-manager"));
        launcher = appImage.resolve("bin").resolve("kms-tag-manager");
        assertThat(launcher).as("the app-image launcher (mvn -Pdist package builds it)").isExecutable();
    }

    private ProcessBuilder launch(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("XDG_DATA_HOME", folder.resolve("data").toString());
        return builder;
    }

    private static String run(ProcessBuilder builder, int expectedStatus) throws Exception {
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished: " + output).isTrue();
        assertThat(process.exitValue()).as(output).isEqualTo(expectedStatus);
        return output;
    }

    @Test
    void theLauncherAcceptsTheJarsArguments() throws Exception {
        assertThat(run(launch("--version"), 0).trim()).isEqualTo("kms-tag-manager " + System.getProperty("project.version"));
        assertThat(run(launch("--help"), 0)).contains("Usage: kms-tag-manager").contains("serve");
        assertThat(run(launch("--no-such-option"), 2)).contains("Unknown argument: --no-such-option");
        assertThat(run(launch("serve", "--help"), 0)).contains("--latency-ms");
    }

    @Test
    void serveFromTheInstalledLauncherAnswersASignedListKeys() throws Exception {
        Process serve = launch("serve", "--port", "0", "--data", folder.resolve("serve.db").toString()).start();
        try {
            URI endpoint = awaitListening(serve);
            try (KmsClient kms = KmsClient.builder()
                    .httpClient(UrlConnectionHttpClient.create())
                    .endpointOverride(endpoint)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                    .region(Region.US_EAST_1)
                    .build()) {
                List<KeyListEntry> keys = kms.listKeys().keys();
                assertThat(keys).hasSize(12);
                assertThat(kms.describeKey(b -> b.keyId("alias/payments-prod")).keyMetadata().keyManagerAsString())
                        .isEqualTo("CUSTOMER");
            }
        } finally {
            serve.destroy();
            assertThat(serve.waitFor(30, TimeUnit.SECONDS)).as("serve stops on SIGTERM").isTrue();
        }
    }

    @Test
    void theInstalledAppOpensItsMainWindowWithTheDemoKeys() throws Exception {
        List<String> command = new ArrayList<>();
        if (System.getenv("DISPLAY") == null) {
            Path xvfbRun = Path.of("/usr/bin/xvfb-run");
            assertThat(xvfbRun).as("no display: install Xvfb (apt-get install -y xvfb xauth)").isExecutable();
            command.addAll(List.of(xvfbRun.toString(), "-a", "-s", "-screen 0 1280x800x24"));
        }
        command.add(launcher.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(Map.of(
                "XDG_DATA_HOME", folder.resolve("data").toString(),
                "KMS_TAG_MANAGER_SELF_CHECK", "1"));

        String output = run(builder, 0);

        assertThat(output).contains("Self-check: the main window shows 12 keys")
                .contains("alias/payments-prod").contains("alias/aws/s3")
                .as("JavaFX loaded as the named modules it supports")
                .doesNotContain("Unsupported JavaFX configuration");
        assertThat(Files.exists(folder.resolve("data/kms-tag-manager/local-kms.db"))).isTrue();
    }

    private static URI awaitListening(Process process) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            seen.add(line);
            Matcher matcher = LISTENING.matcher(line);
            if (matcher.matches()) {
                return URI.create(matcher.group(1));
            }
        }
        throw new IOException("serve ended before listening: " + seen);
    }
}
