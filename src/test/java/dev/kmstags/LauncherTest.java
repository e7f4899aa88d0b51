package dev.kmstags;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LauncherTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Launcher.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpPrintsUsageAndSucceeds() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: kms-tag-manager").contains("serve");
    }

    @Test
    void versionPrintsTheBuildVersion() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).trim()).matches("kms-tag-manager \\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void anUnknownArgumentPrintsUsageAndExitsWithTwo() {
        assertThat(run("--frobnicate")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown argument: --frobnicate")
                .contains("Usage: kms-tag-manager");
    }

    @Test
    void serveHelpDescribesItsOptions() {
        assertThat(run("serve", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--port").contains("--data").contains("--no-seed")
                .contains("--latency-ms");
    }

    @Test
    void theAppsQuotasOptionIsCheckedBeforeAWindowOpens() {
        assertThat(run("--quotas", "/nonexistent/quotas.properties")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith(
                "--quotas needs aws or a quotas file; could not read /nonexistent/quotas.properties");
    }

    @Test
    void serveHelpNamesTheQuotasOption() {
        assertThat(run("serve", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--quotas aws|FILE");
    }
}
