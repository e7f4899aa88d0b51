package dev.kmstags.app;

import dev.kmstags.profiles.ConnectionPreferences;
import dev.kmstags.profiles.ConnectionTarget;
import dev.kmstags.ui.keylist.TagColumnsViewModel;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;

/**
 * Keeps the key list's tag columns per connection: shows those remembered for a connection when it becomes the
 * active one, and remembers every change of them for the active connection.
 */
final class TagColumnsMemory {

    private TagColumnsMemory() {
    }

    static void attach(ObservableValue<ConnectionTarget> activeTarget, TagColumnsViewModel columns,
                       ConnectionPreferences preferences) {
        activeTarget.addListener((observable, old, target) -> {
            if (target != null) {
                columns.showOnly(preferences.tagColumns(target));
            }
        });
        columns.shownKeys().addListener((ListChangeListener<String>) change -> {
            ConnectionTarget target = activeTarget.getValue();
            if (target != null) {
                preferences.rememberTagColumns(target, columns.shownKeys());
            }
        });
    }
}
