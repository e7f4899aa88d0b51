package dev.kmstags.profiles;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The sentences of this package, from {@code dev/kmstags/profiles/messages.properties}. */
final class ProfileMessages {

    private static final String BUNDLE = "dev.kmstags.profiles.messages";

    private ProfileMessages() {
    }

    static String format(String key, Object... args) {
        Locale locale = Locale.getDefault();
        return new MessageFormat(ResourceBundle.getBundle(BUNDLE, locale).getString(key), locale).format(args);
    }
}
