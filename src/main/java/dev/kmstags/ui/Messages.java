package dev.kmstags.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;

/** The user-visible strings of the UI ({@code dev/kmstags/ui/messages.properties}), plain or formatted. */
public final class Messages {

    /** The bundle's base name, as FXML loaders need it. */
    public static final String BUNDLE = "dev.kmstags.ui.messages";

    private final ResourceBundle bundle;

    public Messages(ResourceBundle bundle) {
        this.bundle = Objects.requireNonNull(bundle, "bundle");
    }

    /** The strings for {@code locale}, falling back to English. */
    public static Messages load(Locale locale) {
        return new Messages(ResourceBundle.getBundle(BUNDLE, locale));
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    /** The string for {@code key}, as written. */
    public String get(String key) {
        return bundle.getString(key);
    }

    /** Whether the bundle has a string for {@code key}. */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The {@link MessageFormat} pattern for {@code key}, filled with {@code args}. */
    public String format(String key, Object... args) {
        return new MessageFormat(get(key), bundle.getLocale()).format(args);
    }
}
