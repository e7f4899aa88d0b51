package dev.kmstags.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where {@code serve} takes its credentials from: the command line, a file, or the environment. */
class ServeOptionsTest {

    @TempDir
    Path directory;

    private static BackendOptions parse(Map<String, String> environment, String... args) {
        return ServeCommand.parse(List.of(args), environment);
    }

    private static String refusal(Map<String, String> environment, String... args) {
        return catchThrowableOfType(IllegalArgumentException.class, () -> parse(environment, args)).getMessage();
    }

    @Test
    void withoutAnySourceTheCredentialsAreTestAndTest() {
        BackendOptions options = parse(Map.of());

        assertThat(options.accessKey()).isEqualTo("test");
        assertThat(options.secretKey()).isEqualTo("test");
    }

    @Test
    void theSecretKeyFileGivesItsFirstLineWithoutTheLineEnd() throws Exception {
        Path file = Files.writeString(directory.resolve("secret"), "s3cret with spaces \r\nsecond line\n");

        BackendOptions options = parse(Map.of(), "--access-key", "AKID", "--secret-key-file", file.toString());

        assertThat(options.secretKey()).isEqualTo("s3cret with spaces ");
    }

    @Test
    void theEnvironmentGivesBothKeysAndTheCommandLineWinsOverIt() {
        Map<String, String> environment = Map.of("KMS_TAG_MANAGER_ACCESS_KEY", "AKIDENV",
                "KMS_TAG_MANAGER_SECRET_KEY", "env-secret");

        assertThat(parse(environment)).extracting(BackendOptions::accessKey, BackendOptions::secretKey)
                .containsExactly("AKIDENV", "env-secret");
        assertThat(parse(environment, "--access-key", "AKIDARG", "--secret-key", "arg-secret"))
                .extracting(BackendOptions::accessKey, BackendOptions::secretKey)
                .containsExactly("AKIDARG", "arg-secret");
    }

    @Test
    void wrongSecretSourcesAreRefusedWithASentence() throws Exception {
        Path empty = Files.writeString(directory.resolve("empty"), "\n");

        assertThat(refusal(Map.of(), "--access-key", "AKID", "--secret-key", "a", "--secret-key-file", "f"))
                .isEqualTo("--secret-key and --secret-key-file are two ways to give one secret; use one.");
        assertThat(refusal(Map.of(), "--access-key", "AKID", "--secret-key-file",
                directory.resolve("missing").toString()))
                .startsWith("--secret-key-file: could not read " + directory.resolve("missing"));
        assertThat(refusal(Map.of(), "--access-key", "AKID", "--secret-key-file", empty.toString()))
                .isEqualTo("--secret-key-file: the first line of " + empty + " is empty.");
        assertThat(refusal(Map.of("KMS_TAG_MANAGER_SECRET_KEY", "env-secret")))
                .isEqualTo("The access key and the secret key go together: give both (--access-key or"
                        + " KMS_TAG_MANAGER_ACCESS_KEY, and --secret-key, --secret-key-file or"
                        + " KMS_TAG_MANAGER_SECRET_KEY), or neither for test/test.");
    }
}
