package dev.kmstags.local.store;

/**
 * A key's status, and how many of its tags have none of the tag keys about to be put: what it keeps beside them.
 *
 * @param status    who manages the key and its state
 * @param tagsKept  how many of its tags a put of those tag keys leaves as they are
 */
public record KeyTagCount(KeyStatus status, int tagsKept) implements Regional {

    @Override
    public String region() {
        return status.region();
    }
}
