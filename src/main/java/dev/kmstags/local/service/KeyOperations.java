package dev.kmstags.local.service;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kmstags.domain.KeyStates;
import dev.kmstags.domain.Tag;
import dev.kmstags.domain.TagRules;
import dev.kmstags.local.protocol.KmsRequest;
import dev.kmstags.local.store.SqliteKeyStore;
import dev.kmstags.local.store.StoreSession;
import dev.kmstags.local.store.StoredKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** The key operations: create, describe, list, enable, disable, schedule and cancel deletion, describe anew. */
final class KeyOperations {

    static final int LIST_KEYS_DEFAULT_LIMIT = 100;
    static final int LIST_KEYS_MAX_LIMIT = 1000;
    static final int MAX_DESCRIPTION_LENGTH = 8192;
    static final int MIN_PENDING_WINDOW_DAYS = 7;
    static final int MAX_PENDING_WINDOW_DAYS = 30;
    static final List<String> ORIGINS = List.of("AWS_KMS", "EXTERNAL", "AWS_CLOUDHSM", "EXTERNAL_KEY_STORE");

    private final SqliteKeyStore store;
    private final Markers markers;
    private final Clock clock;

    KeyOperations(SqliteKeyStore store, Markers markers, Clock clock) {
        this.store = store;
        this.markers = markers;
        this.clock = clock;
    }

    ObjectNode createKey(KmsRequest request) {
        RequestJson body = new RequestJson(request.body());
        String description = body.string("Description");
        String keyUsage = body.string("KeyUsage");
        String keySpec = body.string("KeySpec");
        String legacySpec = body.string("CustomerMasterKeySpec");
        String origin = body.string("Origin");
        Boolean multiRegion = body.bool("MultiRegion");
        List<RequestJson.RawTag> rawTags = body.tags("Tags");
        body.string("Policy");
        ValidationErrors errors = new ValidationErrors();
        errors.length(description, "description", 0, MAX_DESCRIPTION_LENGTH);
        errors.oneOf(keyUsage, "keyUsage", KeySpecs.KEY_USAGES);
        errors.oneOf(legacySpec, "customerMasterKeySpec", KeySpecs.KEY_SPECS);
        errors.oneOf(origin, "origin", ORIGINS);
        List<Tag> tags = rawTags == null ? List.of() : Members.tags(errors, rawTags, "tags");
        errors.oneOf(keySpec, "keySpec", KeySpecs.KEY_SPECS);
        errors.throwIfAny();

        String spec = keySpec != null ? keySpec : legacySpec != null ? legacySpec : KeySpecs.SYMMETRIC_DEFAULT;
        if (keyUsage == null && !KeySpecs.SYMMETRIC_DEFAULT.equals(spec)) {
            throw OperationErrors.keyUsageRequired();
        }
        String usage = keyUsage != null ? keyUsage : KeySpecs.ENCRYPT_DECRYPT;
        if (!KeySpecs.allows(spec, usage)) {
            throw OperationErrors.incompatibleKeySpec(usage, spec);
        }
        String keyOrigin = origin == null ? "AWS_KMS" : origin;
        if (!"AWS_KMS".equals(keyOrigin) && !"EXTERNAL".equals(keyOrigin)) {
            throw OperationErrors.unsupportedOrigin(keyOrigin);
        }
        if (Boolean.TRUE.equals(multiRegion)) {
            throw OperationErrors.unsupportedOperation("multi-Region keys (CreateKey with MultiRegion true)");
        }
        Members.tagRules(tags);
        if (!TagRules.withinTagLimit(tags.size())) {
            throw OperationErrors.tooManyTags();
        }
        String state = "EXTERNAL".equals(keyOrigin) ? KeyStates.PENDING_IMPORT : KeyStates.ENABLED;
        StoredKey key = new StoredKey(UUID.randomUUID().toString(), request.region(), KmsAccount.ACCOUNT_ID,
                clock.instant().getEpochSecond(), description == null ? "" : description, usage, spec, state,
                "CUSTOMER", keyOrigin, null, null);
        store.write(session -> {
            session.insertKey(key);
            session.putTags(key.keyId(), tags);
            return null;
        });
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.set("KeyMetadata", KeyMetadataJson.of(key));
        return response;
    }

    ObjectNode describeKey(KmsRequest request) {
        String keyId = requiredKeyId(request);
        StoredKey key = store.read(session -> new KeyResolver(session, request.region()).keyOrAlias(keyId));
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.set("KeyMetadata", KeyMetadataJson.of(key));
        return response;
    }

