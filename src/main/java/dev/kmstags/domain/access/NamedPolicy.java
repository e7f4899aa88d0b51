package dev.kmstags.domain.access;

import java.util.Objects;

/**
 * An identity policy as attached to a principal: its name (an inline policy's name, or a managed policy's) and its
 * document.
 */
public record NamedPolicy(String name, PolicyDocument document) {

    public NamedPolicy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(document, "document");
    }
}
