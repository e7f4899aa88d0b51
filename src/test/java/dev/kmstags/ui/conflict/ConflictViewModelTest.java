package dev.kmstags.ui.conflict;

import static dev.kmstags.ui.common.TestKeys.MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.kmstags.domain.EditedTag;
import dev.kmstags.domain.Tag;
import dev.kmstags.domain.TagMerge;
import dev.kmstags.domain.TagPlan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConflictViewModelTest {

    private static final Map<String, String> BASE = new LinkedHashMap<>();

    static {
        BASE.put("Team", "payments");
        BASE.put("Env", "dev");
    }

    @Test
    void aRenameIsOneRowThatShowsBothKeysOnEachSide() {
        TagPlan mine = TagPlan.between(BASE, List.of(EditedTag.loaded("Team", "Squad", "payments"),
                EditedTag.loaded("Env", "Env", "dev")));
        ConflictViewModel conflict = new ConflictViewModel("alias/x",
                TagMerge.of(mine, Map.of("Team", "platform", "Env", "dev")), MESSAGES);

        assertThat(conflict.rows()).extracting(ConflictViewModel.Row::key, ConflictViewModel.Row::original,
                        ConflictViewModel.Row::theirs, ConflictViewModel.Row::yours)
                .containsExactly(tuple("Team → Squad", "Team = payments", "Team = platform", "Squad = payments"));
    }

    @Test
    void eachRowStartsWithMineAndTheMergeTakesTheSideChosenInIt() {
        TagPlan mine = TagPlan.between(BASE, List.of(EditedTag.loaded("Team", "Team", "payments"),
                EditedTag.loaded("Env", "Env", "prod"), EditedTag.added("Note", "x".repeat(100))));
        ConflictViewModel conflict = new ConflictViewModel("alias/x",
                TagMerge.of(mine, Map.of("Team", "payments", "Env", "staging", "Note", "")), MESSAGES);

        assertThat(conflict.rows()).extracting(ConflictViewModel.Row::key, ConflictViewModel.Row::theirs,
                        ConflictViewModel.Row::yours)
                .containsExactly(tuple("Env", "staging", "prod"),
                        tuple("Note", "(empty)", "x".repeat(40) + "… (100 characters)"));
        assertThat(conflict.rows()).allMatch(row -> row.sideProperty().get() == TagMerge.Side.MINE);

        conflict.rows().get(0).sideProperty().set(TagMerge.Side.THEIRS);

        assertThat(conflict.merged().plan().target()).containsExactly(new Tag("Team", "payments"),
                new Tag("Env", "staging"), new Tag("Note", "x".repeat(100)));
    }
}
