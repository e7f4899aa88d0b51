package dev.kmstags.ui.common;

/** The app's colour themes. */
public enum Theme {
    LIGHT,
    DARK
}
