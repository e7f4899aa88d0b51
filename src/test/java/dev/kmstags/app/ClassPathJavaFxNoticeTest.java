package dev.kmstags.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** JavaFX's class path notice is hidden; its other messages reach the log as before. */
class ClassPathJavaFxNoticeTest {

    @Test
    void onlyTheClassPathNoticeIsHiddenFromJavaFxsLogger() {
        ClassPathJavaFxNotice.hideWhenOnTheClassPath();
        List<String> logged = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger javafx = Logger.getLogger(ClassPathJavaFxNotice.JAVAFX_LOGGER);
        javafx.addHandler(handler);
        try {
            // As JavaFX logs: through System.Logger, from a class of the unnamed module.
            System.Logger platform = System.getLogger(ClassPathJavaFxNotice.JAVAFX_LOGGER);
            platform.log(System.Logger.Level.WARNING,
                    "Unsupported JavaFX configuration: classes were loaded from 'unnamed module @3c153a1'");
            platform.log(System.Logger.Level.WARNING, "Another warning of JavaFX");
        } finally {
            javafx.removeHandler(handler);
        }

        assertThat(logged).containsExactly("Another warning of JavaFX");
    }

    @Test
    void aFilterAlreadyOnTheLoggerStillDecidesAboutOtherMessages() {
        LogRecord other = new LogRecord(java.util.logging.Level.WARNING, "Another warning of JavaFX");

        assertThat(ClassPathJavaFxNotice.withoutTheNotice(record -> false).isLoggable(other)).isFalse();
        assertThat(ClassPathJavaFxNotice.withoutTheNotice(record -> true).isLoggable(other)).isTrue();
        assertThat(ClassPathJavaFxNotice.withoutTheNotice(null).isLoggable(other)).isTrue();
    }
}