    ObjectNode listKeys(KmsRequest request) {
        RequestJson body = new RequestJson(request.body());
        String marker = body.string("Marker");
        ValidationErrors errors = new ValidationErrors();
        int limit = Members.limit(errors, body.integer("Limit"), LIST_KEYS_DEFAULT_LIMIT, LIST_KEYS_MAX_LIMIT);
        Members.marker(errors, marker);
        errors.throwIfAny();
        String scope = "ListKeys\n" + request.region();
        long after = marker == null ? 0 : parsePosition(markers.positionOf(scope, marker));
        StoreSession.KeyIdPage page = store.read(session -> session.keyIdsAfter(request.region(), after, limit));
        boolean truncated = page.more();
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.putRawValue("Keys", KeyListJson.keys(request.region(), page.keyIds()));
        if (truncated) {
            response.put("NextMarker", markers.issue(scope, Long.toString(page.lastPosition())));
        }
        response.put("Truncated", truncated);
        return response;
    }

    ObjectNode enableKey(KmsRequest request) {
        changeKey(request, requiredKeyId(request), "EnableKey", key -> {
            KeyGuards.canEnableOrDisable(key.status());
            return key.withState(KeyStates.ENABLED);
        });
        return JsonNodeFactory.instance.objectNode();
    }

    ObjectNode disableKey(KmsRequest request) {
        changeKey(request, requiredKeyId(request), "DisableKey", key -> {
            KeyGuards.canEnableOrDisable(key.status());
            return key.withState(KeyStates.DISABLED);
        });
        return JsonNodeFactory.instance.objectNode();
    }

    ObjectNode scheduleKeyDeletion(KmsRequest request) {
        RequestJson body = new RequestJson(request.body());
        String keyId = body.string("KeyId");
        Integer window = body.integer("PendingWindowInDays");
        ValidationErrors errors = new ValidationErrors();
        Members.keyId(errors, keyId, "keyId");
        errors.range(window, "pendingWindowInDays", MIN_PENDING_WINDOW_DAYS, MAX_PENDING_WINDOW_DAYS);
        errors.throwIfAny();
        int days = window == null ? MAX_PENDING_WINDOW_DAYS : window;
        long deletionDate = clock.instant().plus(Duration.ofDays(days)).getEpochSecond();
        StoredKey scheduled = changeKey(request, keyId, "ScheduleKeyDeletion", key -> {
            KeyGuards.notPendingDeletion(key.status());
            return key.withDeletion(KeyStates.PENDING_DELETION, deletionDate, days);
        });
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.put("KeyId", KeyGuards.arn(scheduled));
        response.put("DeletionDate", deletionDate);
        response.put("KeyState", scheduled.keyState());
        response.put("PendingWindowInDays", days);
        return response;
    }

    ObjectNode cancelKeyDeletion(KmsRequest request) {
        StoredKey cancelled = changeKey(request, requiredKeyId(request), "CancelKeyDeletion", key -> {
            KeyGuards.pendingDeletion(key.status());
            return key.withDeletion(KeyStates.DISABLED, null, null);
        });
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.put("KeyId", KeyGuards.arn(cancelled));
        return response;
    }

    ObjectNode updateKeyDescription(KmsRequest request) {
        RequestJson body = new RequestJson(request.body());
        String keyId = body.string("KeyId");
        String description = body.string("Description");
        ValidationErrors errors = new ValidationErrors();
        Members.keyId(errors, keyId, "keyId");
        errors.notNull(description, "description");
        errors.length(description, "description", 0, MAX_DESCRIPTION_LENGTH);
        errors.throwIfAny();
        changeKey(request, keyId, "UpdateKeyDescription", key -> {
            KeyGuards.notPendingDeletion(key.status());
            return key.withDescription(description);
        });
        return JsonNodeFactory.instance.objectNode();
    }

    /**
     * In one write transaction: finds the key (by ID or ARN), refuses AWS managed keys, applies {@code change}
     * (which checks the key's state) and stores the result, which it returns.
     */
    private StoredKey changeKey(KmsRequest request, String keyId, String operation, UnaryOperator<StoredKey> change) {
        return store.write(session -> {
            StoredKey key = new KeyResolver(session, request.region()).keyOnly(keyId);
            KeyGuards.customerManaged(key.status(), operation);
            StoredKey changed = change.apply(key);
            session.updateKey(changed);
            return changed;
        });
    }

    private static String requiredKeyId(KmsRequest request) {
        String keyId = new RequestJson(request.body()).string("KeyId");
        ValidationErrors errors = new ValidationErrors();
        Members.keyId(errors, keyId, "keyId");
        errors.throwIfAny();
        return keyId;
    }

    private static long parsePosition(String position) {
        try {
            return Long.parseLong(position);
        } catch (NumberFormatException e) {
            throw OperationErrors.invalidMarker();
        }
    }
}
