package dev.kmstags.ui.common;

import dev.kmstags.kms.KmsConnection;
import dev.kmstags.kms.KmsServices;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * The connection the user chose, which the main window opens: what it is (for the status bar and the menus that
 * depend on it) and the work that opens it. Each choice is a new object, so choosing the same connection again
 * opens it again.
 */
public final class ChosenConnection {

    private final KmsConnection.Kind kind;
    private final String name;
    private final String region;
    private final Callable<? extends KmsServices> opening;

    /**
     * @param name    what the status bar and the title call it, such as a profile's name
     * @param opening opens it; may be slow (it may start the bundled backend), so it runs in the background
     */
    public ChosenConnection(KmsConnection.Kind kind, String name, String region,
                            Callable<? extends KmsServices> opening) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.name = Objects.requireNonNull(name, "name");
        this.region = Objects.requireNonNull(region, "region");
        this.opening = Objects.requireNonNull(opening, "opening");
    }

    public KmsConnection.Kind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public String region() {
        return region;
    }

    public Callable<? extends KmsServices> opening() {
        return opening;
    }

    @Override
    public String toString() {
        return kind + " " + name + " " + region;
    }
}
