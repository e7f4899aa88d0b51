package dev.kmstags.domain;

import java.util.Objects;

/**
 * One tag on a KMS key: a case-sensitive key and its value (which may be empty).
 */
public record Tag(String key, String value) {

    public Tag {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
