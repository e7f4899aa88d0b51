package dev.kmstags.ui.connection;

import java.util.Objects;

/**
 * One entry of the Region menu.
 *
 * @param id    the region, such as {@code eu-west-1}
 * @param label what the menu shows, such as {@code eu-west-1 · Europe (Ireland)}
 */
public record RegionItem(String id, String label) {

    public RegionItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
    }
}
