package dev.kmstags.ui.common;

import dev.kmstags.domain.KeyManager;
import dev.kmstags.domain.KeySummary;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Keys and settings the ViewModel tests share. */
public final class TestKeys {

    public static final Messages MESSAGES = Messages.load(Locale.ROOT);
    public static final DateFormats DATES = new DateFormats(
            DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC),
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC));

    public static final KeySummary PAYMENTS = key("1111aaaa-0000-4000-8000-000000000001", List.of("alias/payments-prod"),
            "Payments service: card data at rest", "Enabled", KeyManager.CUSTOMER);
    public static final KeySummary REPORTING = key("2222bbbb-0000-4000-8000-000000000002", List.of("alias/reporting-old"),
            "Old reporting key", "Disabled", KeyManager.CUSTOMER);
    public static final KeySummary EXPERIMENT = key("3333cccc-0000-4000-8000-000000000003",
            List.of("alias/tmp-experiment"), "Experiment, no longer used", "PendingDeletion", KeyManager.CUSTOMER);
    public static final KeySummary AWS_S3 = key("4444dddd-0000-4000-8000-000000000004", List.of("alias/aws/s3"),
            "Default key that protects my S3 objects", "Enabled", KeyManager.AWS);
    public static final KeySummary NO_ALIAS = key("5555eeee-0000-4000-8000-000000000005", List.of(), "", "Enabled",
            KeyManager.CUSTOMER);

    private TestKeys() {
    }

    public static KeySummary key(String keyId, List<String> aliases, String description, String state,
                                 KeyManager manager) {
        return new KeySummary(keyId, "arn:aws:kms:us-east-1:111122223333:key/" + keyId, aliases, description,
                state, manager, Instant.parse("2025-03-05T14:22:00Z"));
    }
}
