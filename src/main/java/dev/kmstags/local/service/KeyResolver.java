package dev.kmstags.local.service;

import dev.kmstags.local.store.KeyStatus;
import dev.kmstags.local.store.KeyTagCount;
import dev.kmstags.local.store.Regional;
import dev.kmstags.local.store.StoreSession;
import dev.kmstags.local.store.StoredAlias;
import dev.kmstags.local.store.StoredKey;
import java.util.List;
import java.util.Optional;

/**
 * Finds the key a request names, the way KMS reads identifiers: a key ID, a key ARN, and where the operation allows
 * it an alias name or alias ARN. Keys of another region do not exist for the request, as in AWS.
 */
final class KeyResolver {

    private static final int KEY_ID_LENGTH = 36;
    private static final String MULTI_REGION_PREFIX = "mrk-";
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
        return inThisRegion(keyIdOf(identifier, region));
    }

    /** The key named by a key ID, key ARN, alias name or alias ARN, as DescribeKey accepts. */
    StoredKey keyOrAlias(String identifier) {
        Named named = parse(identifier, region, true);
        return named.aliasName() != null ? aliasTarget(named.aliasName()) : inThisRegion(named.keyId());
    }

    /**
     * The key ID that a key ID or key ARN names, before any lookup, for a request to {@code region}: the errors of
     * a malformed identifier, an alias, or an ARN of another region or account are thrown here, as by
     * {@link #keyOnly}.
     */
    static String keyIdOf(String identifier, String region) {
        return parse(identifier, region, false).keyId();
    }

    /**
     * Who manages the key named by a key ID or key ARN and its state, for changes that need no more of it (tagging);
     * aliases are refused, as by {@link #keyOnly}.
     */
    KeyStatus keyStatusOnly(String identifier) {
        String keyId = keyIdOf(identifier, region);
        return inRegion(session.findKeyStatus(keyId), region, keyId);
    }

    /**
     * As {@link #keyStatusOnly}, with how many of the key's tags have none of {@code tagKeys}: how many it keeps
     * beside them once they are put.
     */
    KeyTagCount keyStatusAndTagsKept(String identifier, List<String> tagKeys) {
        String keyId = keyIdOf(identifier, region);
        return inRegion(session.findKeyStatusAndTagsKept(keyId, tagKeys), region, keyId);
    }

    /** What was found of the key with this ID, when it lives in the request's region: no key of another does. */
    static <T extends Regional> T inRegion(Optional<T> found, String region, String keyId) {
        return found.filter(key -> key.region().equals(region))
                .orElseThrow(() -> OperationErrors.keyNotFound(KmsAccount.keyArn(region, keyId)));
    }

    /** Whether the text names an alias (by name or ARN) rather than a key. */
    static boolean namesAlias(String identifier) {
        return identifier.startsWith(ALIAS_PREFIX) || (identifier.startsWith("arn:") && identifier.contains(":alias/"));
    }

    /** What an identifier names before any lookup: a key ID, or an alias name when aliases are allowed. */
    private record Named(String keyId, String aliasName) {
    }

    private static Named parse(String identifier, String region, boolean aliasesAllowed) {
        if (identifier.startsWith(ALIAS_PREFIX)) {
            if (!aliasesAllowed) {
                throw OperationErrors.aliasNotSupported();
            }
            return new Named(null, identifier);
        }
        if (identifier.startsWith("arn:")) {
            return parseArn(identifier, region, aliasesAllowed);
        }
        if (!isKeyId(identifier)) {
            throw OperationErrors.invalidKeyId(identifier);
        }
        return new Named(identifier, null);
    }

    /**
     * Whether the text is a key ID: a UUID, or a multi-Region key's {@code mrk-} ID followed by 32 hex digits; ASCII
     * letters in either case. Not stricter than KMS. Checked by hand: every request that names a key asks.
     */
    static boolean isKeyId(String text) {
        if (text.length() != KEY_ID_LENGTH) {
            return false;
        }
        if (text.regionMatches(true, 0, MULTI_REGION_PREFIX, 0, MULTI_REGION_PREFIX.length())) {
            return hexDigits(text, MULTI_REGION_PREFIX.length(), KEY_ID_LENGTH);
        }
        return hexDigits(text, 0, 8) && text.charAt(8) == '-' && hexDigits(text, 9, 13) && text.charAt(13) == '-'
                && hexDigits(text, 14, 18) && text.charAt(18) == '-' && hexDigits(text, 19, 23)
                && text.charAt(23) == '-' && hexDigits(text, 24, KEY_ID_LENGTH);
    }

    private static boolean hexDigits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hex) {
                return false;
            }
        }
        return true;
    }

    private static Named parseArn(String arn, String region, boolean aliasesAllowed) {
        String[] parts = arn.split(":", 6);
        if (parts.length < 6 || !"kms".equals(parts[2]) || parts[3].isEmpty() || parts[4].isEmpty()) {
            throw OperationErrors.malformedArn(arn);
        }
        String resource = parts[5];
        boolean alias = resource.startsWith(ALIAS_PREFIX);
        if (!alias && !resource.startsWith(KEY_PREFIX)) {
            throw OperationErrors.malformedArn(arn);
        }
        if (alias && !aliasesAllowed) {
            throw OperationErrors.aliasNotSupported();
        }
        if (!region.equals(parts[3])) {
            throw OperationErrors.arnOfOtherRegion(parts[3]);
        }
        if (!KmsAccount.ACCOUNT_ID.equals(parts[4])) {
            throw alias ? OperationErrors.aliasNotFound(arn) : OperationErrors.keyNotFound(arn);
        }
        return alias ? new Named(null, resource) : new Named(resource.substring(KEY_PREFIX.length()), null);
    }

    private StoredKey aliasTarget(String aliasName) {
        Optional<StoredAlias> alias = session.findAlias(region, aliasName);
        if (alias.isEmpty() || alias.get().targetKeyId() == null) {
            throw OperationErrors.aliasNotFound(KmsAccount.aliasArn(region, aliasName));
        }
        return inThisRegion(alias.get().targetKeyId());
    }

    private StoredKey inThisRegion(String keyId) {
        return inRegion(session.findKey(keyId), region, keyId);
    }
}
