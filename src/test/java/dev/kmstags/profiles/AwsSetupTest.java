package dev.kmstags.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Profiles and regions from temporary AWS files and an environment given as a map, never the user's own. */
class AwsSetupTest {

    private static final String CONFIG = """
            [default]
            region = eu-west-1

            [profile zeta]
            region = ap-south-1
            endpoint_url = http://127.0.0.1:4599

            [sso-session corp]
            sso_start_url = https://corp.awsapps.com/start
            sso_region = us-east-1

            [profile admin]
            role_arn = arn:aws:iam::123456789012:role/Admin
            source_profile = zeta

            [profile dev-sso]
            sso_session = corp
            sso_account_id = 123456789012
            sso_role_name = Developer
            services = local-kms

            [services local-kms]
            kms =
              endpoint_url = http://localhost:4566

            [not-a-profile]
            region = us-west-2
            """;
    private static final String CREDENTIALS = """
            [zeta]
            aws_access_key_id = AKIAZETA
            aws_secret_access_key = zeta-secret

            [ci]
            aws_access_key_id = AKIACI
            aws_secret_access_key = ci-secret

            [default]
            aws_access_key_id = AKIADEFAULT
            aws_secret_access_key = default-secret
            """;

    @TempDir
    Path home;

    private final Map<String, String> environment = new HashMap<>();

    private AwsSetup setup() {
        return AwsSetup.read(new AwsEnvironment(environment), home);
    }

