package dev.kmstags.profiles;

import java.util.Objects;

/**
 * A region the user can pick.
 *
 * @param id          such as {@code us-east-1}
 * @param description such as {@code US East (N. Virginia)}; empty for a region the SDK does not know
 */
public record RegionChoice(String id, String description) {

    public RegionChoice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
    }
}
