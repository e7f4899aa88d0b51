package dev.kmstags.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.kms.KmsConnection;
import dev.kmstags.kms.KmsServices;
import dev.kmstags.local.BackendOptions;
import dev.kmstags.local.quota.RequestQuotas;
import dev.kmstags.profiles.AwsEnvironment;
import dev.kmstags.profiles.AwsSetup;
import dev.kmstags.profiles.ConnectionTarget;
import dev.kmstags.profiles.MemoryPreferences;
import dev.kmstags.ui.common.AppState;
import dev.kmstags.ui.common.ChosenConnection;
import dev.kmstags.ui.connection.ThrottleBundledBackendAction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.Tag;

/**
 * Connection → Throttle the bundled backend like KMS: switched on the app's running bundled backend, it refuses a
 * burst of TagResource calls through the real SDK client over its quota (10 a second) with KMS's
 * ThrottlingException; switched off, it serves them all; and the choice outlives the app.
 */
class BundledBackendThrottleTest {

    /** More calls than the quota's burst and a second's refill, even on a slow machine, sent from several threads. */
    private static final int BURST = 60;
    private static final int THREADS = 6;

    @TempDir
    Path folder;

    private final Preferences preferences = MemoryPreferences.newRoot().node("app");
    private final AppState state = new AppState();

    private ConnectionOpener opener() {
        return new ConnectionOpener(BackendOptions.defaults(folder.resolve("bundled.db")).withPort(0));
    }

    /** Opens the bundled backend as the app does, and makes it the chosen connection. */
    private KmsConnection openBundled(ConnectionOpener opener) throws Exception {
        AwsSetup setup = AwsSetup.read(new AwsEnvironment(Map.of()), folder);
        KmsServices services = opener.opener(ConnectionTarget.BUNDLED, "us-east-1", setup).call();
        state.chooseConnection(new ChosenConnection(KmsConnection.Kind.BUNDLED_BACKEND, "Bundled backend",
                "us-east-1", () -> services));
        return opener.currentConnection();
    }

    /** A client of the bundled backend that does not retry, so each refusal reaches the caller. */
    private static KmsClient clientWithoutRetries(KmsConnection connection) {
        return KmsClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(connection.endpoint())
                .region(Region.of(connection.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        BackendOptions.DEFAULT_ACCESS_KEY, BackendOptions.DEFAULT_SECRET_KEY)))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** Sends {@link #BURST} TagResource calls at once; answers how many were refused as throttled. */
    private static int throttledOf(KmsClient client, String keyId) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Boolean>> calls = new ArrayList<>();
            for (int call = 0; call < BURST; call++) {
                String value = "v" + call;
                calls.add(threads.submit(() -> {
                    try {
                        client.tagResource(b -> b.keyId(keyId).tags(Tag.builder().tagKey("Burst").tagValue(value)
                                .build()));
                        return false;
                    } catch (AwsServiceException e) {
                        if ("ThrottlingException".equals(e.awsErrorDetails().errorCode())) {
                            return true;
                        }
                        throw e;
                    }
                }));
            }
            int throttled = 0;
            for (Future<Boolean> call : calls) {
                throttled += call.get() ? 1 : 0;
            }
            return throttled;
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void switchedOnTheRunningBackendThrottlesABurstOfTagResourceAndOffServesItWhole() throws Exception {
        try (ConnectionOpener opener = opener()) {
            ThrottleBundledBackendAction action = new ThrottleBundledBackendAction(state,
                    new BundledBackendQuotas(preferences, opener, RequestQuotas.none()));
            KmsConnection connection = openBundled(opener);
            assertThat(action.isExecutable()).isTrue();
            assertThat(action.isSelected()).isFalse();
            try (KmsClient client = clientWithoutRetries(connection)) {
                String keyId = client.createKey(b -> b.description("burst")).keyMetadata().keyId();
                assertThat(throttledOf(client, keyId)).as("unthrottled by default").isZero();

                action.execute();

                assertThat(action.isSelected()).isTrue();
                assertThat(throttledOf(client, keyId)).as("throttled like KMS").isPositive();
                // The same backend, data and all: nothing was restarted.
                assertThat(opener.currentConnection().endpoint()).isEqualTo(connection.endpoint());
                assertThat(client.describeKey(b -> b.keyId(keyId)).keyMetadata().description()).isEqualTo("burst");

                action.execute();

                assertThat(action.isSelected()).isFalse();
                assertThat(throttledOf(client, keyId)).as("switched off again").isZero();
            }
        }
    }

    @Test
    void theSettingIsRememberedAndTheNextBackendStartsWithIt() throws Exception {
        try (ConnectionOpener first = opener()) {
            ThrottleBundledBackendAction action = new ThrottleBundledBackendAction(state,
                    new BundledBackendQuotas(preferences, first, RequestQuotas.none()));
            openBundled(first);
            action.execute();
        }

        try (ConnectionOpener next = opener()) {
            ThrottleBundledBackendAction action = new ThrottleBundledBackendAction(state,
                    new BundledBackendQuotas(preferences, next, RequestQuotas.none()));
            assertThat(action.isSelected()).isTrue();
            try (KmsClient client = clientWithoutRetries(openBundled(next))) {
                String keyId = client.createKey(b -> b.description("burst")).keyMetadata().keyId();
                assertThat(throttledOf(client, keyId)).isPositive();
            }
        }
    }

    @Test
    void theSwitchIsOfferedOnlyForTheBundledBackend() {
        try (ConnectionOpener opener = opener()) {
            ThrottleBundledBackendAction action = new ThrottleBundledBackendAction(state,
                    new BundledBackendQuotas(preferences, opener, RequestQuotas.none()));
            assertThat(action.isExecutable()).as("before any connection").isFalse();

            state.chooseConnection(new ChosenConnection(KmsConnection.Kind.AWS_PROFILE, "prod", "eu-west-1",
                    () -> null));
            assertThat(action.isExecutable()).isFalse();

            state.chooseConnection(new ChosenConnection(KmsConnection.Kind.BUNDLED_BACKEND, "Bundled backend",
                    "us-east-1", () -> null));
            assertThat(action.isExecutable()).isTrue();
        }
    }

    @Test
    void quotasGivenAtStartWinAndLeaveTheRememberedSettingAlone() throws Exception {
        try (ConnectionOpener opener = new ConnectionOpener(BackendOptions.defaults(folder.resolve("bundled.db"))
                .withPort(0).withQuotas(RequestQuotas.aws()))) {
            BundledBackendQuotas quotas = new BundledBackendQuotas(preferences, opener, RequestQuotas.aws());
            ThrottleBundledBackendAction action = new ThrottleBundledBackendAction(state, quotas);
            try (KmsClient client = clientWithoutRetries(openBundled(opener))) {
                assertThat(action.isSelected()).isTrue();
                assertThat(action.isExecutable()).as("--quotas decides for this run").isFalse();

                action.execute();
                quotas.throttle(false);

                String keyId = client.createKey(b -> b.description("burst")).keyMetadata().keyId();
                assertThat(throttledOf(client, keyId)).isPositive();
                assertThat(preferences.get(BundledBackendQuotas.THROTTLED, null)).isNull();
            }
        }
    }
}
