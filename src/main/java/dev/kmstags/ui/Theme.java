package dev.kmstags.ui;

/** The app's colour themes. */
public enum Theme {
    LIGHT,
    DARK
}
