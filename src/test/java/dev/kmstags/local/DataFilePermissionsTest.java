package dev.kmstags.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data file holds the marker-signing secret: what the backend creates, only its user may read. */
class DataFilePermissionsTest {

    @TempDir
    Path directory;

    @BeforeEach
    void posixOnly() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file modes");
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void aNewDataFileIs0600InNewFolders0700WithItsJournalFilesAlike() throws Exception {
        Path data = directory.resolve("made").resolve("by-us").resolve("kms.db");

        try (LocalKmsBackend backend = LocalKmsBackend.start(BackendOptions.defaults(data).withPort(0))) {
            assertThat(mode(data)).isEqualTo("rw-------");
            assertThat(mode(data.getParent())).isEqualTo("rwx------");
            assertThat(mode(data.getParent().getParent())).isEqualTo("rwx------");
            assertThat(mode(data.resolveSibling("kms.db-wal"))).isEqualTo("rw-------");
            assertThat(mode(data.resolveSibling("kms.db-shm"))).isEqualTo("rw-------");
            assertThat(backend.notices()).isEmpty();
        }
    }

    @Test
    void anExistingFolderIsLeftAsItIsAndAFileOthersCanReadIsPointedOut() throws Exception {
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path data = directory.resolve("kms.db");
        LocalKmsBackend.start(BackendOptions.defaults(data).withPort(0)).close();
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rw-r--r--"));

        try (LocalKmsBackend backend = LocalKmsBackend.start(BackendOptions.defaults(data).withPort(0))) {
            assertThat(mode(directory)).isEqualTo("rwxr-xr-x");
            assertThat(mode(data)).isEqualTo("rw-r--r--");
            assertThat(backend.notices()).containsExactly("The data file " + data + " can be read by other users"
                    + " (rw-r--r--); it holds the secret the backend signs its list markers with."
                    + " To keep it private: chmod 600 " + data);
        }
    }
}
