package dev.kmstags.local;

import static dev.kmstags.local.BackendFixture.tag;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/** {@code serve} as its own process: the line it prints, its options, SIGTERM, and a kill -9 mid-write. */
class ServeCommandTest {

    @TempDir
    Path directory;

    private static KmsClient clientFor(ServeProcess serve, String accessKey, String secretKey) {
        return KmsClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(serve.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .region(Region.US_EAST_1)
                .build();
    }

    @Test
    void serveAnswersWithItsOwnCredentialsAndStopsCleanlyOnSigterm() throws Exception {
        Path data = directory.resolve("serve.db");
        try (ServeProcess serve = ServeProcess.start("--port", "0", "--data", data.toString(),
                "--access-key", "AKIDLOCAL", "--secret-key", "s3cret", "--no-seed");
             KmsClient kms = clientFor(serve, "AKIDLOCAL", "s3cret")) {
            assertThat(kms.listKeys().keys()).isEmpty();
            kms.createKey(b -> b.description("made through serve"));

            serve.process().destroy();
            assertThat(serve.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        try (BackendFixture reopened = BackendFixture.start(BackendOptions.defaults(data).withPort(0).withSeed(false))) {
            assertThat(reopened.client().listKeys().keys()).hasSize(1);
        }
    }

    @Test
    void aKillNineLosesNoWriteThatWasAnswered() throws Exception {
        Path data = directory.resolve("killed.db");
        List<String> answeredKeys = new CopyOnWriteArrayList<>();
        List<String> answeredTags = new CopyOnWriteArrayList<>();
        CountDownLatch thirtyKeysAnswered = new CountDownLatch(30);
        String taggedKey;
        try (ServeProcess serve = ServeProcess.start("--port", "0", "--data", data.toString(), "--no-seed");
             KmsClient kms = clientFor(serve, "test", "test")) {
            taggedKey = kms.createKey(b -> b.description("tagged")).keyMetadata().keyId();
            AtomicBoolean stop = new AtomicBoolean();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            Thread writer = new Thread(() -> {
                for (int i = 0; !stop.get() && i < 10_000 && System.nanoTime() - deadline < 0; i++) {
                    try {
                        String description = "write " + i;
                        String keyId = kms.createKey(b -> b.description(description)).keyMetadata().keyId();
                        answeredKeys.add(keyId);
                        thirtyKeysAnswered.countDown();
                        if (answeredTags.size() < 49) {
                            String tagKey = "t" + i;
                            kms.tagResource(b -> b.keyId(taggedKey).tags(tag(tagKey, "v")));
                            answeredTags.add(tagKey);
                        }
                    } catch (SdkException e) {
                        return;
                    }
                }
            });
            writer.start();
            assertThat(thirtyKeysAnswered.await(1, TimeUnit.MINUTES))
                    .as("30 keys created before the kill; answered: %s", answeredKeys.size()).isTrue();
            serve.kill();
            stop.set(true);
            writer.join(60_000);
        }
        try (BackendFixture reopened = BackendFixture.start(BackendOptions.defaults(data).withPort(0).withSeed(false))) {
            KmsClient kms = reopened.client();
            List<String> stored = new ArrayList<>();
            kms.listKeysPaginator(b -> b.limit(1000)).keys().forEach(k -> stored.add(k.keyId()));
            assertThat(stored).containsAll(answeredKeys);
            List<String> storedTags = new ArrayList<>();
            kms.listResourceTagsPaginator(b -> b.keyId(taggedKey)).tags().forEach(t -> storedTags.add(t.tagKey()));
            assertThat(storedTags).containsAll(answeredTags);
        }
    }

    @Test
    void wrongOptionsPrintUsageAndExitWithTwo() throws Exception {
        for (String[] args : new String[][] {{"--port", "nope"}, {"--bogus"}, {"--access-key", "only-one"}}) {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "dev.kmstags.Launcher", "serve"));
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(output).contains("Usage: kms-tag-manager serve");
        }
    }

    @Test
    void aDataFileThatCannotBeWrittenIsRefusedAtStartNamingTheFileAndTheFix() throws Exception {
        Path data = directory.resolve("read-only.db");
        BackendFixture.empty(directory).close();
        Files.move(directory.resolve("kms.db"), data);
        boolean immutable = ReadOnlyFiles.makeReadOnly(data);
        try {
            ServeProcess.Ended serve = ServeProcess.runToEnd("--port", "0", "--data", data.toString(), "--no-seed");

            assertThat(serve.status()).as(String.join("\n", serve.output())).isEqualTo(1);
            assertThat(serve.output()).containsExactly("Could not start the KMS backend: The data file " + data
                    + " is read-only, so no change could be saved. Make it writable for this user"
                    + " (chmod u+w " + data + ") or use another data file.");
        } finally {
            if (immutable) {
                ReadOnlyFiles.release(data);
            }
        }
    }

    @Test
    void aPortThatCannotBeBoundIsNamedAndNoDataFileIsMade() throws Exception {
        Path data = directory.resolve("never").resolve("made.db");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ServeProcess.Ended serve = ServeProcess.runToEnd("--port", String.valueOf(taken.getLocalPort()),
                    "--data", data.toString());

            assertThat(serve.status()).isEqualTo(1);
            assertThat(serve.output()).singleElement().asString()
                    .startsWith("Could not start the KMS backend: Could not listen on 127.0.0.1:"
                            + taken.getLocalPort() + ": ");
        }
        assertThat(data.getParent()).doesNotExist();
    }

    @Test
    void aZeroLengthDataFileIsSeededAndServeSaysSo() throws Exception {
        Path data = Files.createFile(directory.resolve("empty.db"));
        try (ServeProcess serve = ServeProcess.start("--port", "0", "--data", data.toString());
             KmsClient kms = clientFor(serve, "test", "test")) {
            assertThat(kms.listKeys().keys()).isNotEmpty();
            assertThat(serve.output()).contains("The data file " + data
                    + " was empty (0 bytes); it now holds a new store with the demo account.");
        }
    }

    @Test
    void theSecretKeyCanComeFromAFileOrTheEnvironmentInsteadOfTheCommandLine() throws Exception {
        Path secretFile = Files.writeString(directory.resolve("secret"), "from-a-file\n");
        try (ServeProcess serve = ServeProcess.start("--port", "0", "--data", directory.resolve("a.db").toString(),
                "--no-seed", "--access-key", "AKIDFILE", "--secret-key-file", secretFile.toString());
             KmsClient kms = clientFor(serve, "AKIDFILE", "from-a-file")) {
            assertThat(kms.listKeys().keys()).isEmpty();
        }
        try (ServeProcess serve = ServeProcess.start(Map.of("KMS_TAG_MANAGER_ACCESS_KEY", "AKIDENV",
                        "KMS_TAG_MANAGER_SECRET_KEY", "from-the-environment"),
                "--port", "0", "--data", directory.resolve("b.db").toString(), "--no-seed");
             KmsClient kms = clientFor(serve, "AKIDENV", "from-the-environment")) {
            assertThat(kms.listKeys().keys()).isEmpty();
            assertThat(serve.process().info().arguments().map(List::of).orElse(List.of()))
                    .noneMatch(argument -> argument.contains("from-the-environment"));
        }
    }
}
