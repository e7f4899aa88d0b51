package dev.kmstags.ui.keydetails;

import static dev.kmstags.ui.common.TestKeys.AWS_S3;
import static dev.kmstags.ui.common.TestKeys.DATES;
import static dev.kmstags.ui.common.TestKeys.MESSAGES;
import static dev.kmstags.ui.common.TestKeys.NO_ALIAS;
import static dev.kmstags.ui.common.TestKeys.PAYMENTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.domain.KeyManager;
import dev.kmstags.domain.KeySummary;
import dev.kmstags.domain.KeyTags;
import dev.kmstags.ui.common.AppState;
import dev.kmstags.ui.common.TestTaskExecutor;
import dev.kmstags.ui.common.Tone;
import dev.kmstags.ui.keylist.KeyListViewModel;
import dev.kmstags.ui.keylist.KeyRowViewModel;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyDetailsViewModelTest {

    private final AppState state = new AppState();
    private final KeyDetailsViewModel viewModel = new KeyDetailsViewModel(state, MESSAGES);

    private void select(KeyRowViewModel... keys) {
        state.setSelectedKeys(List.of(keys));
    }

    @Test
    void withoutASelectionThePanelInvitesTheUserToSelectAKey() {
        assertThat(viewModel.hasKeyProperty().get()).isFalse();
        assertThat(viewModel.titleProperty().get()).isEmpty();
        assertThat(viewModel.emptyTitleProperty().get()).isEqualTo("Select a key to see its tags");
    }

    @Test
    void withSeveralKeysSelectedThePanelSaysHowManyAndShowsNoKey() {
        select(new KeyRowViewModel(PAYMENTS, MESSAGES, DATES));
        assertThat(viewModel.hasKeyProperty().get()).isTrue();

        select(new KeyRowViewModel(PAYMENTS, MESSAGES, DATES), new KeyRowViewModel(AWS_S3, MESSAGES, DATES),
                new KeyRowViewModel(NO_ALIAS, MESSAGES, DATES));

        assertThat(viewModel.hasKeyProperty().get()).isFalse();
        assertThat(viewModel.keyProperty().get()).isNull();
        assertThat(viewModel.emptyTitleProperty().get()).isEqualTo("3 keys selected");
        assertThat(viewModel.emptyHintProperty().get())
                .isEqualTo("Select a single key to see its details and edit its tags.");

        select();
        assertThat(viewModel.emptyTitleProperty().get()).isEqualTo("Select a key to see its tags");
    }

    @Test
    void copyingTheArnSaysCopiedOnItsButtonUntilTheSignEndsOrAnotherKeyIsSelected() {
        select(new KeyRowViewModel(PAYMENTS, MESSAGES, DATES));
        assertThat(viewModel.arnCopyTextProperty().get()).isEmpty();

        assertThat(viewModel.copyArn()).isEqualTo(PAYMENTS.arn());

        assertThat(viewModel.arnCopyTextProperty().get()).isEqualTo("Copied");
        assertThat(viewModel.keyIdCopyTextProperty().get()).isEmpty();
        viewModel.endCopiedSign();
        assertThat(viewModel.arnCopyTextProperty().get()).isEmpty();

        assertThat(viewModel.copyKeyId()).isEqualTo(PAYMENTS.keyId());
        assertThat(viewModel.keyIdCopyTextProperty().get()).isEqualTo("Copied");
        select(new KeyRowViewModel(AWS_S3, MESSAGES, DATES));
        assertThat(viewModel.keyIdCopyTextProperty().get()).isEmpty();
    }

    @Test
    void aKeyPendingDeletionShowsItsDeletionDate() {
        KeySummary pending = new KeySummary("1234abcd-12ab-34cd-56ef-1234567890ab",
                "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                List.of("alias/tmp-experiment"), "", "PendingDeletion", KeyManager.CUSTOMER,
                Instant.parse("2026-01-02T03:04:05Z"), true, Instant.parse("2026-12-24T10:30:00Z"));

        select(new KeyRowViewModel(pending, MESSAGES, DATES));

        assertThat(viewModel.deletionTextProperty().get()).isEqualTo("2026-12-24 10:30");
        select(new KeyRowViewModel(PAYMENTS, MESSAGES, DATES));
        assertThat(viewModel.deletionTextProperty().get()).isEmpty();
    }

    @Test
    void theSelectedKeyIsDescribed() {
        select(new KeyRowViewModel(PAYMENTS, MESSAGES, DATES));

        assertThat(viewModel.hasKeyProperty().get()).isTrue();
        assertThat(viewModel.titleProperty().get()).isEqualTo("alias/payments-prod");
        assertThat(viewModel.keyIdProperty().get()).isEqualTo(PAYMENTS.keyId());
        assertThat(viewModel.arnProperty().get()).isEqualTo(PAYMENTS.arn());
        assertThat(viewModel.descriptionTextProperty().get()).isEqualTo("Payments service: card data at rest");
        assertThat(viewModel.stateTextProperty().get()).isEqualTo("Enabled");
        assertThat(viewModel.stateToneProperty().get()).isEqualTo(Tone.POSITIVE);
        assertThat(viewModel.managerTextProperty().get()).isEqualTo("Customer");
        assertThat(viewModel.createdTextProperty().get()).isEqualTo("2025-03-05 14:22");
        assertThat(viewModel.readOnlyNoteProperty().get()).isEmpty();
    }

    @Test
    void aliasesAndATagsDeniedReasonThatArriveAfterTheSelectionAreShown() {
        KeyListViewModel keyList = new KeyListViewModel(new TestTaskExecutor(), MESSAGES, DATES, state);
        KeyDetailsViewModel details = new KeyDetailsViewModel(state, MESSAGES);
        keyList.load(listener -> {
            listener.acceptBeforeAliases(List.of(PAYMENTS.withAliases(List.of())));
            keyList.requestSelection(keyList.rows().get(0));
            assertThat(details.titleProperty().get()).isEqualTo(PAYMENTS.keyId());
            assertThat(details.readOnlyNoteProperty().get()).isEmpty();

            listener.aliasesArrived(Map.of(PAYMENTS.keyId(), List.of("alias/payments-prod")));
            listener.tagsArrived(List.of(KeyTags.denied(PAYMENTS.keyId())));
            return 1;
        });

        assertThat(details.titleProperty().get()).isEqualTo("alias/payments-prod");
        assertThat(details.aliasesTextProperty().get()).isEqualTo("alias/payments-prod");
        assertThat(details.readOnlyNoteProperty().get()).isNotEmpty();
    }

    @Test
    void aliasesKmsWouldNotListAreSaidToBeNotListedRatherThanNone() {
        KeyListViewModel keyList = new KeyListViewModel(new TestTaskExecutor(), MESSAGES, DATES, state);
        KeyDetailsViewModel details = new KeyDetailsViewModel(state, MESSAGES);
        keyList.load(listener -> {
            listener.acceptBeforeAliases(List.of(PAYMENTS.withAliases(List.of())));
            keyList.requestSelection(keyList.rows().get(0));
            listener.aliasesDenied();
            return 1;
        });

        assertThat(details.aliasesTextProperty().get()).isEqualTo("Not listed");
        assertThat(details.titleProperty().get()).isEqualTo(PAYMENTS.keyId());

        keyList.load(listener -> {
            listener.accept(List.of(NO_ALIAS));
            keyList.requestSelection(keyList.rows().get(0));
            return 1;
        });
        assertThat(details.aliasesTextProperty().get()).isEqualTo("No aliases");
    }

    @Test
    void anAwsManagedKeySaysWhyItsTagsAreReadOnly() {
        select(new KeyRowViewModel(AWS_S3, MESSAGES, DATES));

        assertThat(viewModel.managerTextProperty().get()).isEqualTo("AWS");
        assertThat(viewModel.readOnlyNoteProperty().get())
                .isEqualTo("AWS manages this key, so its tags cannot be changed.");
    }

    @Test
    void aKeyWithoutAliasOrDescriptionIsTitledByItsIdAndSaysWhatIsMissing() {
        select(new KeyRowViewModel(NO_ALIAS, MESSAGES, DATES));

        assertThat(viewModel.titleProperty().get()).isEqualTo(NO_ALIAS.keyId());
        assertThat(viewModel.aliasesTextProperty().get()).isEqualTo("No aliases");
        assertThat(viewModel.descriptionTextProperty().get()).isEqualTo("No description");
    }

    @Test
    void clearingTheSelectionEmptiesThePanel() {
        select(new KeyRowViewModel(AWS_S3, MESSAGES, DATES));

        select();

        assertThat(viewModel.hasKeyProperty().get()).isFalse();
        assertThat(viewModel.readOnlyNoteProperty().get()).isEmpty();
        assertThat(viewModel.keyProperty().get()).isNull();
    }
}
