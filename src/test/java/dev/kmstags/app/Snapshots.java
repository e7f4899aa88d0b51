package dev.kmstags.app;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Saves what a scene shows as a PNG under {@code target/screenshots}, for a person to look at. Copies the pixels
 * into an AWT image itself, so the tests need no javafx-swing.
 */
final class Snapshots {

    static final Path FOLDER = Path.of("target", "screenshots");

    private Snapshots() {
    }

    static Path save(Scene scene, String name) throws IOException {
        WritableImage image = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)));
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage copy = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                copy.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Files.createDirectories(FOLDER);
        Path file = FOLDER.resolve(name + ".png");
        ImageIO.write(copy, "png", file.toFile());
        return file;
    }
}
