package dev.kmstags.app;

import java.util.logging.Filter;
import java.util.logging.Logger;
import javafx.application.Platform;

/**
 * Keeps JavaFX's "Unsupported JavaFX configuration: classes were loaded from 'unnamed module'" off the console of
 * {@code java -jar}, which loads JavaFX from the class path (a jar's manifest cannot name a module path); the
 * installed app links JavaFX as modules and never gets it. JavaFX's other messages pass as before
 * (docs/decisions/0012-javafx-class-path-notice-filtered.md).
 */
final class ClassPathJavaFxNotice {

    /** The logger JavaFX's platform messages go to, through {@code System.Logger} and java.util.logging. */
    static final String JAVAFX_LOGGER = "javafx";
    static final String MESSAGE_START = "Unsupported JavaFX configuration: classes were loaded from";

    /** java.util.logging keeps its loggers only weakly: held here, the filter stays on the logger. */
    private static Logger javafxLogger;

    private ClassPathJavaFxNotice() {
    }

    /** Hides the notice when JavaFX is loaded from the class path; does nothing when it runs as named modules. */
    static synchronized void hideWhenOnTheClassPath() {
        if (Platform.class.getModule().isNamed() || javafxLogger != null) {
            return;
        }
        javafxLogger = Logger.getLogger(JAVAFX_LOGGER);
        javafxLogger.setFilter(withoutTheNotice(javafxLogger.getFilter()));
    }

    /** A filter that drops the class path notice and passes everything else on to {@code next} (may be null). */
    static Filter withoutTheNotice(Filter next) {
        return record -> {
            String message = record.getMessage();
            if (message != null && message.startsWith(MESSAGE_START)) {
                return false;
            }
            return next == null || next.isLoggable(record);
        };
    }
}
