package dev.kmstags.ui.keylist;

import static dev.kmstags.ui.common.TestKeys.AWS_S3;
import static dev.kmstags.ui.common.TestKeys.DATES;
import static dev.kmstags.ui.common.TestKeys.EXPERIMENT;
import static dev.kmstags.ui.common.TestKeys.MESSAGES;
import static dev.kmstags.ui.common.TestKeys.NO_ALIAS;
import static dev.kmstags.ui.common.TestKeys.PAYMENTS;
import static dev.kmstags.ui.common.TestKeys.REPORTING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.domain.KeyManager;
import dev.kmstags.domain.KeySummary;
import dev.kmstags.domain.KeyTags;
import dev.kmstags.domain.Tag;
import dev.kmstags.kms.AccessPolicies;
import dev.kmstags.kms.KeyCatalog;
import dev.kmstags.kms.KmsAccessException;
import dev.kmstags.kms.KmsProblem;
import dev.kmstags.kms.KmsServices;
import dev.kmstags.kms.TagService;
import dev.kmstags.ui.common.AppState;
import dev.kmstags.ui.common.KeyEntry;
import dev.kmstags.ui.common.LoadState;
import dev.kmstags.ui.common.TestKeys;
import dev.kmstags.ui.common.TestTaskExecutor;
import dev.kmstags.ui.common.Tone;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KeyListViewModelTest {

    private final TestTaskExecutor executor = new TestTaskExecutor();
    private final AppState state = new AppState();
    private final KeyListViewModel viewModel = new KeyListViewModel(executor, MESSAGES, DATES, state);

    /** A catalog that hands over {@code batches} one after another. */
    private static KeyCatalog catalogOf(List<List<KeySummary>> batches) {
        return onBatch -> {
            batches.forEach(onBatch);
            return batches.stream().mapToInt(List::size).sum();
        };
    }

    private static KeyCatalog catalogOf(KeySummary... keys) {
        return catalogOf(List.of(List.of(keys)));
    }

    @Test
    void beforeAConnectionNothingLoadsAndNothingCanBeRefreshed() {
        assertThat(viewModel.loadStateProperty().get()).isEqualTo(LoadState.IDLE);
        assertThat(viewModel.canRefreshProperty().get()).isFalse();
        assertThat(viewModel.statusTextProperty().get()).isEmpty();
        assertThat(viewModel.placeholderTextProperty().get()).isEqualTo("Keys appear here once the connection is open.");
    }

    @Test
    void whileTheCatalogIsBeingReadTheListIsBusyAndSaysSo() {
        executor.holdWork();

        viewModel.load(catalogOf(PAYMENTS));

        assertThat(viewModel.busyProperty().get()).isTrue();
        assertThat(viewModel.canRefreshProperty().get()).isFalse();
        assertThat(viewModel.loadStateProperty().get()).isEqualTo(LoadState.LOADING);
        assertThat(viewModel.statusTextProperty().get()).isEqualTo("Loading keys…");
        assertThat(viewModel.placeholderTextProperty().get()).isEqualTo("Loading keys…");
        assertThat(viewModel.rows()).isEmpty();

        executor.runHeldWork();

        assertThat(viewModel.busyProperty().get()).isFalse();
        assertThat(viewModel.canRefreshProperty().get()).isTrue();
        assertThat(viewModel.rows()).hasSize(1);
    }

    @Test
    void rowsAppearBatchByBatchWhileTheRestIsStillLoading() {
        List<Integer> rowsSeenAfterEachBatch = new ArrayList<>();
        List<String> statusSeenAfterEachBatch = new ArrayList<>();
        viewModel.load(onBatch -> {
            onBatch.accept(List.of(PAYMENTS, REPORTING));
            rowsSeenAfterEachBatch.add(viewModel.rows().size());
            statusSeenAfterEachBatch.add(viewModel.statusTextProperty().get());
            onBatch.accept(List.of(EXPERIMENT));
            rowsSeenAfterEachBatch.add(viewModel.rows().size());
            return 3;
        });

        assertThat(rowsSeenAfterEachBatch).containsExactly(2, 3);
        assertThat(statusSeenAfterEachBatch).containsExactly("Loading keys… 2 so far");
        assertThat(viewModel.statusTextProperty().get()).isEqualTo("3 keys loaded");
        assertThat(viewModel.countTextProperty().get()).isEqualTo("3 keys");
    }

    @Test
    void theResultSentenceCountsKeysInWords() {
        viewModel.load(catalogOf(PAYMENTS));
        assertThat(viewModel.statusTextProperty().get()).isEqualTo("1 key loaded");

        viewModel.load(catalogOf());
        assertThat(viewModel.statusTextProperty().get()).isEqualTo("No keys in this region");
        assertThat(viewModel.placeholderTextProperty().get()).isEqualTo("There are no keys in this region.");

        List<KeySummary> many = IntStream.range(0, 1234)
                .mapToObj(i -> TestKeys.key("key-" + i, List.of(), "", "Enabled", KeyManager.CUSTOMER))
                .toList();
        viewModel.load(catalogOf(List.of(many)));
        assertThat(viewModel.statusTextProperty().get()).isEqualTo("1,234 keys loaded");
    }

    @Test
    void aFailureShowsTheSentenceFromKmsAndOffersToTryAgain() {
        String sentence = "Could not connect to KMS at http://127.0.0.1:1: nothing answers there. Check that the "
                + "endpoint is running, then refresh (F5).";
        viewModel.load(onBatch -> {
            throw new KmsAccessException(KmsProblem.CONNECTION_REFUSED, sentence, "", null);
        });

        assertThat(viewModel.loadStateProperty().get()).isEqualTo(LoadState.FAILED);
        assertThat(viewModel.failedProperty().get()).isTrue();
        assertThat(viewModel.busyProperty().get()).isFalse();
        assertThat(viewModel.statusTextProperty().get()).isEqualTo(sentence);
        assertThat(viewModel.errorTextProperty().get()).isEqualTo(sentence);
        assertThat(viewModel.placeholderTextProperty().get()).isEqualTo(sentence);
        assertThat(viewModel.canRefreshProperty().get()).isTrue();
    }

    @Test
    void anUnexpectedFailureIsReportedAsASentenceNotAsARawMessage() {
        viewModel.load(onBatch -> {
            throw new IllegalStateException("java.lang.NullPointerException at Foo.bar(Foo.java:12)");
        });

        assertThat(viewModel.statusTextProperty().get())
                .startsWith("Loading the keys failed unexpectedly (IllegalStateException)")
                .doesNotContain("Foo.java");
    }

    @Test
    void tryingAgainAfterAFailureLoadsTheKeys() {
        boolean[] fail = {true};
        viewModel.load(onBatch -> {
            if (fail[0]) {
                throw new KmsAccessException(KmsProblem.THROTTLED, "KMS is limiting how fast requests may be sent.",
                        "", null);
            }
            onBatch.accept(List.of(PAYMENTS));
            return 1;
        });
        fail[0] = false;

        viewModel.refresh();

        assertThat(viewModel.failedProperty().get()).isFalse();
        assertThat(viewModel.errorTextProperty().get()).isEmpty();
        assertThat(viewModel.statusTextProperty().get()).isEqualTo("1 key loaded");
    }

    @Test
    void refreshingAlsoReadsTheAccountsIamPoliciesAgainForTheAccessCheck() {
        List<String> refreshed = new ArrayList<>();
        KeyCatalog catalog = onBatch -> {
            onBatch.accept(List.of(PAYMENTS));
            return 1;
        };
        state.connectionOpened(new KmsServices() {
            @Override
            public KeyCatalog keyCatalog() {
                return catalog;
            }

            @Override
            public TagService tagService() {
                return null;
            }

            @Override
            public AccessPolicies accessPolicies() {
                return new AccessPolicies() {
                    @Override
                    public Reading read() {
                        return new Unavailable(KmsProblem.UNEXPECTED, "not read in this test");
                    }

                    @Override
                    public void refresh() {
                        refreshed.add("IAM read again");
                    }
                };
            }
        });
        viewModel.load(catalog);
        assertThat(refreshed).isEmpty();

        viewModel.refresh();

        assertThat(refreshed).containsExactly("IAM read again");
    }

    @Test
    void rowsShowAliasesIdDescriptionStateManagerAndCreationInWords() {
        KeySummary twoAliases = TestKeys.key("6666ffff-0000-4000-8000-000000000006",
                List.of("alias/ci-artifacts", "alias/build-cache"), "CI build artifacts", "Enabled",
                KeyManager.CUSTOMER);
        viewModel.load(catalogOf(twoAliases, REPORTING, EXPERIMENT, AWS_S3, NO_ALIAS));

        KeyRowViewModel ci = viewModel.rows().get(0);
        assertThat(ci.aliasesText()).isEqualTo("alias/build-cache, alias/ci-artifacts");
        assertThat(ci.displayName()).isEqualTo("alias/build-cache");
        assertThat(ci.keyId()).isEqualTo("6666ffff-0000-4000-8000-000000000006");
        assertThat(ci.description()).isEqualTo("CI build artifacts");
        assertThat(ci.stateText()).isEqualTo("Enabled");
        assertThat(ci.stateTone()).isEqualTo(Tone.POSITIVE);
        assertThat(ci.managerText()).isEqualTo("Customer");
        assertThat(ci.createdText()).isEqualTo("2025-03-05 14:22");
        assertThat(ci.createdDateText()).isEqualTo("2025-03-05");
        assertThat(ci.readOnlyReasonText()).isEmpty();

        KeyRowViewModel disabled = viewModel.rows().get(1);
        assertThat(disabled.stateText()).isEqualTo("Disabled");
        assertThat(disabled.stateTone()).isEqualTo(Tone.NEUTRAL);

        KeyRowViewModel pending = viewModel.rows().get(2);
        assertThat(pending.stateText()).isEqualTo("Pending deletion");
        assertThat(pending.stateTone()).isEqualTo(Tone.NEGATIVE);
        assertThat(pending.readOnlyReasonText()).contains("pending deletion");

        KeyRowViewModel awsManaged = viewModel.rows().get(3);
        assertThat(awsManaged.managerText()).isEqualTo("AWS");
        assertThat(awsManaged.readOnlyReasonText()).isEqualTo("AWS manages this key, so its tags cannot be changed.");

        KeyRowViewModel noAlias = viewModel.rows().get(4);
        assertThat(noAlias.aliasesText()).isEmpty();
        assertThat(noAlias.displayName()).isEqualTo(NO_ALIAS.keyId());
    }

    @Test
    void aStateTheAppDoesNotKnowIsShownAsKmsNamedIt() {
        viewModel.load(catalogOf(TestKeys.key("k", List.of(), "", "PendingRotation", KeyManager.CUSTOMER)));

        assertThat(viewModel.rows().get(0).stateText()).isEqualTo("PendingRotation");
        assertThat(viewModel.rows().get(0).stateTone()).isEqualTo(Tone.WARNING);
    }

    @Test
    void theSearchTextFiltersByAliasKeyIdAndDescriptionIgnoringCase() {
        viewModel.load(catalogOf(PAYMENTS, REPORTING, AWS_S3));

        viewModel.searchTextProperty().set("PAYMENTS");
        assertThat(viewModel.visibleRows()).extracting(KeyRowViewModel::keyId).containsExactly(PAYMENTS.keyId());
        assertThat(viewModel.countTextProperty().get()).isEqualTo("1 of 3 keys");

        viewModel.searchTextProperty().set("2222bbbb");
        assertThat(viewModel.visibleRows()).extracting(KeyRowViewModel::keyId).containsExactly(REPORTING.keyId());

        viewModel.searchTextProperty().set("s3 objects");
        assertThat(viewModel.visibleRows()).extracting(KeyRowViewModel::keyId).containsExactly(AWS_S3.keyId());

        viewModel.searchTextProperty().set("nothing like this");
        assertThat(viewModel.visibleRows()).isEmpty();
        assertThat(viewModel.placeholderTextProperty().get()).isEqualTo("No key matches “nothing like this”.");

        viewModel.searchTextProperty().set("  ");
        assertThat(viewModel.visibleRows()).hasSize(3);
        assertThat(viewModel.countTextProperty().get()).isEqualTo("3 keys");
    }

    @Test
    void aRefreshSelectsTheSameKeyAgainWhenItComesBack() {
        viewModel.load(catalogOf(PAYMENTS, REPORTING));
        KeyRowViewModel reporting = viewModel.rows().get(1);
        viewModel.requestSelection(reporting);

        viewModel.refresh();

        KeyEntry selected = state.selectedKeyProperty().get();
        assertThat(selected).isNotNull().isNotSameAs(reporting);
        assertThat(selected.keyId()).isEqualTo(REPORTING.keyId());
    }

    @Test
    void aRefreshSelectsEveryKeyOfASelectionOfSeveralAgainThatComesBack() {
        viewModel.load(catalogOf(List.of(List.of(PAYMENTS), List.of(REPORTING, AWS_S3))));
        viewModel.requestSelection(List.of(viewModel.rows().get(0), viewModel.rows().get(2)));

        viewModel.refresh();

        assertThat(state.selectedKeys()).extracting(KeyEntry::keyId).containsExactly(PAYMENTS.keyId(), AWS_S3.keyId());
        assertThat(state.selectedKeys()).allMatch(viewModel.rows()::contains);
    }

    @Test
    void extendingTheSelectionAsksTheLeaveGuardsAndARefusalKeepsTheKeyShown() {
        viewModel.load(catalogOf(PAYMENTS, REPORTING, AWS_S3));
        KeyRowViewModel payments = viewModel.rows().get(0);
        KeyRowViewModel reporting = viewModel.rows().get(1);
        viewModel.requestSelection(payments);
        int[] asked = {0};
        state.addLeaveGuard(() -> {
            asked[0]++;
            return false;
        });

        assertThat(viewModel.requestSelection(List.of(payments, reporting))).isFalse();

        assertThat(asked[0]).isEqualTo(1);
        assertThat(state.selectedKeys()).containsExactly(payments);
        assertThat(viewModel.requestSelection(List.of(payments))).as("the same keys need no asking").isTrue();
        assertThat(asked[0]).isEqualTo(1);
    }

    @Test
    void aRefreshTheLeaveGuardsRefuseLoadsNothing() {
        int[] loads = {0};
        viewModel.load(onBatch -> {
            loads[0]++;
            onBatch.accept(List.of(PAYMENTS));
            return 1;
        });
        viewModel.requestSelection(viewModel.rows().get(0));
        state.addLeaveGuard(() -> false);

        viewModel.refresh();

        assertThat(loads[0]).isEqualTo(1);
        assertThat(state.selectedKeyProperty().get()).isSameAs(viewModel.rows().get(0));
    }

    @Test
    void theKeysOfAReplacedLoadAreDropped() {
        executor.holdWork();
        viewModel.load(catalogOf(PAYMENTS));
        viewModel.load(catalogOf(AWS_S3));

        executor.runHeldWork();

        assertThat(viewModel.rows()).extracting(KeyRowViewModel::keyId).containsExactly(AWS_S3.keyId());
        assertThat(viewModel.statusTextProperty().get()).isEqualTo("1 key loaded");
    }

    @Test
    void refreshIsIgnoredWhileLoading() {
        executor.holdWork();
        viewModel.load(catalogOf(PAYMENTS));

        viewModel.refresh();

        assertThat(executor.heldWork()).isEqualTo(1);
    }

    /** A catalog that hands over {@code keys} before their aliases, then the aliases, then {@code tags}. */
    private static KeyCatalog catalogWithLateAliasesAndTags(List<KeySummary> keys, List<KeyTags> tags) {
        return listener -> {
            listener.acceptBeforeAliases(keys.stream().map(key -> key.withAliases(List.of())).toList());
            listener.aliasesArrived(keys.stream().filter(key -> !key.aliases().isEmpty())
                    .collect(Collectors.toMap(KeySummary::keyId, KeySummary::aliases)));
            listener.tagsArrived(tags);
            return keys.size();
        };
    }

    private static List<String> sortedIds(KeyListViewModel viewModel) {
        return viewModel.sortedRows().stream().map(KeyRowViewModel::keyId).toList();
    }

    @Test
    void theListingsCallsWaitForTheUiThreadWhenItIsBehind() {
        viewModel.load(new KeyCatalog() {
            private CallGate gate = CallGate.OPEN;

            @Override
            public KeyCatalog withCallGate(CallGate newGate) {
                gate = newGate;
                return this;
            }

            @Override
            public int listKeys(Listener listener) {
                try {
                    gate.awaitOpen();
                    listener.accept(List.of(PAYMENTS));
                    gate.awaitOpen();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return 1;
            }
        });

        assertThat(executor.uiWaits()).isEqualTo(2);
        assertThat(viewModel.rows()).hasSize(1);
    }

    @Test
    void whenKmsWillNotListTheAliasesTheKeysLoadAndSaySo() {
        viewModel.load(listener -> {
            listener.acceptBeforeAliases(List.of(PAYMENTS.withAliases(List.of()), REPORTING.withAliases(List.of())));
            listener.aliasesDenied();
            listener.accept(List.of(AWS_S3.withAliases(List.of())));
            return 3;
        });

        assertThat(viewModel.loadStateProperty().get()).isEqualTo(LoadState.LOADED);
        assertThat(viewModel.rows()).extracting(KeyRowViewModel::aliasesText).containsOnly("");
        assertThat(viewModel.rows()).noneMatch(KeyRowViewModel::aliasesListed);
        assertThat(viewModel.rows()).extracting(KeyRowViewModel::noAliasesText).containsOnly("Not listed");
        assertThat(viewModel.statusTextProperty().get())
                .isEqualTo("3 keys loaded without aliases: KMS refused to list them to these credentials"
                        + " (kms:ListAliases)");
        assertThat(viewModel.rows().get(0).isReadOnly()).isFalse();
        viewModel.searchTextProperty().set("not listed");
        assertThat(viewModel.visibleRows()).isEmpty();
        viewModel.searchTextProperty().set("card data");
        assertThat(viewModel.visibleRows()).extracting(KeyRowViewModel::keyId).containsExactly(PAYMENTS.keyId());

        // Loaded again with credentials that may list them, the aliases are back.
        viewModel.searchTextProperty().set("");
        viewModel.load(catalogWithLateAliasesAndTags(List.of(PAYMENTS), List.of()));
        assertThat(viewModel.rows()).extracting(KeyRowViewModel::aliasesText).containsExactly("alias/payments-prod");
        assertThat(viewModel.rows().get(0).aliasesListed()).isTrue();
        assertThat(viewModel.statusTextProperty().get()).isEqualTo("1 key loaded");
    }

    @Test
    void theSearchTextFindsKeysByTagKeyOrValueIgnoringCase() {
        viewModel.load(catalogWithLateAliasesAndTags(List.of(PAYMENTS, REPORTING, NO_ALIAS), List.of(
                KeyTags.read(PAYMENTS.keyId(), List.of(new Tag("CostCenter", "CC-1234"))),
                KeyTags.read(REPORTING.keyId(), List.of(new Tag("Owner", "data-team"))),
                KeyTags.read(NO_ALIAS.keyId(), List.of()))));

        viewModel.searchTextProperty().set("costcenter");
        assertThat(viewModel.visibleRows()).extracting(KeyRowViewModel::keyId).containsExactly(PAYMENTS.keyId());

        viewModel.searchTextProperty().set("DATA-TEAM");
        assertThat(viewModel.visibleRows()).extracting(KeyRowViewModel::keyId).containsExactly(REPORTING.keyId());
        assertThat(viewModel.rows().get(1).tagsProperty().get()).containsExactly(new Tag("Owner", "data-team"));
    }

    @Test
    void whileFilteringKeysShowUpAsSoonAsTheirAliasesOrTagsMatch() {
        viewModel.searchTextProperty().set("team-a");
        viewModel.load(listener -> {
            listener.acceptBeforeAliases(List.of(PAYMENTS.withAliases(List.of()), REPORTING.withAliases(List.of())));
            assertThat(viewModel.visibleRows()).isEmpty();
            listener.aliasesArrived(Map.of(PAYMENTS.keyId(), List.of("alias/team-a-payments")));
            assertThat(viewModel.visibleRows()).extracting(KeyRowViewModel::keyId).containsExactly(PAYMENTS.keyId());
            listener.tagsArrived(List.of(KeyTags.read(REPORTING.keyId(), List.of(new Tag("Team", "team-A")))));
            return 2;
        });

        assertThat(viewModel.visibleRows()).extracting(KeyRowViewModel::keyId)
                .containsExactly(PAYMENTS.keyId(), REPORTING.keyId());
        assertThat(viewModel.countTextProperty().get()).isEqualTo("2 of 2 keys");
    }

    @Test
    void tagsACommitWroteShowWithoutALoadAndRowsThatMatchedStayShown() {
        int[] loads = {0};
        viewModel.searchTextProperty().set("env");
        viewModel.load(listener -> {
            loads[0]++;
            listener.accept(List.of(PAYMENTS, REPORTING));
            listener.tagsArrived(List.of(KeyTags.read(PAYMENTS.keyId(), List.of(new Tag("env", "prod"))),
                    KeyTags.read(REPORTING.keyId(), List.of(new Tag("Owner", "data-team")))));
            return 2;
        });
        assertThat(viewModel.visibleRows()).extracting(KeyRowViewModel::keyId).containsExactly(PAYMENTS.keyId());

        viewModel.showTagsNow(Map.of(PAYMENTS.keyId(), Map.of("Environment", "prod"),
                REPORTING.keyId(), Map.of("Owner", "data-team", "env", "dev"), "not-loaded", Map.of("a", "b")));

        assertThat(loads[0]).isEqualTo(1);
        assertThat(viewModel.rows().get(0).tagsProperty().get()).containsExactly(new Tag("Environment", "prod"));
        assertThat(viewModel.rows().get(1).tagsProperty().get())
                .containsExactlyInAnyOrder(new Tag("Owner", "data-team"), new Tag("env", "dev"));
        assertThat(viewModel.visibleRows()).extracting(KeyRowViewModel::keyId)
                .containsExactly(PAYMENTS.keyId(), REPORTING.keyId());
        assertThat(viewModel.rows()).hasSize(2);
    }

    @Test
    void rowsSortByTheChosenOrderAndMoveWhenTheirAliasesArrive() {
        KeySummary older = new KeySummary("9999-old", "arn:old", List.of("alias/zeta"), "", "Enabled",
                KeyManager.CUSTOMER, Instant.parse("2020-01-01T00:00:00Z"));
        KeySummary newer = new KeySummary("0000-new", "arn:new", List.of("alias/alpha"), "", "Enabled",
                KeyManager.CUSTOMER, Instant.parse("2026-01-01T00:00:00Z"));
        List<String> beforeAliases = new ArrayList<>();
        viewModel.comparatorProperty().set(Comparator.comparing(KeyRowViewModel::aliasesText,
                KeyRowViewModel.ALIASES_ORDER));
        viewModel.load(listener -> {
            listener.acceptBeforeAliases(List.of(older.withAliases(List.of()), newer.withAliases(List.of()),
                    NO_ALIAS));
            beforeAliases.addAll(sortedIds(viewModel));
            listener.aliasesArrived(Map.of(older.keyId(), older.aliases(), newer.keyId(), newer.aliases()));
            return 3;
        });

        assertThat(sortedIds(viewModel)).containsExactly(newer.keyId(), older.keyId(), NO_ALIAS.keyId());

        viewModel.comparatorProperty().set(Comparator.comparing(KeyRowViewModel::created,
                KeyRowViewModel.CREATED_ORDER).reversed());
        assertThat(sortedIds(viewModel)).containsExactly(newer.keyId(), NO_ALIAS.keyId(), older.keyId());
        assertThat(beforeAliases).hasSize(3);
    }

    @Test
    void rowsThatTieInTheChosenOrderFollowTheirKeyIdsWhateverOrderTheyArrivedIn() {
        List<KeySummary> keys = List.of(key("cccc"), key("aaaa"), key("bbbb"));
        viewModel.comparatorProperty().set(Comparator.comparing(KeyRowViewModel::aliasesText,
                KeyRowViewModel.ALIASES_ORDER));

        viewModel.load(listener -> {
            listener.acceptBeforeAliases(keys);
            listener.aliasesDenied();
            return 3;
        });

        assertThat(sortedIds(viewModel)).containsExactly("aaaa", "bbbb", "cccc");
        viewModel.comparatorProperty().set(Comparator.comparing(KeyRowViewModel::managerText));
        assertThat(sortedIds(viewModel)).containsExactly("aaaa", "bbbb", "cccc");
    }

    private static KeySummary key(String keyId) {
        return new KeySummary(keyId, "arn:aws:kms:us-east-1:111122223333:key/" + keyId, List.of(), "", "Enabled",
                KeyManager.CUSTOMER, Instant.parse("2025-01-01T00:00:00Z"));
    }

    @Test
    void aKeyKmsWillNotDescribeShowsItsIdMarkedReadOnlyWithTheReason() {
        KeySummary refused = KeySummary.undescribed("7777-refused", "arn:aws:kms:us-east-1:111122223333:key/7777",
                List.of("alias/secret"));
        viewModel.load(catalogOf(PAYMENTS, refused));

        KeyRowViewModel row = viewModel.rows().get(1);
        assertThat(row.keyId()).isEqualTo("7777-refused");
        assertThat(row.aliasesText()).isEqualTo("alias/secret");
        assertThat(row.described()).isFalse();
        assertThat(row.stateText()).isEqualTo("No access");
        assertThat(row.managerText()).isEmpty();
        assertThat(row.isReadOnly()).isTrue();
        assertThat(row.readOnlyReasonText()).startsWith("Access denied").contains("kms:DescribeKey");
        assertThat(viewModel.statusTextProperty().get()).isEqualTo("2 keys loaded");
    }

    @Test
    void aKeyWhoseTagsKmsWillNotListBecomesReadOnlyWhenThatTurnsOut() {
        viewModel.load(catalogWithLateAliasesAndTags(List.of(PAYMENTS, REPORTING, AWS_S3),
                List.of(KeyTags.denied(PAYMENTS.keyId()), KeyTags.read(REPORTING.keyId(), List.of()))));

        KeyRowViewModel payments = viewModel.rows().get(0);
        assertThat(payments.isReadOnly()).isTrue();
        assertThat(payments.readOnlyReasonTextProperty().get()).contains("kms:ListResourceTags");
        assertThat(payments.tagsProperty().get()).isNull();
        assertThat(viewModel.rows().get(1).isReadOnly()).isFalse();
        // An AWS managed key keeps its own reason.
        assertThat(viewModel.rows().get(2).readOnlyReasonText()).startsWith("AWS manages this key");
    }

    @Test
    void whileTagsAreReadTheStatusSaysSo() {
        List<String> statusWhileReadingTags = new ArrayList<>();
        viewModel.load(listener -> {
            listener.accept(List.of(PAYMENTS, REPORTING));
            listener.tagsArrived(List.of(KeyTags.read(PAYMENTS.keyId(), List.of())));
            statusWhileReadingTags.add(viewModel.statusTextProperty().get());
            return 2;
        });

        assertThat(statusWhileReadingTags).containsExactly("2 keys; reading their tags…");
        assertThat(viewModel.statusTextProperty().get()).isEqualTo("2 keys loaded");
    }
}
