package dev.kmstags.profiles;

import java.util.HashMap;
import java.util.Map;
import java.util.prefs.AbstractPreferences;
import java.util.prefs.Preferences;

/**
 * A {@link Preferences} tree kept in memory and forgotten with it: for runs that must not read or write the
 * user's own preferences, such as the packaged app's self-check and the tests.
 */
public final class MemoryPreferences extends AbstractPreferences {

    private final Map<String, String> values = new HashMap<>();
    private final Map<String, MemoryPreferences> children = new HashMap<>();

    private MemoryPreferences(MemoryPreferences parent, String name) {
        super(parent, name);
    }

    /** A new, empty root node. */
    public static Preferences newRoot() {
        return new MemoryPreferences(null, "");
    }

    @Override
    protected void putSpi(String key, String value) {
        values.put(key, value);
    }

    @Override
    protected String getSpi(String key) {
        return values.get(key);
    }

    @Override
    protected void removeSpi(String key) {
        values.remove(key);
    }

    @Override
    protected void removeNodeSpi() {
        values.clear();
    }

    @Override
    protected String[] keysSpi() {
        return values.keySet().toArray(String[]::new);
    }

    @Override
    protected String[] childrenNamesSpi() {
        return children.keySet().toArray(String[]::new);
    }

    @Override
    protected AbstractPreferences childSpi(String name) {
        return children.computeIfAbsent(name, child -> new MemoryPreferences(this, child));
    }

    @Override
    protected void syncSpi() {
        // Nothing is stored anywhere.
    }

    @Override
    protected void flushSpi() {
        // Nothing is stored anywhere.
    }
}
