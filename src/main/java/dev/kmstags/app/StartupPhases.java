package dev.kmstags.app;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * When each phase of the app's start was reached, as wall-clock milliseconds, so a benchmark that started the process
 * can tell where the time to the first keys goes. The self-check prints them (see {@link SelfCheck}); nothing else
 * reads them. Each phase keeps the first time it was reached.
 */
final class StartupPhases {

    /** The phases in the order they are normally reached. */
    enum Phase {
        /** {@code main} has handed over to JavaFX's launcher. */
        LAUNCH("launch"),
        /** The JavaFX toolkit runs and calls the app's {@code start}. */
        TOOLKIT("toolkit"),
        /** The window has been shown with its layout (the first layout pass after {@code show} is done). */
        WINDOW("window"),
        /** The bundled backend answers. */
        BACKEND("backend"),
        /** The KMS client of the first connection is built. */
        CLIENT("client"),
        /** The key list shows its first keys. */
        FIRST_KEYS("firstKeys"),
        /** The key list has loaded every key with its tags. */
        LOADED("loaded");

        private final String label;

        Phase(String label) {
            this.label = label;
        }
    }

    private static final Map<Phase, Long> REACHED = new EnumMap<>(Phase.class);

    private StartupPhases() {
    }

    /** Notes that {@code phase} is reached now, unless it was reached before. */
    static void reached(Phase phase) {
        long now = System.currentTimeMillis();
        synchronized (REACHED) {
            REACHED.putIfAbsent(phase, now);
        }
    }

    /** The phases reached so far, in the order of {@link Phase}, as {@code label=epochMillis} pairs. */
    static String summary() {
        synchronized (REACHED) {
            return REACHED.entrySet().stream().map(entry -> entry.getKey().label + "=" + entry.getValue())
                    .collect(Collectors.joining(" "));
        }
    }
}
