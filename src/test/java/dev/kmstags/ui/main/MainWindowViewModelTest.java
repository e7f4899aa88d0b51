package dev.kmstags.ui.main;

import static dev.kmstags.ui.common.TestKeys.AWS_S3;
import static dev.kmstags.ui.common.TestKeys.DATES;
import static dev.kmstags.ui.common.TestKeys.MESSAGES;
import static dev.kmstags.ui.common.TestKeys.PAYMENTS;
import static dev.kmstags.ui.common.TestKeys.REPORTING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.domain.KeySummary;
import dev.kmstags.kms.KeyCatalog;
import dev.kmstags.kms.KmsAccessException;
import dev.kmstags.kms.KmsConnection;
import dev.kmstags.kms.KmsProblem;
import dev.kmstags.kms.KmsServices;
import dev.kmstags.kms.TagService;
import dev.kmstags.ui.common.AppState;
import dev.kmstags.ui.common.DialogService;
import dev.kmstags.ui.common.TestServices;
import dev.kmstags.ui.common.TestTaskExecutor;
import dev.kmstags.ui.keydetails.KeyDetailsViewModel;
import dev.kmstags.ui.keylist.KeyListViewModel;
import dev.kmstags.ui.keylist.KeyRowViewModel;
import dev.kmstags.ui.keylist.RefreshAction;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MainWindowViewModelTest {

    private final TestTaskExecutor executor = new TestTaskExecutor();
    private final List<String> dialogs = new ArrayList<>();
    private final DialogService dialogService = new DialogService() {
        @Override
        public void showInformation(String title, String header, String content) {
            dialogs.add(title + " | " + header);
        }

        @Override
        public void showError(String title, String header, String content) {
            dialogs.add(title + " | " + header + " | " + content);
        }
    };
    private final AppState state = new AppState();
    private final KeyListViewModel keyList = new KeyListViewModel(executor, MESSAGES, DATES, state);
    private final KeyDetailsViewModel keyDetails = new KeyDetailsViewModel(state, MESSAGES);
    private final MainWindowViewModel viewModel = new MainWindowViewModel(executor, MESSAGES, dialogService, state,
            keyList);

    private static KmsServices servicesOf(KeySummary... keys) {
        return servicesOf(onBatch -> {
            onBatch.accept(List.of(keys));
            return keys.length;
        });
    }

    /** Services whose key catalog is {@code catalog}; these tests never touch tags. */
    private static KmsServices servicesOf(KeyCatalog catalog) {
        return TestServices.listing(catalog);
    }

    @Test
    void whileTheBackendStartsTheStatusBarNamesTheConnectionAndSaysItIsStarting() {
        executor.holdWork();

        viewModel.connect(KmsConnection.Kind.BUNDLED_BACKEND, "us-east-1", () -> servicesOf(PAYMENTS));

        assertThat(viewModel.connectionTextProperty().get()).isEqualTo("Bundled backend · us-east-1");
        assertThat(viewModel.statusTextProperty().get()).isEqualTo("Starting the bundled backend…");
        assertThat(viewModel.busyProperty().get()).isTrue();
        assertThat(viewModel.statusIsErrorProperty().get()).isFalse();
        assertThat(viewModel.canRefreshProperty().get()).isFalse();
    }

    @Test
    void onceConnectedTheStatusBarFollowsTheKeyList() {
        executor.holdWork();
        viewModel.connect(KmsConnection.Kind.BUNDLED_BACKEND, "eu-west-1",
                () -> servicesOf(PAYMENTS, REPORTING, AWS_S3));

        executor.runHeldWork();

        assertThat(viewModel.connectionStateProperty().get())
                .isEqualTo(MainWindowViewModel.ConnectionState.CONNECTED);
        assertThat(viewModel.connectionTextProperty().get()).isEqualTo("Bundled backend · 111122223333 · eu-west-1");
        assertThat(viewModel.statusTextProperty().get()).isEqualTo("3 keys loaded");
        assertThat(viewModel.busyProperty().get()).isFalse();
        assertThat(viewModel.canRefreshProperty().get()).isTrue();
        assertThat(keyList.rows()).hasSize(3);
    }

    @Test
    void whenTheBackendCannotStartTheStatusBarSaysWhatToDo() {
        viewModel.connect(KmsConnection.Kind.BUNDLED_BACKEND, "us-east-1", () -> {
            throw new IOException("Read-only file system");
        });

        assertThat(viewModel.connectionStateProperty().get()).isEqualTo(MainWindowViewModel.ConnectionState.FAILED);
        assertThat(viewModel.statusTextProperty().get()).isEqualTo("The bundled backend could not start "
                + "(Read-only file system). Check that its data folder is writable, then start the app again.");
        assertThat(viewModel.statusIsErrorProperty().get()).isTrue();
        assertThat(viewModel.busyProperty().get()).isFalse();
        assertThat(viewModel.canRefreshProperty().get()).isFalse();
        assertThat(keyList.placeholderTextProperty().get()).isEqualTo(viewModel.statusTextProperty().get());
        assertThat(keyList.canRetryProperty().get()).isFalse();
        assertThat(dialogs).singleElement().asString().endsWith(viewModel.statusTextProperty().get());
    }

    @Test
    void aRegionWithoutKeysAsksTheConnectionForItsAccount() {
        viewModel.connect(KmsConnection.Kind.AWS_PROFILE, "prod", "ap-south-1", () -> new KmsServices() {
            @Override
            public KeyCatalog keyCatalog() {
                return onBatch -> 0;
            }

            @Override
            public TagService tagService() {
                return null;
            }

            @Override
            public Optional<String> callerAccountId() {
                return Optional.of("999988887777");
            }
        });

        assertThat(viewModel.connectionTextProperty().get()).isEqualTo("prod · 999988887777 · ap-south-1");
    }

    @Test
    void aProfileConnectionIsNamedWithItsAccountInTheStatusBarAndTitle() {
        viewModel.connect(KmsConnection.Kind.AWS_PROFILE, "prod", "eu-central-1", () -> servicesOf(PAYMENTS));

        assertThat(viewModel.accountIdProperty().get()).isEqualTo("111122223333");
        assertThat(viewModel.connectionTextProperty().get()).isEqualTo("prod · 111122223333 · eu-central-1");
        assertThat(viewModel.windowTitleProperty().get())
                .isEqualTo("KMS Tag Manager — prod · 111122223333 · eu-central-1");
    }

    @Test
    void whenLoadingTheKeysFailsTheStatusBarShowsTheSentenceAsAnError() {
        String sentence = "KMS rejected the credentials of this connection. Check its access key and secret key.";
        viewModel.connect(KmsConnection.Kind.BUNDLED_BACKEND, "us-east-1", () -> servicesOf(onBatch -> {
            throw new KmsAccessException(KmsProblem.INVALID_CREDENTIALS, sentence, "", null);
        }));

        assertThat(viewModel.statusTextProperty().get()).isEqualTo(sentence);
        assertThat(viewModel.statusIsErrorProperty().get()).isTrue();
        assertThat(dialogs).containsExactly("Connection problem | Could not work with Bundled backend · us-east-1 | "
                + sentence);

        new RefreshAction(keyList).execute();
        assertThat(viewModel.statusIsErrorProperty().get()).isTrue();
        assertThat(dialogs).as("one dialog per connection, the status bar keeps saying it").hasSize(1);
    }

    @Test
    void refreshLoadsTheKeysAgain() {
        int[] loads = {0};
        viewModel.connect(KmsConnection.Kind.BUNDLED_BACKEND, "us-east-1", () -> servicesOf(onBatch -> {
            loads[0]++;
            onBatch.accept(List.of(PAYMENTS));
            return 1;
        }));

        new RefreshAction(keyList).execute();

        assertThat(loads[0]).isEqualTo(2);
        assertThat(viewModel.statusTextProperty().get()).isEqualTo("1 key loaded");
    }

    @Test
    void refreshWaitsForTheLeaveGuard() {
        int[] loads = {0};
        viewModel.connect(KmsConnection.Kind.BUNDLED_BACKEND, "us-east-1", () -> servicesOf(onBatch -> {
            loads[0]++;
            return 0;
        }));
        boolean[] allow = {false};
        state.addLeaveGuard(() -> allow[0]);
        RefreshAction refresh = new RefreshAction(keyList);

        refresh.execute();
        assertThat(loads[0]).isEqualTo(1);

        allow[0] = true;
        refresh.execute();
        assertThat(loads[0]).isEqualTo(2);
    }

    @Test
    void selectingAnotherKeyGoesThroughTheLeaveGuardAndARefusalKeepsTheKey() {
        viewModel.connect(KmsConnection.Kind.BUNDLED_BACKEND, "us-east-1", () -> servicesOf(PAYMENTS, REPORTING));
        KeyRowViewModel payments = keyList.rows().get(0);
        KeyRowViewModel reporting = keyList.rows().get(1);
        int[] asked = {0};
        boolean[] allow = {true};
        state.addLeaveGuard(() -> {
            asked[0]++;
            return allow[0];
        });

        assertThat(keyList.requestSelection(payments)).isTrue();
        allow[0] = false;
        assertThat(keyList.requestSelection(reporting)).isFalse();

        assertThat(state.selectedKeyProperty().get()).isSameAs(payments);
        assertThat(keyDetails.titleProperty().get()).isEqualTo("alias/payments-prod");
        assertThat(asked[0]).isEqualTo(2);
        assertThat(keyList.requestSelection(payments)).isTrue();
        assertThat(asked[0]).as("selecting the selected key again asks nothing").isEqualTo(2);
    }

    @Test
    void theStatusBarShowsOtherPanelsWorkAndTheirLastResult() {
        viewModel.connect(KmsConnection.Kind.BUNDLED_BACKEND, "us-east-1", () -> servicesOf(PAYMENTS));
        assertThat(viewModel.busyProperty().get()).isFalse();

        viewModel.otherWorkProperty().set(true);
        viewModel.lastResultProperty().set("3 tags changed on alias/payments-prod");

        assertThat(viewModel.busyProperty().get()).isTrue();
        assertThat(viewModel.lastResultProperty().get()).isEqualTo("3 tags changed on alias/payments-prod");
    }

    @Test
    void theLastResultOfThePreviousConnectionOrRegionIsClearedWhenAnotherOpens() {
        viewModel.connect(KmsConnection.Kind.AWS_PROFILE, "moto", "us-east-1", () -> servicesOf(PAYMENTS));
        viewModel.lastResultProperty().set("2 tags changed on alias/moto-orders");
        assertThat(viewModel.shownResultProperty().get()).isEqualTo("2 tags changed on alias/moto-orders");

        viewModel.connect(KmsConnection.Kind.AWS_PROFILE, "moto", "eu-west-1", () -> servicesOf(REPORTING));

        assertThat(viewModel.shownResultProperty().get()).isEmpty();
        viewModel.lastResultIsErrorProperty().set(true);
        viewModel.lastResultProperty().set("The tags of alias/reporting-old could not be changed");
        assertThat(viewModel.shownResultProperty().get())
                .isEqualTo("The tags of alias/reporting-old could not be changed");
        assertThat(viewModel.shownResultIsErrorProperty().get()).isTrue();

        viewModel.connect(KmsConnection.Kind.BUNDLED_BACKEND, "us-east-1", () -> servicesOf(PAYMENTS));

        assertThat(viewModel.shownResultProperty().get()).isEmpty();
        assertThat(viewModel.shownResultIsErrorProperty().get()).isFalse();
    }

    @Test
    void afterAFailedConnectionTheStatusBarStillNamesWhereCommitsWouldGo() {
        viewModel.connect(KmsConnection.Kind.AWS_PROFILE, "moto", "us-east-1", () -> servicesOf(PAYMENTS));
        viewModel.connect(KmsConnection.Kind.AWS_PROFILE, "closed-port", "eu-west-1", () -> {
            throw new IOException("Connection refused");
        });

        assertThat(viewModel.connectionTextProperty().get()).isEqualTo("closed-port · eu-west-1");
        assertThat(viewModel.statusIsErrorProperty().get()).isTrue();
    }
}
