package dev.kmstags.ui.common;

import java.util.Locale;

/** How a status reads at a glance; views style it with the pseudo-class of the same name. */
public enum Tone {
    POSITIVE,
    NEUTRAL,
    WARNING,
    NEGATIVE;

    /** The CSS pseudo-class for this tone, such as {@code positive}. */
    public String pseudoClassName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
