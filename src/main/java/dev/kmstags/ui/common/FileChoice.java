package dev.kmstags.ui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a file chooser asks: its title, the folder and file name it starts with, and the kinds of files it offers
 * (the first is chosen at first).
 *
 * @param title         the chooser's title, as a sentence for the user
 * @param folder        the folder it opens in; empty for the system's choice
 * @param fileName      the name it proposes when saving; empty when none
 * @param kinds         the kinds of files offered, such as "CSV files" with "*.csv"
 */
public record FileChoice(String title, Optional<Path> folder, String fileName, List<Kind> kinds) {

    /** A kind of file: its name for the user and its patterns, such as {@code *.csv}. */
    public record Kind(String description, List<String> patterns) {

        public Kind {
            Objects.requireNonNull(description, "description");
            patterns = List.copyOf(patterns);
        }
    }

    public FileChoice {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(fileName, "fileName");
        kinds = List.copyOf(kinds);
    }
}
