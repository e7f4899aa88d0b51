package dev.kmstags.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.kmstags.domain.KeySummary;
import dev.kmstags.kms.KmsServices;
import dev.kmstags.local.BackendOptions;
import dev.kmstags.local.LocalKmsBackend;
import dev.kmstags.local.quota.RequestQuotas;
import dev.kmstags.profiles.AwsEnvironment;
import dev.kmstags.profiles.AwsSetup;
import dev.kmstags.profiles.ConnectionTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The composition root's opener, against real bundled backends over HTTP. */
class ConnectionOpenerTest {

    @TempDir
    Path folder;

    private static List<KeySummary> keys(KmsServices services) {
        List<KeySummary> keys = new ArrayList<>();
        services.keyCatalog().listKeys(keys::addAll);
        return keys;
    }

    @Test
    void theEnvironmentsKeysAndEndpointAreUsedAndTheBundledBackendStartsWhenChosen() throws Exception {
        try (LocalKmsBackend elsewhere = LocalKmsBackend.start(BackendOptions.defaults(folder.resolve("env.db"))
                .withPort(0).withCredentials("AKIAENV", "env-secret"));
             ConnectionOpener opener = new ConnectionOpener(BackendOptions.defaults(folder.resolve("bundled.db"))
                     .withPort(0))) {
            AwsSetup setup = AwsSetup.read(new AwsEnvironment(Map.of("AWS_ACCESS_KEY_ID", "AKIAENV",
                    "AWS_SECRET_ACCESS_KEY", "env-secret", "AWS_ENDPOINT_URL_KMS", elsewhere.endpoint().toString())),
                    folder);

            KmsServices environment = opener.opener(ConnectionTarget.ENVIRONMENT, "eu-west-1", setup).call();
            assertThat(keys(environment)).anyMatch(key -> key.aliases().contains("alias/payments-eu"));

            KmsServices bundled = opener.opener(ConnectionTarget.BUNDLED, "us-east-1", setup).call();
            assertThat(keys(bundled)).hasSize(12);
        }
    }

    @Test
    void theBundledBackendThrottlesWithTheQuotasItWasGiven() throws Exception {
        Path quotas = Files.writeString(folder.resolve("quotas.properties"), "ListKeys=0.001\n");
        try (ConnectionOpener opener = new ConnectionOpener(BackendOptions.defaults(folder.resolve("bundled.db"))
                .withPort(0).withQuotas(RequestQuotas.fromFile(quotas)))) {
            AwsSetup setup = AwsSetup.read(new AwsEnvironment(Map.of()), folder);
            KmsServices bundled = opener.opener(ConnectionTarget.BUNDLED, "us-east-1", setup).call();

            assertThat(keys(bundled)).hasSize(12);
            assertThat(catchThrowable(() -> keys(bundled)))
                    .hasMessage("KMS is limiting how fast requests may be sent. Wait a moment, then refresh (F5).");
        }
    }

    @Test
    void aBundledBackendPreparedAheadServesTheFirstConnectionInItsRegionAndInAnother() throws Exception {
        try (ConnectionOpener opener = new ConnectionOpener(BackendOptions.defaults(folder.resolve("bundled.db"))
                .withPort(0))) {
            opener.prepareBundledBackend("us-east-1");
            AwsSetup setup = AwsSetup.read(new AwsEnvironment(Map.of()), folder);

            KmsServices prepared = opener.opener(ConnectionTarget.BUNDLED, "us-east-1", setup).call();
            assertThat(keys(prepared)).hasSize(12);
            assertThat(opener.currentConnection().region()).isEqualTo("us-east-1");
            java.net.URI backend = opener.currentConnection().endpoint();

            KmsServices otherRegion = opener.opener(ConnectionTarget.BUNDLED, "eu-west-1", setup).call();
            assertThat(opener.currentConnection().region()).isEqualTo("eu-west-1");
            assertThat(opener.currentConnection().endpoint()).as("the same backend").isEqualTo(backend);
            assertThat(keys(otherRegion)).isNotNull();
        }
    }

    @Test
    void aPreparationTheFirstConnectionDoesNotUseLeavesTheBackendForLater() throws Exception {
        try (LocalKmsBackend elsewhere = LocalKmsBackend.start(BackendOptions.defaults(folder.resolve("env.db"))
                .withPort(0).withCredentials("AKIAENV", "env-secret"));
             ConnectionOpener opener = new ConnectionOpener(BackendOptions.defaults(folder.resolve("bundled.db"))
                     .withPort(0))) {
            opener.prepareBundledBackend("ap-south-1");
            AwsSetup setup = AwsSetup.read(new AwsEnvironment(Map.of("AWS_ACCESS_KEY_ID", "AKIAENV",
                    "AWS_SECRET_ACCESS_KEY", "env-secret", "AWS_ENDPOINT_URL_KMS", elsewhere.endpoint().toString())),
                    folder);

            KmsServices environment = opener.opener(ConnectionTarget.ENVIRONMENT, "eu-west-1", setup).call();
            assertThat(keys(environment)).anyMatch(key -> key.aliases().contains("alias/payments-eu"));

            KmsServices bundled = opener.opener(ConnectionTarget.BUNDLED, "us-east-1", setup).call();
            assertThat(keys(bundled)).hasSize(12);
        }
    }

    @Test
    void closingWhileTheBackendIsBeingPreparedStopsItAndOpensNothingMore() throws Exception {
        Path data = folder.resolve("bundled.db");
        ConnectionOpener opener = new ConnectionOpener(BackendOptions.defaults(data).withPort(0));
        opener.prepareBundledBackend("us-east-1");
        opener.close();

        assertThat(catchThrowable(() -> opener.opener(ConnectionTarget.BUNDLED, "us-east-1",
                AwsSetup.read(new AwsEnvironment(Map.of()), folder)).call()))
                .isInstanceOf(java.util.concurrent.CancellationException.class);
        // The store was closed: another backend opens the same file at once.
        try (LocalKmsBackend again = LocalKmsBackend.start(BackendOptions.defaults(data).withPort(0))) {
            assertThat(again.endpoint()).isNotNull();
        }
    }
}
