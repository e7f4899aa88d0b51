package dev.kmstags.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar as a user starts it, {@code java -jar target/kms-tag-manager.jar} (JavaFX from the class path): it opens
 * its main window with the demo keys, and greets nobody with JavaFX's warning about the class path.
 */
class JarLaunchIT {

    @TempDir
    Path folder;

    @Test
    void theJarOpensItsMainWindowWithoutJavaFxsClassPathWarning() throws Exception {
        Path jar = Path.of(System.getProperty("app.jar", "target/kms-tag-manager.jar")).toAbsolutePath();
        List<String> command = new ArrayList<>();
        if (System.getenv("DISPLAY") == null) {
            Path xvfbRun = Path.of("/usr/bin/xvfb-run");
            assertThat(xvfbRun).as("no display: install Xvfb (apt-get install -y xvfb xauth)").isExecutable();
            command.addAll(List.of(xvfbRun.toString(), "-a", "-s", "-screen 0 1280x800x24"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(Map.of(
                "HOME", folder.toString(),
                "XDG_DATA_HOME", folder.resolve("data").toString(),
                "KMS_TAG_MANAGER_SELF_CHECK", "1"));

        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished: " + output).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("Self-check: the main window shows 12 keys")
                .doesNotContain("Unsupported JavaFX configuration");
    }
}
