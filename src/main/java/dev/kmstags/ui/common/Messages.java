package dev.kmstags.ui.common;

import dev.kmstags.domain.policy.PolicyWords;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/** The user-visible strings of the UI ({@code dev/kmstags/ui/messages.properties}), plain or formatted. */
public final class Messages {

    /** The bundle's base name, as FXML loaders need it. */
    public static final String BUNDLE = "dev.kmstags.ui.messages";

    /** Shorter texts are quoted whole: cutting them would save less than the note of their length adds. */
    static final int CUT_WHEN_LONGER = 60;
    static final int KEPT_WHEN_CUT = 40;

    private final ResourceBundle bundle;
    /** Each pattern parsed once: a panel of many keys formats the same few patterns a thousand times. */
    private final Map<String, MessageFormat> formats = new ConcurrentHashMap<>();

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

    /**
     * A user's tag key or value as messages quote it: whole when short, else its first {@value #KEPT_WHEN_CUT}
     * characters and its length ("Owner-of-the-… (129 characters)"). Every message that quotes a key or value goes
     * through here, so a long one never floods a dialog or the status bar.
     */
    public String shortened(String text) {
        int length = text.codePointCount(0, text.length());
        if (length <= CUT_WHEN_LONGER) {
            return text;
        }
        return format("text.cut", text.substring(0, text.offsetByCodePoints(0, KEPT_WHEN_CUT)), length);
    }

    /**
     * The tag policy's sentences in the language of these messages, with tag keys and values cut as every message
     * cuts them ({@link #shortened}); the command line prints the same sentences whole.
     */
    public PolicyWords policyWords() {
        return new PolicyWords(bundle.getLocale(), this::shortened);
    }

    /** The {@link MessageFormat} pattern for {@code key}, filled with {@code args}. */
    public String format(String key, Object... args) {
        MessageFormat parsed = formats.computeIfAbsent(key, k -> new MessageFormat(get(k), bundle.getLocale()));
        // A MessageFormat is not safe to share between threads; a copy of the parsed one is cheap.
        return ((MessageFormat) parsed.clone()).format(args);
    }
}
