package dev.kmstags.ui.connection;

import dev.kmstags.profiles.ConnectionTarget;
import java.util.Objects;

/**
 * One entry of the Connection menu.
 *
 * @param target what choosing it connects to
 * @param label  what the menu shows
 */
public record ConnectionItem(ConnectionTarget target, String label) {

    public ConnectionItem {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(label, "label");
    }
}
