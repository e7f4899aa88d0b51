package dev.kmstags.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the app looks for ~/.aws: where the AWS SDK and CLI look, whatever Java's user.home says. */
class AwsEnvironmentTest {

    private static final Path JAVA_HOME = Path.of("/java/user-home");

    @TempDir
    Path folder;

    @Test
    void homeVariableWinsOverJavaUserHome() {
        AwsEnvironment environment = new AwsEnvironment(Map.of("HOME", "/home/ops"));

        assertThat(environment.userHome("Linux", JAVA_HOME)).isEqualTo(Path.of("/home/ops"));
        assertThat(environment.userHome("Mac OS X", JAVA_HOME)).isEqualTo(Path.of("/home/ops"));
        assertThat(environment.userHome("Windows 11", JAVA_HOME)).isEqualTo(Path.of("/home/ops"));
    }

    @Test
    void withoutHomeJavaUserHomeIsUsedOutsideWindows() {
        assertThat(new AwsEnvironment(Map.of("USERPROFILE", "/profile")).userHome("Linux", JAVA_HOME))
                .isEqualTo(JAVA_HOME);
        assertThat(new AwsEnvironment(Map.of("HOME", " ")).userHome("Linux", JAVA_HOME)).isEqualTo(JAVA_HOME);
    }

    @Test
    void onWindowsUserProfileThenHomeDriveAndPathComeBeforeJavaUserHome() {
        assertThat(new AwsEnvironment(Map.of("USERPROFILE", "C:\\Users\\ops", "HOMEDRIVE", "D:",
                "HOMEPATH", "\\ops")).userHome("Windows 10", JAVA_HOME)).isEqualTo(Path.of("C:\\Users\\ops"));
        assertThat(new AwsEnvironment(Map.of("HOMEDRIVE", "D:", "HOMEPATH", "\\ops")).userHome("Windows 10",
                JAVA_HOME)).isEqualTo(Path.of("D:\\ops"));
        assertThat(new AwsEnvironment(Map.of("HOMEDRIVE", "D:")).userHome("Windows 10", JAVA_HOME))
                .isEqualTo(JAVA_HOME);
    }

    @Test
    void theProfilesAreReadFromTheAwsFolderUnderHomeNotUnderJavaUserHome() throws IOException {
        Path home = folder.resolve("home");
        Path javaHome = folder.resolve("java-home");
        write(home.resolve(".aws/config"), "[profile from-home]\nregion = eu-west-1\n");
        write(javaHome.resolve(".aws/config"), "[profile from-user-home]\nregion = us-east-1\n");
        AwsEnvironment environment = new AwsEnvironment(Map.of("HOME", home.toString()));

        AwsSetup setup = AwsSetup.read(environment, environment.userHome("Linux", javaHome));

        assertThat(setup.profiles()).extracting(AwsProfile::name).containsExactly("from-home");
    }

    @Test
    void configFileVariablesOverrideHomeAndTheirTildeMeansThatHome() {
        AwsEnvironment environment = new AwsEnvironment(Map.of("HOME", "/home/ops",
                "AWS_CONFIG_FILE", "~/team/config", "AWS_SHARED_CREDENTIALS_FILE", "/etc/aws/credentials"));

        AwsConfigFiles files = environment.configFiles(environment.userHome("Linux", JAVA_HOME));

        assertThat(files.config()).isEqualTo(Path.of("/home/ops/team/config"));
        assertThat(files.credentials()).isEqualTo(Path.of("/etc/aws/credentials"));
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
