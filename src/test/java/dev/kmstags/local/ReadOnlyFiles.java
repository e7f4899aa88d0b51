package dev.kmstags.local;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Makes a file read-only for this process in a way that holds even for root, who ignores {@code chmod 444}: the
 * mode is set to {@code r--r--r--} and, when this process can still write the file (it runs as root), the file is
 * also marked immutable with {@code chattr +i} (Linux, ext4 and the like). The test is skipped where neither holds.
 */
final class ReadOnlyFiles {

    private ReadOnlyFiles() {
    }

    /** @return whether {@code chattr +i} was needed, so {@link #release} must undo it */
    static boolean makeReadOnly(Path file) throws IOException, InterruptedException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        if (!canWrite(file)) {
            return false;
        }
        Process chattr = new ProcessBuilder("chattr", "+i", file.toString()).redirectErrorStream(true).start();
        chattr.getInputStream().readAllBytes();
        Assumptions.assumeTrue(chattr.waitFor(30, TimeUnit.SECONDS) && chattr.exitValue() == 0 && !canWrite(file),
                "this user can write a chmod 444 file and chattr +i is not available");
        return true;
    }

    /** Undoes {@code chattr +i}, so the temporary directory can be deleted. */
    static void release(Path file) throws IOException, InterruptedException {
        Process chattr = new ProcessBuilder("chattr", "-i", file.toString()).redirectErrorStream(true).start();
        chattr.getInputStream().readAllBytes();
        chattr.waitFor(30, TimeUnit.SECONDS);
    }

    private static boolean canWrite(Path file) {
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
