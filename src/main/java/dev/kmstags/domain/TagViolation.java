package dev.kmstags.domain;

/**
 * A broken {@link TagRule}: which rule, the position of the tag in its list ({@code -1} when the whole set is at
 * fault, as for too many tags) and the text that broke it.
 */
public record TagViolation(TagRule rule, int index, String offendingText) {
}
