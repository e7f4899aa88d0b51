package dev.kmstags.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataLocationTest {

    private final Path home = Path.of("/home/ana");

    @Test
    void linuxUsesXdgDataHomeOrItsDefault() {
        assertThat(DataLocation.defaultDataFile("Linux", Map.of(), home))
                .isEqualTo(Path.of("/home/ana/.local/share/kms-tag-manager/local-kms.db"));
        assertThat(DataLocation.defaultDataFile("Linux", Map.of("XDG_DATA_HOME", "/data"), home))
                .isEqualTo(Path.of("/data/kms-tag-manager/local-kms.db"));
    }

    @Test
    void macOsUsesApplicationSupport() {
        assertThat(DataLocation.defaultDataFile("Mac OS X", Map.of(), home))
                .isEqualTo(Path.of("/home/ana/Library/Application Support/KMS Tag Manager/local-kms.db"));
    }

    @Test
    void windowsUsesAppData() {
        assertThat(DataLocation.defaultDataFile("Windows 11", Map.of("APPDATA", "/roaming"), home))
                .isEqualTo(Path.of("/roaming/KMS Tag Manager/local-kms.db"));
    }
}
