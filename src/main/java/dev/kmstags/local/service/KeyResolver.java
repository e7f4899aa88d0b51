package dev.kmstags.local.service;

import dev.kmstags.local.store.StoreSession;
import dev.kmstags.local.store.StoredAlias;
import dev.kmstags.local.store.StoredKey;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the key a request names, the way KMS reads identifiers: a key ID, a key ARN, and where the operation allows
 * it an alias name or alias ARN. Keys of another region do not exist for the request, as in AWS.
 */
final class KeyResolver {

    /** A key ID: a UUID, or a multi-Region key's {@code mrk-} ID. Not stricter than KMS. */
    private static final Pattern KEY_ID =
            Pattern.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32}");
    private static final String ALIAS_PREFIX = "alias/";
    private static final String KEY_PREFIX = "key/";

    private final StoreSession session;
    private final String region;

    KeyResolver(StoreSession session, String region) {
        this.session = session;
        this.region = region;
    }

    /** The key named by a key ID or key ARN; aliases are refused, as by TagResource and its kin. */
    StoredKey keyOnly(String identifier) {
        return resolve(identifier, false);
    }

    /** The key named by a key ID, key ARN, alias name or alias ARN, as DescribeKey accepts. */
    StoredKey keyOrAlias(String identifier) {
        return resolve(identifier, true);
    }

    /** Whether the text names an alias (by name or ARN) rather than a key. */
    static boolean namesAlias(String identifier) {
        return identifier.startsWith(ALIAS_PREFIX) || (identifier.startsWith("arn:") && identifier.contains(":alias/"));
    }

    private StoredKey resolve(String identifier, boolean aliasesAllowed) {
        if (identifier.startsWith(ALIAS_PREFIX)) {
            return aliasTarget(identifier, aliasesAllowed);
        }
        if (identifier.startsWith("arn:")) {
            return resolveArn(identifier, aliasesAllowed);
        }
        if (!KEY_ID.matcher(identifier).matches()) {
            throw KmsErrors.invalidKeyId(identifier);
        }
        return inThisRegion(identifier);
    }

    private StoredKey resolveArn(String arn, boolean aliasesAllowed) {
        String[] parts = arn.split(":", 6);
        if (parts.length < 6 || !"kms".equals(parts[2]) || parts[3].isEmpty() || parts[4].isEmpty()) {
            throw KmsErrors.malformedArn(arn);
        }
        String resource = parts[5];
        boolean alias = resource.startsWith(ALIAS_PREFIX);
        if (!alias && !resource.startsWith(KEY_PREFIX)) {
            throw KmsErrors.malformedArn(arn);
        }
        if (alias && !aliasesAllowed) {
            throw KmsErrors.aliasNotSupported();
        }
        if (!region.equals(parts[3])) {
            throw KmsErrors.arnOfOtherRegion(parts[3]);
        }
        if (!KmsAccount.ACCOUNT_ID.equals(parts[4])) {
            throw alias ? KmsErrors.aliasNotFound(arn) : KmsErrors.keyNotFound(arn);
        }
        if (alias) {
            return aliasTarget(resource, true);
        }
        return inThisRegion(resource.substring(KEY_PREFIX.length()));
    }

    private StoredKey aliasTarget(String aliasName, boolean aliasesAllowed) {
        if (!aliasesAllowed) {
            throw KmsErrors.aliasNotSupported();
        }
        Optional<StoredAlias> alias = session.findAlias(region, aliasName);
        if (alias.isEmpty() || alias.get().targetKeyId() == null) {
            throw KmsErrors.aliasNotFound(KmsAccount.aliasArn(region, aliasName));
        }
        return inThisRegion(alias.get().targetKeyId());
    }

    private StoredKey inThisRegion(String keyId) {
        return session.findKey(keyId)
                .filter(key -> key.region().equals(region))
                .orElseThrow(() -> KmsErrors.keyNotFound(KmsAccount.keyArn(region, keyId)));
    }
}
