package dev.kmstags.ui.keylist;

import dev.kmstags.domain.KeyManager;
import dev.kmstags.domain.KeyStates;
import dev.kmstags.domain.KeySummary;
import dev.kmstags.ui.common.DateFormats;
import dev.kmstags.ui.common.Messages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Made-up rows of every kind the key list shows (every state tone, read-only keys, keys without alias or
 * description, a key KMS would not describe, aliases not listed yet), for laying the table out before real keys
 * arrive. They are never shown to the user.
 */
final class SampleKeyRows {

    private static final String ARN_PREFIX = "arn:aws:kms:us-east-1:111122223333:key/";
    private static final Instant CREATED = Instant.parse("2025-01-01T00:00:00Z");

    private SampleKeyRows() {
    }

    /** {@code count} rows, the kinds in turn. */
    static List<KeyRowViewModel> of(int count, Messages messages, DateFormats dates) {
        List<KeyRowViewModel> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String keyId = String.format(Locale.ROOT, "%08x-0000-4000-8000-%012x", i, i);
            rows.add(switch (i % 8) {
                case 0 -> new KeyRowViewModel(key(keyId, List.of("alias/sample-" + i), "Sample key " + i,
                        KeyStates.ENABLED, KeyManager.CUSTOMER), messages, dates);
                case 1 -> new KeyRowViewModel(key(keyId, List.of("alias/sample-" + i, "alias/other-" + i), "",
                        KeyStates.DISABLED, KeyManager.CUSTOMER), messages, dates);
                case 2 -> new KeyRowViewModel(key(keyId, List.of(), "Sample key " + i,
                        KeyStates.PENDING_DELETION, KeyManager.CUSTOMER), messages, dates);
                case 3 -> new KeyRowViewModel(key(keyId, List.of("alias/aws/sample" + i), "Sample AWS managed key",
                        KeyStates.ENABLED, KeyManager.AWS), messages, dates);
                case 4 -> new KeyRowViewModel(key(keyId, List.of(), "Sample key " + i,
                        KeyStates.CREATING, KeyManager.CUSTOMER), messages, dates);
                case 5 -> new KeyRowViewModel(KeySummary.undescribed(keyId, ARN_PREFIX + keyId, List.of()),
                        messages, dates);
                case 6 -> new KeyRowViewModel(key(keyId, List.of(), "Sample key " + i,
                        KeyStates.ENABLED, KeyManager.CUSTOMER), false, messages, dates);
                default -> new KeyRowViewModel(key(keyId, List.of("alias/sample-" + i), "Sample key " + i,
                        KeyStates.UNAVAILABLE, KeyManager.CUSTOMER), messages, dates);
            });
        }
        return rows;
    }

    private static KeySummary key(String keyId, List<String> aliases, String description, String state,
                                  KeyManager manager) {
        return new KeySummary(keyId, ARN_PREFIX + keyId, aliases, description, state, manager, CREATED);
    }
}
