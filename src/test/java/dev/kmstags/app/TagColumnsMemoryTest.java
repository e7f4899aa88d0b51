package dev.kmstags.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.profiles.ConnectionPreferences;
import dev.kmstags.profiles.ConnectionTarget;
import dev.kmstags.profiles.MemoryPreferences;
import dev.kmstags.ui.common.AppState;
import dev.kmstags.ui.common.TestKeys;
import dev.kmstags.ui.common.TestTaskExecutor;
import dev.kmstags.ui.keylist.KeyListViewModel;
import dev.kmstags.ui.keylist.TagColumnsViewModel;
import java.util.prefs.Preferences;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

class TagColumnsMemoryTest {

    private final Preferences node = MemoryPreferences.newRoot();
    private final SimpleObjectProperty<ConnectionTarget> active = new SimpleObjectProperty<>();

    private TagColumnsViewModel attachedColumns() {
        TagColumnsViewModel columns = new KeyListViewModel(new TestTaskExecutor(), TestKeys.MESSAGES, TestKeys.DATES,
                new AppState()).tagColumns();
        TagColumnsMemory.attach(active, columns, new ConnectionPreferences(node));
        return columns;
    }

    @Test
    void eachConnectionShowsTheTagColumnsChosenForIt() {
        TagColumnsViewModel columns = attachedColumns();
        active.set(ConnectionTarget.BUNDLED);
        columns.show("Owner");
        columns.show("Team");

        active.set(ConnectionTarget.profile("prod"));
        assertThat(columns.shownKeys()).isEmpty();
        columns.show("CostCenter");

        active.set(ConnectionTarget.BUNDLED);
        assertThat(columns.shownKeys()).containsExactly("Owner", "Team");
        columns.setShown("Owner", false);

        // The next start of the app finds them.
        TagColumnsViewModel nextRun = attachedColumns();
        active.set(ConnectionTarget.profile("prod"));
        assertThat(nextRun.shownKeys()).containsExactly("CostCenter");
        active.set(ConnectionTarget.BUNDLED);
        assertThat(nextRun.shownKeys()).containsExactly("Team");
    }
}
