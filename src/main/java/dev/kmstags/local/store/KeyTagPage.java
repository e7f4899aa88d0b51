package dev.kmstags.local.store;

import dev.kmstags.domain.Tag;
import java.util.List;

/**
 * A key's region and a page of its tags, read together.
 *
 * @param keyId  the key ID
 * @param region the region the key lives in
 * @param tags   the page of tags, ordered by tag key
 */
public record KeyTagPage(String keyId, String region, List<Tag> tags) implements Regional {

    public KeyTagPage {
        tags = List.copyOf(tags);
    }
}
