package dev.kmstags.local;

import dev.kmstags.domain.KeyStates;
import dev.kmstags.domain.Tag;
import dev.kmstags.local.service.KmsAccount;
import dev.kmstags.local.store.SqliteKeyStore;
import dev.kmstags.local.store.StoreSession;
import dev.kmstags.local.store.StoredAlias;
import dev.kmstags.local.store.StoredKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The small, realistic account an empty store starts with, in us-east-1 and eu-west-1: customer keys with aliases,
 * descriptions and a spread of tags (one near the 50-tag limit, one with an empty value), a disabled key, a key
 * pending deletion, and AWS managed keys.
 */
final class DemoAccount {

    static final String US_EAST_1 = "us-east-1";
    static final String EU_WEST_1 = "eu-west-1";

    private final Clock clock;

    DemoAccount(Clock clock) {
        this.clock = clock;
    }

    /** Writes the demo account in one transaction if the store has no keys; says whether it did. */
    boolean seedIfEmpty(SqliteKeyStore store) {
        return store.write(session -> {
            if (session.keyCount() > 0) {
                return false;
            }
            seedUsEast1(new Region(session, US_EAST_1));
            seedEuWest1(new Region(session, EU_WEST_1));
            return true;
        });
    }

    /**
     * The demo account's effective tag policy, as DescribeEffectivePolicy answers it: CostCenter values enforced
     * for KMS keys, the capitalization and values of Environment (reported only), and Owner required.
     */
    static String tagPolicy() {
        try (InputStream in = DemoAccount.class.getResourceAsStream("demo-tag-policy.json")) {
            if (in == null) {
                throw new IllegalStateException("The demo tag policy is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void seedUsEast1(Region r) {
        r.customerKey("Payments service: card data at rest", 610, KeyStates.ENABLED,
                List.of("alias/payments-prod"),
                tags("Environment", "production", "Team", "payments", "CostCenter", "CC-1042",
                        "DataClassification", "confidential", "Owner", "payments-oncall@example.com",
                        "Compliance", "PCI-DSS"));
        r.customerKey("Orders database (Aurora) encryption", 540, KeyStates.ENABLED,
                List.of("alias/orders-db"),
                tags("Environment", "production", "Team", "commerce", "Application", "orders", "Backup", "daily"));
        r.customerKey("Analytics staging bucket", 200, KeyStates.ENABLED,
                List.of("alias/analytics-staging"),
                tags("Environment", "staging", "Team", "data", "Project", "lakehouse", "Temporary", ""));
        r.customerKey("CI build artifacts and caches", 420, KeyStates.ENABLED,
                List.of("alias/ci-artifacts", "alias/build-cache"),
                tags("Environment", "shared", "Team", "platform", "ManagedBy", "terraform"));
        r.customerKey("Migrated from the legacy key vault", 700, KeyStates.ENABLED,
                List.of("alias/legacy-vault"), nearlyFullTagSet());
        r.customerKey("Old reporting key, replaced by alias/analytics-staging", 900, KeyStates.DISABLED,
                List.of("alias/reporting-old"),
                tags("Environment", "production", "Team", "data", "RetireAfter", "2026-12-31"));
        r.pendingDeletion("Experiment, no longer used", 120, 30, List.of("alias/tmp-experiment"),
                tags("Environment", "dev", "Owner", "jdoe"));
        r.key("Signs release artifacts", 300, KeyStates.ENABLED, "SIGN_VERIFY", "RSA_2048", "CUSTOMER",
                List.of("alias/release-signing"), tags("Team", "platform", "Purpose", "code-signing"));
        r.key("Webhook signatures", 60, KeyStates.ENABLED, "GENERATE_VERIFY_MAC", "HMAC_256", "CUSTOMER",
                List.of("alias/webhook-hmac"), tags("Team", "integrations", "Environment", "production"));
        r.customerKey("", 30, KeyStates.ENABLED, List.of(), List.of());
        r.awsManaged("Default key that protects my S3 objects when no other key is defined", 800, "alias/aws/s3");
        r.awsManaged("Default key that protects my EBS volumes when no other key is defined", 780, "alias/aws/ebs");
        r.predefinedAlias("alias/aws/lambda");
    }

    private void seedEuWest1(Region r) {
        r.customerKey("Payments service (EU): card data at rest", 400, KeyStates.ENABLED,
                List.of("alias/payments-eu"),
                tags("Environment", "production", "Team", "payments", "DataResidency", "EU",
                        "CostCenter", "CC-1042"));
        r.customerKey("Customer data exports", 150, KeyStates.ENABLED, List.of("alias/customer-exports"),
                tags("Environment", "production", "Team", "support", "GDPR", "true", "Retention", "90d"));
        r.customerKey("Load test fixtures", 90, KeyStates.DISABLED, List.of("alias/loadtest"),
                tags("Environment", "test", "Team", "performance"));
        r.awsManaged("Default key that protects my S3 objects when no other key is defined", 500, "alias/aws/s3");
        r.awsManaged("Default key that protects my EBS volumes when no other key is defined", 480, "alias/aws/ebs");
    }

    private static List<Tag> nearlyFullTagSet() {
        List<Tag> tags = new ArrayList<>(tags("Environment", "production", "Team", "security"));
        for (int i = 1; tags.size() < 48; i++) {
            tags.add(new Tag("legacy:attribute-%02d".formatted(i), "imported value %d".formatted(i)));
        }
        return tags;
    }

    private static List<Tag> tags(String... keysAndValues) {
        List<Tag> tags = new ArrayList<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            tags.add(new Tag(keysAndValues[i], keysAndValues[i + 1]));
        }
        return tags;
    }

    /** Writes the keys of one region. */
    private final class Region {

        private final StoreSession session;
        private final String name;

        Region(StoreSession session, String name) {
            this.session = session;
            this.name = name;
        }

        void customerKey(String description, int ageDays, String state, List<String> aliases, List<Tag> tags) {
            key(description, ageDays, state, "ENCRYPT_DECRYPT", "SYMMETRIC_DEFAULT", "CUSTOMER", aliases, tags);
        }

        void awsManaged(String description, int ageDays, String alias) {
            key(description, ageDays, KeyStates.ENABLED, "ENCRYPT_DECRYPT", "SYMMETRIC_DEFAULT", "AWS",
                    List.of(alias), List.of());
        }

        void pendingDeletion(String description, int ageDays, int windowDays, List<String> aliases, List<Tag> tags) {
            StoredKey key = key(description, ageDays, KeyStates.ENABLED, "ENCRYPT_DECRYPT", "SYMMETRIC_DEFAULT",
                    "CUSTOMER", aliases, tags);
            long deletion = clock.instant().plus(Duration.ofDays(windowDays)).getEpochSecond();
            session.updateKey(key.withDeletion(KeyStates.PENDING_DELETION, deletion, windowDays));
        }

        StoredKey key(String description, int ageDays, String state, String usage, String spec, String manager,
                      List<String> aliases, List<Tag> tags) {
            long created = clock.instant().minus(Duration.ofDays(ageDays)).getEpochSecond();
            StoredKey key = new StoredKey(UUID.randomUUID().toString(), name, KmsAccount.ACCOUNT_ID, created,
                    description, usage, spec, state, manager, "AWS_KMS", null, null);
            session.insertKey(key);
            session.putTags(key.keyId(), tags);
            for (String alias : aliases) {
                session.insertAlias(new StoredAlias(name, alias, key.keyId(), created, created));
            }
            return key;
        }

        void predefinedAlias(String alias) {
            long now = clock.instant().getEpochSecond();
            session.insertAlias(new StoredAlias(name, alias, null, now, now));
        }
    }
}
