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
import dev.kmstags.ui.common.TestTaskExecutor;
import dev.kmstags.ui.common.Tone;
import dev.kmstags.ui.keylist.KeyListViewModel;
import dev.kmstags.ui.keylist.KeyRowViewModel;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

class KeyDetailsViewModelTest {

    private final SimpleObjectProperty<KeyRowViewModel> selection = new SimpleObjectProperty<>();
    private final KeyDetailsViewModel viewModel = new KeyDetailsViewModel(selection, MESSAGES);

    @Test
    void withoutASelectionThePanelInvitesTheUserToSelectAKey() {
        assertThat(viewModel.hasKeyProperty().get()).isFalse();
        assertThat(viewModel.titleProperty().get()).isEmpty();
    }

    @Test
    void copyingTheArnSaysCopiedOnItsButtonUntilTheSignEndsOrAnotherKeyIsSelected() {
        selection.set(new KeyRowViewModel(PAYMENTS, MESSAGES, DATES));
        assertThat(viewModel.arnCopyTextProperty().get()).isEmpty();

        assertThat(viewModel.copyArn()).isEqualTo(PAYMENTS.arn());

        assertThat(viewModel.arnCopyTextProperty().get()).isEqualTo("Copied");
        assertThat(viewModel.keyIdCopyTextProperty().get()).isEmpty();
        viewModel.endCopiedSign();
        assertThat(viewModel.arnCopyTextProperty().get()).isEmpty();

        assertThat(viewModel.copyKeyId()).isEqualTo(PAYMENTS.keyId());
        assertThat(viewModel.keyIdCopyTextProperty().get()).isEqualTo("Copied");
        selection.set(new KeyRowViewModel(AWS_S3, MESSAGES, DATES));
        assertThat(viewModel.keyIdCopyTextProperty().get()).isEmpty();
    }

    @Test
    void aKeyPendingDeletionShowsItsDeletionDate() {
        KeySummary pending = new KeySummary("1234abcd-12ab-34cd-56ef-1234567890ab",
                "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                List.of("alias/tmp-experiment"), "", "PendingDeletion", KeyManager.CUSTOMER,
                Instant.parse("2026-01-02T03:04:05Z"), true, Instant.parse("2026-12-24T10:30:00Z"));

        selection.set(new KeyRowViewModel(pending, MESSAGES, DATES));

        assertThat(viewModel.deletionTextProperty().get()).isEqualTo("2026-12-24 10:30");
        selection.set(new KeyRowViewModel(PAYMENTS, MESSAGES, DATES));
        assertThat(viewModel.deletionTextProperty().get()).isEmpty();
    }

    @Test
    void theSelectedKeyIsDescribed() {
        selection.set(new KeyRowViewModel(PAYMENTS, MESSAGES, DATES));

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
        KeyListViewModel keyList = new KeyListViewModel(new TestTaskExecutor(), MESSAGES, DATES);
        KeyDetailsViewModel details = new KeyDetailsViewModel(keyList.selectedKeyProperty(), MESSAGES);
        keyList.load(listener -> {
            listener.acceptBeforeAliases(List.of(PAYMENTS.withAliases(List.of())));
            keyList.selectedKeyProperty().set(keyList.rows().get(0));
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
        KeyListViewModel keyList = new KeyListViewModel(new TestTaskExecutor(), MESSAGES, DATES);
        KeyDetailsViewModel details = new KeyDetailsViewModel(keyList.selectedKeyProperty(), MESSAGES);
        keyList.load(listener -> {
            listener.acceptBeforeAliases(List.of(PAYMENTS.withAliases(List.of())));
            keyList.selectedKeyProperty().set(keyList.rows().get(0));
            listener.aliasesDenied();
            return 1;
        });

        assertThat(details.aliasesTextProperty().get()).isEqualTo("Not listed");
        assertThat(details.titleProperty().get()).isEqualTo(PAYMENTS.keyId());

        keyList.load(listener -> {
            listener.accept(List.of(NO_ALIAS));
            keyList.selectedKeyProperty().set(keyList.rows().get(0));
            return 1;
        });
        assertThat(details.aliasesTextProperty().get()).isEqualTo("No aliases");
    }

    @Test
    void anAwsManagedKeySaysWhyItsTagsAreReadOnly() {
        selection.set(new KeyRowViewModel(AWS_S3, MESSAGES, DATES));

        assertThat(viewModel.managerTextProperty().get()).isEqualTo("AWS");
        assertThat(viewModel.readOnlyNoteProperty().get())
                .isEqualTo("AWS manages this key, so its tags cannot be changed.");
    }

    @Test
    void aKeyWithoutAliasOrDescriptionIsTitledByItsIdAndSaysWhatIsMissing() {
        selection.set(new KeyRowViewModel(NO_ALIAS, MESSAGES, DATES));

        assertThat(viewModel.titleProperty().get()).isEqualTo(NO_ALIAS.keyId());
        assertThat(viewModel.aliasesTextProperty().get()).isEqualTo("No aliases");
        assertThat(viewModel.descriptionTextProperty().get()).isEqualTo("No description");
    }

    @Test
    void clearingTheSelectionEmptiesThePanel() {
        selection.set(new KeyRowViewModel(AWS_S3, MESSAGES, DATES));

        selection.set(null);

        assertThat(viewModel.hasKeyProperty().get()).isFalse();
        assertThat(viewModel.readOnlyNoteProperty().get()).isEmpty();
        assertThat(viewModel.keyProperty().get()).isNull();
    }
}
