package dev.kmstags.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A tag someone else changed while the user was editing: its value when the edit started ({@code original}), in
 * KMS now ({@code theirs}) and in the editor ({@code yours}). A null value means the tag is absent there.
 */
public record TagConflict(String key, String original, String theirs, String yours) {

    /** The tags whose value in KMS ({@code theirs}) is no longer the one the edit started from. */
    public static List<TagConflict> between(Map<String, String> original, Map<String, String> theirs,
                                            List<Tag> yours) {
        Map<String, String> yourValues = new LinkedHashMap<>();
        yours.forEach(tag -> yourValues.put(tag.key(), tag.value()));
        Set<String> keys = new LinkedHashSet<>(original.keySet());
        keys.addAll(theirs.keySet());
        List<TagConflict> conflicts = new ArrayList<>();
        for (String key : keys) {
            if (!Objects.equals(original.get(key), theirs.get(key))) {
                conflicts.add(new TagConflict(key, original.get(key), theirs.get(key), yourValues.get(key)));
            }
        }
        return conflicts;
    }
}
