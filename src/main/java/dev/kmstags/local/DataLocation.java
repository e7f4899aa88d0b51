package dev.kmstags.local;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the bundled backend keeps its SQLite file by default: the user's data directory of each OS (XDG on
 * Linux, Application Support on macOS, %APPDATA% on Windows).
 */
public final class DataLocation {

    static final String APP_DIRECTORY = "kms-tag-manager";
    static final String FILE_NAME = "local-kms.db";

    private DataLocation() {
    }

    /** The default data file for this user on this OS. */
    public static Path defaultDataFile() {
        return defaultDataFile(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static Path defaultDataFile(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        Path directory;
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            directory = (appData == null || appData.isBlank() ? home.resolve("AppData").resolve("Roaming") : Path.of(appData))
                    .resolve("KMS Tag Manager");
        } else if (os.startsWith("mac")) {
            directory = home.resolve("Library").resolve("Application Support").resolve("KMS Tag Manager");
        } else {
            String xdg = env.get("XDG_DATA_HOME");
            directory = (xdg == null || xdg.isBlank() ? home.resolve(".local").resolve("share") : Path.of(xdg))
                    .resolve(APP_DIRECTORY);
        }
        return directory.resolve(FILE_NAME);
    }
}
