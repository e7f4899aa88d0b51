package dev.kmstags.ui.main;

import dev.kmstags.ui.common.DialogModel;
import java.util.Objects;

/**
 * What the About dialog says: the app's name and version, and what it is for.
 *
 * @param title   the window title
 * @param header  the app's name and version
 * @param content what the app is for
 */
public record AboutText(String title, String header, String content) implements DialogModel<Void> {

    public AboutText {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(content, "content");
    }

    /** The About dialog has nothing to answer. */
    @Override
    public Void dismissed() {
        return null;
    }
}
