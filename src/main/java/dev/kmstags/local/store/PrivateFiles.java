package dev.kmstags.local.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Creates the data file and its missing folders so that only their user can read them (0600 and 0700 on POSIX
 * file systems): the file holds the secret list markers are signed with. SQLite gives its journal files the mode of
 * the data file. What exists already is left as it is.
 */
final class PrivateFiles {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final FileAttribute<Set<PosixFilePermission>> FOLDER_MODE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    private static final FileAttribute<Set<PosixFilePermission>> FILE_MODE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private PrivateFiles() {
    }

    /** Creates {@code file}'s missing folders (0700) and, if missing, the empty file itself (0600). */
    static void create(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path folder = absolute.getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            if (POSIX) {
                Files.createDirectories(folder, FOLDER_MODE);
            } else {
                Files.createDirectories(folder);
            }
        }
        if (POSIX && !Files.exists(absolute)) {
            try {
                Files.createFile(absolute, FILE_MODE);
            } catch (FileAlreadyExistsException e) {
                // made meanwhile by someone else: theirs to keep as it is
            }
        }
    }
}
