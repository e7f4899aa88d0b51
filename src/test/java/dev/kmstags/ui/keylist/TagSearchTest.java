package dev.kmstags.ui.keylist;

import static dev.kmstags.ui.common.TestKeys.DATES;
import static dev.kmstags.ui.common.TestKeys.EXPERIMENT;
import static dev.kmstags.ui.common.TestKeys.MESSAGES;
import static dev.kmstags.ui.common.TestKeys.NO_ALIAS;
import static dev.kmstags.ui.common.TestKeys.PAYMENTS;
import static dev.kmstags.ui.common.TestKeys.REPORTING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.domain.KeySummary;
import dev.kmstags.domain.KeyTags;
import dev.kmstags.domain.Tag;
import dev.kmstags.kms.KeyCatalog;
import dev.kmstags.ui.common.AppState;
import dev.kmstags.ui.common.TestTaskExecutor;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The key list's search understands tags (domain.TagQuery): values, wildcards, has and lacks, AND. */
class TagSearchTest {

    private final KeyListViewModel viewModel = new KeyListViewModel(new TestTaskExecutor(), MESSAGES, DATES,
            new AppState());

    private static final List<KeyTags> TAGS = List.of(
            KeyTags.read(PAYMENTS.keyId(), List.of(new Tag("Team", "platform"), new Tag("Owner", "ann"))),
            KeyTags.read(REPORTING.keyId(), List.of(new Tag("Team", "plattform-eu"), new Tag("Temporary", ""))),
            KeyTags.read(EXPERIMENT.keyId(), List.of(new Tag("Team", "data"), new Tag("Owner", "bob"))),
            KeyTags.read(NO_ALIAS.keyId(), List.of()));

    private static KeyCatalog taggedKeys() {
        return listener -> {
            listener.accept(List.of(PAYMENTS, REPORTING, EXPERIMENT, NO_ALIAS));
            listener.tagsArrived(TAGS);
            return 4;
        };
    }

    private List<String> shownFor(String search) {
        viewModel.searchTextProperty().set(search);
        return viewModel.visibleRows().stream().map(KeyRowViewModel::keyId).toList();
    }

    private static List<String> ids(KeySummary... keys) {
        return Stream.of(keys).map(KeySummary::keyId).toList();
    }

    @Test
    void aTagWithAValueMatchesThatValueExactlyOrByWildcard() {
        viewModel.load(taggedKeys());

        assertThat(shownFor("Team=platform")).isEqualTo(ids(PAYMENTS));
        assertThat(shownFor("Team=plat*")).isEqualTo(ids(PAYMENTS, REPORTING));
        assertThat(shownFor("Team=*eu")).isEqualTo(ids(REPORTING));
        assertThat(shownFor("team=platform")).as("tag keys compare exactly, as KMS compares them").isEmpty();
        assertThat(viewModel.countTextProperty().get()).isEqualTo("0 of 4 keys");
    }

    @Test
    void aTagWithoutAValueAsksForKeysThatHaveItOrWithABangLackIt() {
        viewModel.load(taggedKeys());

        assertThat(shownFor("Owner=")).isEqualTo(ids(PAYMENTS, EXPERIMENT));
        assertThat(shownFor("!Owner")).isEqualTo(ids(REPORTING, NO_ALIAS));
        assertThat(viewModel.countTextProperty().get()).isEqualTo("2 of 4 keys");
        assertThat(shownFor("Temporary=\"\"")).isEqualTo(ids(REPORTING));
        // A bare word is free text, which tag keys are part of.
        assertThat(shownFor("Owner")).isEqualTo(ids(PAYMENTS, EXPERIMENT));
    }

    @Test
    void termsSeparatedBySpacesMustAllMatchFreeTextIncluded() {
        viewModel.load(taggedKeys());

        assertThat(shownFor("Team=plat* !Owner")).isEqualTo(ids(REPORTING));
        assertThat(shownFor("Team=plat* payments")).isEqualTo(ids(PAYMENTS));
        assertThat(shownFor("Owner= experiment")).isEqualTo(ids(EXPERIMENT));
    }

    @Test
    void keysWhoseTagsAreNotReadYetAreShownForALackingTagOnlyOnceTheyAre() {
        viewModel.searchTextProperty().set("!Owner");
        viewModel.load(listener -> {
            listener.accept(List.of(PAYMENTS, REPORTING, NO_ALIAS));
            assertThat(viewModel.visibleRows()).as("unknown until their tags are read").isEmpty();
            listener.tagsArrived(TAGS.subList(0, 2));
            assertThat(viewModel.visibleRows()).extracting(KeyRowViewModel::keyId).isEqualTo(ids(REPORTING));
            listener.tagsArrived(List.of(KeyTags.denied(NO_ALIAS.keyId())));
            return 3;
        });

        assertThat(viewModel.visibleRows()).extracting(KeyRowViewModel::keyId)
                .as("a key whose tags KMS would not list is not known to lack one").isEqualTo(ids(REPORTING));
        assertThat(viewModel.countTextProperty().get()).isEqualTo("1 of 3 keys");
    }

    @Test
    void aSearchThatCannotBeReadSaysWhyAndKeepsTheKeysOfTheLastOneThatCould() {
        viewModel.load(taggedKeys());
        shownFor("Team=plat*");

        assertThat(shownFor("Team=\"plat")).isEqualTo(ids(PAYMENTS, REPORTING));
        assertThat(viewModel.searchProblemProperty().get())
                .isEqualTo("A quote opened at character 6 is never closed. Close it, or put \\ before it.");
        assertThat(shownFor("!")).isEqualTo(ids(PAYMENTS, REPORTING));
        assertThat(viewModel.searchProblemProperty().get())
                .isEqualTo("The ! at character 1 is not followed by a tag key, as in !Owner.");

        assertThat(shownFor("Team=\"plat\"*")).isEqualTo(ids(PAYMENTS, REPORTING));
        assertThat(viewModel.searchProblemProperty().get()).isEmpty();
    }

    @Test
    void clearingTheSearchShowsEveryKeyAgain() {
        viewModel.load(taggedKeys());
        shownFor("Team=data");
        viewModel.searchTextProperty().set("\"");

        viewModel.clearSearch();

        assertThat(viewModel.searchTextProperty().get()).isEmpty();
        assertThat(viewModel.searchProblemProperty().get()).isEmpty();
        assertThat(viewModel.visibleRows()).hasSize(4);
        assertThat(viewModel.countTextProperty().get()).isEqualTo("4 keys");
    }
}
