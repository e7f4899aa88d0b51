package dev.kmstags.ui.common;

import java.util.List;
import java.util.Objects;
import javafx.scene.image.Image;

/** The app icon in the sizes rendered from {@code icons/kms-tag-manager.svg}, for windows and the About dialog. */
public final class AppIcons {

    private static final int[] SIZES = {16, 32, 48, 64, 128, 256};

    private AppIcons() {
    }

    /** Every size, so the window system can pick the one it shows (title bar, task bar, switcher). */
    public static List<Image> all() {
        return java.util.Arrays.stream(SIZES).mapToObj(AppIcons::ofSize).toList();
    }

    /** The icon at {@code size} pixels; one of 16, 32, 48, 64, 128 and 256. */
    public static Image ofSize(int size) {
        String path = "/dev/kmstags/icons/kms-tag-manager-" + size + ".png";
        return new Image(Objects.requireNonNull(AppIcons.class.getResource(path), path).toExternalForm());
    }
}