    private void writeDefaultFiles() throws IOException {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), CONFIG);
        Files.writeString(home.resolve(".aws/credentials"), CREDENTIALS);
    }

    private static List<String> names(AwsSetup setup) {
        return setup.profiles().stream().map(AwsProfile::name).toList();
    }

    @Test
    void profilesComeInTheCliOrderConfigFirstThenCredentialsOnly() throws IOException {
        writeDefaultFiles();

        assertThat(names(setup())).containsExactly("default", "zeta", "admin", "dev-sso", "ci");
    }

    @Test
    void theMenuOffersTheBundledBackendThenTheProfiles() throws IOException {
        writeDefaultFiles();

        assertThat(setup().targets()).containsExactly(ConnectionTarget.BUNDLED, ConnectionTarget.profile("default"),
                ConnectionTarget.profile("zeta"), ConnectionTarget.profile("admin"),
                ConnectionTarget.profile("dev-sso"), ConnectionTarget.profile("ci"));
    }

    @Test
    void environmentCredentialsAreOfferedAsAConnectionOfTheirOwn() throws IOException {
        writeDefaultFiles();
        environment.put("AWS_ACCESS_KEY_ID", "AKIAENV");
        environment.put("AWS_SECRET_ACCESS_KEY", "env-secret");

        assertThat(setup().targets()).startsWith(ConnectionTarget.BUNDLED, ConnectionTarget.ENVIRONMENT);
    }

    @Test
    void theFilesNamedByTheEnvironmentWinOverTheDefaultOnes() throws IOException {
        writeDefaultFiles();
        Path config = Files.writeString(home.resolve("other-config"), "[profile elsewhere]\nregion = eu-north-1\n");
        Path credentials = Files.writeString(home.resolve("other-credentials"), "[creds]\naws_access_key_id = A\n");
        environment.put("AWS_CONFIG_FILE", config.toString());
        environment.put("AWS_SHARED_CREDENTIALS_FILE", credentials.toString());

        assertThat(names(setup())).containsExactly("elsewhere", "creds");
    }

    @Test
    void noFilesMeansNoProfiles() {
        assertThat(setup().profiles()).isEmpty();
        assertThat(setup().targets()).containsExactly(ConnectionTarget.BUNDLED);
    }

    @Test
    void theRegionIsTheProfilesThenAwsRegionThenUsEast1() throws IOException {
        writeDefaultFiles();

        assertThat(setup().defaultRegion(ConnectionTarget.profile("zeta"))).isEqualTo("ap-south-1");
        assertThat(setup().defaultRegion(ConnectionTarget.profile("admin"))).isEqualTo("us-east-1");
        environment.put("AWS_REGION", "ca-central-1");
        assertThat(setup().defaultRegion(ConnectionTarget.profile("zeta"))).isEqualTo("ap-south-1");
        assertThat(setup().defaultRegion(ConnectionTarget.profile("admin"))).isEqualTo("ca-central-1");
        assertThat(setup().defaultRegion(ConnectionTarget.BUNDLED)).isEqualTo("us-east-1");
    }

    @Test
    void endpointsComeFromTheProfileOrItsServicesSectionAndTheEnvironmentWins() throws IOException {
        writeDefaultFiles();

        assertThat(setup().kmsEndpoint(ConnectionTarget.profile("zeta")))
                .contains(URI.create("http://127.0.0.1:4599"));
        assertThat(setup().kmsEndpoint(ConnectionTarget.profile("dev-sso")))
                .contains(URI.create("http://localhost:4566"));
        assertThat(setup().kmsEndpoint(ConnectionTarget.profile("default"))).isEmpty();

        environment.put("AWS_ENDPOINT_URL", "http://127.0.0.1:7000");
        assertThat(setup().kmsEndpoint(ConnectionTarget.profile("default")))
                .contains(URI.create("http://127.0.0.1:7000"));
        environment.put("AWS_ENDPOINT_URL_KMS", "http://127.0.0.1:7001");
        assertThat(setup().kmsEndpoint(ConnectionTarget.profile("zeta")))
                .contains(URI.create("http://127.0.0.1:7001"));

        environment.put("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true");
        assertThat(setup().kmsEndpoint(ConnectionTarget.profile("zeta"))).isEmpty();
    }

    @Test
    void aBrokenFileIsNamedWithTheLine() throws IOException {
        Files.createDirectories(home.resolve(".aws"));
        Path config = Files.writeString(home.resolve(".aws/config"),
                "[profile ok]\nregion = us-east-1\nthis line is broken\n");

        assertThatThrownBy(this::setup)
                .isInstanceOf(AwsConfigException.class)
                .hasMessageContaining(config.toString())
                .hasMessageContaining("line 3")
                .hasMessageContaining("Reload profiles");
    }

    @Test
    void anEndpointThatIsNoUrlIsReported() throws IOException {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), "[profile odd]\nendpoint_url = not a url\n");

        assertThatThrownBy(this::setup).isInstanceOf(AwsConfigException.class)
                .hasMessageContaining("endpoint_url of profile odd");
    }

    @Test
    void theRegionsAreKmsRegionsWithNamesAndTheConnectionsOwnFirst() {
        List<RegionChoice> regions = KmsRegions.startingWith("eu-west-1");

        assertThat(regions.get(0)).isEqualTo(new RegionChoice("eu-west-1", "Europe (Ireland)"));
        assertThat(regions).contains(new RegionChoice("us-east-1", "US East (N. Virginia)"));
        assertThat(regions).extracting(RegionChoice::id).doesNotHaveDuplicates()
                .noneMatch(id -> id.contains("fips")).noneMatch(id -> id.startsWith("us-iso"));
        assertThat(KmsRegions.startingWith("local").get(0)).isEqualTo(new RegionChoice("local", ""));
    }

    @Test
    void preferencesRememberTheConnectionAndTheProductionMarks() {
        ConnectionPreferences preferences = new ConnectionPreferences(MemoryPreferences.newRoot().node("app"));
        assertThat(preferences.lastTarget()).isEmpty();

        preferences.remember(ConnectionTarget.profile("prod"), "eu-central-1");
        preferences.markProduction(ConnectionTarget.profile("prod"), Optional.of("111122223333"), true);

        assertThat(preferences.lastTarget()).contains(ConnectionTarget.profile("prod"));
        assertThat(preferences.lastRegion()).contains("eu-central-1");
        assertThat(preferences.isProduction(ConnectionTarget.profile("prod"), Optional.empty())).isTrue();
        assertThat(preferences.isProduction(ConnectionTarget.profile("other"), Optional.of("111122223333")))
                .isTrue();
        assertThat(preferences.isProduction(ConnectionTarget.profile("other"), Optional.of("444455556666")))
                .isFalse();

        preferences.markProduction(ConnectionTarget.profile("prod"), Optional.of("111122223333"), false);
        assertThat(preferences.isProduction(ConnectionTarget.profile("prod"), Optional.of("111122223333")))
                .isFalse();
    }

    @Test
    void theBundledBackendsMadeUpAccountTakesNoProductionMarkByAccount() {
        ConnectionPreferences preferences = new ConnectionPreferences(MemoryPreferences.newRoot().node("app"));

        preferences.markProduction(ConnectionTarget.profile("local-serve"), Optional.of("111122223333"), true);
        assertThat(preferences.isProduction(ConnectionTarget.BUNDLED, Optional.of("111122223333"))).isFalse();

        preferences.markProduction(ConnectionTarget.BUNDLED, Optional.of("111122223333"), true);
        assertThat(preferences.isProduction(ConnectionTarget.BUNDLED, Optional.of("111122223333"))).isTrue();
        assertThat(preferences.isProduction(ConnectionTarget.profile("other"), Optional.of("444455556666")))
                .isFalse();
    }
}
