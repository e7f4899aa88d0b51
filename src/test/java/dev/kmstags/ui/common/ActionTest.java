package dev.kmstags.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;

/** One menu command for two panels that are never shown together. */
class ActionTest {

    private final SimpleBooleanProperty editorCan = new SimpleBooleanProperty();
    private final SimpleBooleanProperty bulkCan = new SimpleBooleanProperty();
    private final List<String> ran = new ArrayList<>();
    private final Action either = Action.either(Action.of(editorCan, () -> ran.add("editor")),
            Action.of(bulkCan, () -> ran.add("bulk")));

    @Test
    void eitherRunsWhicheverCanAndIsDisabledWhileNeitherCan() {
        assertThat(either.isExecutable()).isFalse();
        either.execute();
        assertThat(ran).isEmpty();

        bulkCan.set(true);
        assertThat(either.isExecutable()).isTrue();
        either.execute();
        editorCan.set(true);
        bulkCan.set(false);
        either.execute();

        assertThat(ran).containsExactly("bulk", "editor");
    }
}
