package dev.kmstags.ui.keylist;

import static dev.kmstags.ui.common.TestKeys.MESSAGES;
import static dev.kmstags.ui.common.TestKeys.DATES;
import static dev.kmstags.ui.common.TestKeys.NO_ALIAS;
import static dev.kmstags.ui.common.TestKeys.PAYMENTS;
import static dev.kmstags.ui.common.TestKeys.REPORTING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.domain.KeyTags;
import dev.kmstags.domain.Tag;
import dev.kmstags.ui.common.AppState;
import dev.kmstags.ui.common.TestTaskExecutor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class TagColumnsViewModelTest {

    private final KeyListViewModel keyList = new KeyListViewModel(new TestTaskExecutor(), MESSAGES, DATES,
            new AppState());
    private final TagColumnsViewModel columns = keyList.tagColumns();

    private void loadTaggedKeys() {
        keyList.load(listener -> {
            listener.accept(List.of(PAYMENTS, REPORTING, NO_ALIAS));
            listener.tagsArrived(List.of(
                    KeyTags.read(PAYMENTS.keyId(), List.of(new Tag("Team", "payments"), new Tag("Owner", "ann"))),
                    KeyTags.read(REPORTING.keyId(), List.of(new Tag("Team", "data"), new Tag("costCenter", "")))));
            return 3;
        });
    }

    @Test
    void theChooserOffersTheTagKeysOfTheLoadedKeysAndThoseShownTheMostCommonFirst() {
        loadTaggedKeys();
        columns.show("Retention");

        assertThat(columns.offeredKeys()).containsExactly("Team", "costCenter", "Owner", "Retention");
    }

    @Test
    void showingAndHidingATagKeyAddsAndRemovesItsColumnOnce() {
        columns.show("Owner");
        columns.show("Team");
        columns.show("Owner");
        assertThat(columns.shownKeys()).containsExactly("Owner", "Team");

        columns.setShown("Owner", false);
        assertThat(columns.shownKeys()).containsExactly("Team");

        columns.showOnly(List.of("CostCenter", "Team", "CostCenter"));
        assertThat(columns.shownKeys()).containsExactly("CostCenter", "Team");
    }

    @Test
    void aTypedTagKeyIsShownStrippedAndABlankOneIsIgnored() {
        assertThat(columns.showTyped("  Cost Center ")).isTrue();
        assertThat(columns.showTyped("   ")).isFalse();

        assertThat(columns.shownKeys()).containsExactly("Cost Center");
    }

    @Test
    void aCellTellsAValueAnEmptyValueAMissingTagAndTagsNotReadYetApart() {
        List<Tag> tags = List.of(new Tag("Team", "payments"), new Tag("Temporary", ""));

        assertThat(TagColumnsViewModel.cell(tags, "Team")).isEqualTo(new TagColumnsViewModel.Cell(
                TagColumnsViewModel.CellKind.VALUE, "payments"));
        assertThat(TagColumnsViewModel.cell(tags, "Temporary").kind())
                .isEqualTo(TagColumnsViewModel.CellKind.EMPTY_VALUE);
        assertThat(TagColumnsViewModel.cell(tags, "Owner").kind()).isEqualTo(TagColumnsViewModel.CellKind.ABSENT);
        assertThat(TagColumnsViewModel.cell(null, "Owner").kind()).isEqualTo(TagColumnsViewModel.CellKind.NOT_READ);
    }

    @Test
    void sortingByATagPutsValuesInOrderThenKeysWithoutTheTagThenKeysNotReadYet() {
        List<List<Tag>> tagSets = new ArrayList<>(List.of(
                List.of(new Tag("Owner", "zoe")),
                List.of(),
                List.of(new Tag("Owner", "Ann")),
                List.of(new Tag("Owner", "")),
                List.of(new Tag("Owner", "bob"))));
        tagSets.add(1, null);
        Comparator<List<Tag>> order = TagColumnsViewModel.order("Owner");

        tagSets.sort(order);

        assertThat(tagSets).containsExactly(List.of(new Tag("Owner", "")), List.of(new Tag("Owner", "Ann")),
                List.of(new Tag("Owner", "bob")), List.of(new Tag("Owner", "zoe")), List.of(), null);
    }

    @Test
    void rowsSortedByATagColumnMoveWhenTheirTagsArrive() {
        columns.sortedByTagProperty().set(true);
        keyList.comparatorProperty().set(Comparator.comparing(row -> row.tagsProperty().get(),
                TagColumnsViewModel.order("Owner")));
        keyList.load(listener -> {
            listener.accept(List.of(PAYMENTS, REPORTING));
            listener.tagsArrived(List.of(KeyTags.read(REPORTING.keyId(), List.of(new Tag("Owner", "ann")))));
            return 2;
        });

        assertThat(keyList.sortedRows()).extracting(KeyRowViewModel::keyId)
                .containsExactly(REPORTING.keyId(), PAYMENTS.keyId());
    }
}
