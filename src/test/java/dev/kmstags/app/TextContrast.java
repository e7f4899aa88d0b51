package dev.kmstags.app;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Measures how readable the text under a node is in a snapshot of its scene: for every shown {@link Text}, the
 * WCAG contrast ratio between the colour it is filled with and the background actually painted behind it (the
 * most frequent colour in the text's box), and between that background and the strongest glyph pixel drawn.
 * Normal text needs 4.5:1; icons (WCAG's non-text contrast) and secondary text (italic, struck out or smaller than
 * the default font, as old values and placeholders are drawn) need 3:1.
 */
final class TextContrast {

    /** WCAG 2 AA for normal text. */
    static final double NORMAL = 4.5;
    /** WCAG 2 AA for large text and for icons; what the app asks of deliberately dimmed secondary text. */
    static final double SECONDARY = 3.0;

    /** One measured text. */
    record Sample(String text, String where, boolean secondary, Color fill, Color background, double fillRatio,
                  double glyphRatio) {

        double required() {
            return secondary ? SECONDARY : NORMAL;
        }

        /** Readable when the fill stands out from the painted background, and the glyphs were drawn in it. */
        boolean readable() {
            return fillRatio >= required() && glyphRatio >= required() * GLYPH_SHARE;
        }

        @Override
        public String toString() {
            return String.format("\"%s\" in %s: fill %s on %s, %.2f:1 (glyphs %.2f:1), needs %.1f", text, where,
                    hex(fill), hex(background), fillRatio, glyphRatio, required());
        }
    }

    /**
     * Anti-aliased stems of small text rarely reach the full fill colour on any pixel; the strongest glyph pixel must
     * still reach this share of the required ratio, so text drawn faded (by opacity or a dimmed parent) fails.
     */
    private static final double GLYPH_SHARE = 0.75;

    private TextContrast() {
    }

    /** Every shown, non-blank text under {@code root} wholly inside {@code clip}, measured in {@code image}. */
    static List<Sample> measure(Image image, Parent root, Bounds clip) {
        List<Sample> samples = new ArrayList<>();
        collect(root, image, clip, samples);
        return samples;
    }

    private static void collect(Node node, Image image, Bounds clip, List<Sample> samples) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        if (node instanceof Text text) {
            measureText(text, image, clip).ifPresent(samples::add);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, image, clip, samples);
            }
        }
    }

    private static Optional<Sample> measureText(Text text, Image image, Bounds clip) {
        String content = text.getText();
        if (content == null || content.isBlank() || !(text.getFill() instanceof Color fill)) {
            return Optional.empty();
        }
        Bounds bounds = text.localToScene(text.getBoundsInLocal());
        if (!clip.contains(bounds)) {
            // A row scrolled half out of view: what shows of it may be background only.
            return Optional.empty();
        }
        int minX = (int) Math.ceil(Math.max(bounds.getMinX(), clip.getMinX()));
        int maxX = (int) Math.floor(Math.min(bounds.getMaxX(), clip.getMaxX())) - 1;
        int minY = (int) Math.ceil(Math.max(bounds.getMinY(), clip.getMinY()));
        int maxY = (int) Math.floor(Math.min(bounds.getMaxY(), clip.getMaxY())) - 1;
        maxX = Math.min(maxX, (int) image.getWidth() - 1);
        maxY = Math.min(maxY, (int) image.getHeight() - 1);
        if (maxX - minX < 3 || maxY - minY < 3) {
            return Optional.empty();
        }
        PixelReader pixels = image.getPixelReader();
        Map<Integer, Integer> counts = new HashMap<>();
        for (int y = minY; y <= maxY; y++) {
            for (int x = minX; x <= maxX; x++) {
                counts.merge(pixels.getArgb(x, y), 1, Integer::sum);
            }
        }
        int backgroundArgb = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        Color background = argb(backgroundArgb);
        double glyphRatio = 1;
        for (int argb : counts.keySet()) {
            glyphRatio = Math.max(glyphRatio, ratio(argb(argb), background));
        }
        Color shownFill = over(fill, background);
        String style = text.getFont().getStyle().toLowerCase(java.util.Locale.ROOT);
        boolean secondary = text instanceof FontIcon || style.contains("italic") || style.contains("oblique")
                || text.isStrikethrough() || text.getFont().getSize() < 0.9 * Font.getDefault().getSize();
        return Optional.of(new Sample(content, where(text), secondary, fill, background,
                ratio(shownFill, background), glyphRatio));
    }

    /** The style classes and pseudo-classes from the text up to its row, so a failure says which state it was. */
    private static String where(Node node) {
        StringBuilder path = new StringBuilder();
        for (Node at = node.getParent(); at != null; at = at.getParent()) {
            if (!at.getStyleClass().isEmpty()) {
                path.insert(0, " > " + String.join(".", at.getStyleClass()) + at.getPseudoClassStates());
            }
            if (at.getStyleClass().contains("table-row-cell")) {
                break;
            }
        }
        return path.length() > 3 ? path.substring(3) : "?";
    }

    private static Color argb(int argb) {
        return Color.rgb((argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff, ((argb >>> 24) & 0xff) / 255.0);
    }

    /** {@code top} painted over an opaque {@code bottom}. */
    private static Color over(Color top, Color bottom) {
        double a = top.getOpacity();
        return Color.color(top.getRed() * a + bottom.getRed() * (1 - a),
                top.getGreen() * a + bottom.getGreen() * (1 - a),
                top.getBlue() * a + bottom.getBlue() * (1 - a));
    }

    /** The WCAG 2 contrast ratio of two opaque colours, from 1 (same) to 21 (black on white). */
    static double ratio(Color one, Color other) {
        double a = luminance(one);
        double b = luminance(other);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    private static double luminance(Color color) {
        return 0.2126 * channel(color.getRed()) + 0.7152 * channel(color.getGreen())
                + 0.0722 * channel(color.getBlue());
    }

    private static double channel(double value) {
        return value <= 0.03928 ? value / 12.92 : Math.pow((value + 0.055) / 1.055, 2.4);
    }

    private static String hex(Color color) {
        return String.format("#%02x%02x%02x", Math.round(color.getRed() * 255), Math.round(color.getGreen() * 255),
                Math.round(color.getBlue() * 255));
    }
}
