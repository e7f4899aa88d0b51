package dev.kmstags.ui.bulk;

import java.util.List;

/**
 * A key the pending steps cannot write until the user settles something, in words; or, with no key, a problem of a
 * step itself (an invalid regular expression).
 *
 * @param keyId    the key; empty for a problem of a step
 * @param text     "alias/legacy-vault: The key would carry 51 tags…"
 * @param target   for clashing spelling variants, the tag key they merge into; else empty
 * @param choices  for clashing spelling variants, the values the user can choose from; else empty
 */
public record BulkKeyProblem(String keyId, String text, String target, List<String> choices) {

    public BulkKeyProblem {
        choices = List.copyOf(choices);
    }
}
