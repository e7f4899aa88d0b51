package dev.kmstags.local.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kmstags.local.protocol.KmsRequest;
import dev.kmstags.local.store.SqliteKeyStore;
import dev.kmstags.local.store.StoredAlias;
import dev.kmstags.local.store.StoredKey;
import java.time.Clock;
import java.util.List;

/** CreateAlias, UpdateAlias, DeleteAlias and ListAliases. */
final class AliasOperations {

    static final int LIST_ALIASES_DEFAULT_LIMIT = 50;
    static final int LIST_ALIASES_MAX_LIMIT = 100;
    static final int MAX_ALIAS_NAME_LENGTH = 256;
    static final String ALIAS_NAME_PATTERN = "^[a-zA-Z0-9:/_-]+$";
    static final String ALIAS_PREFIX = "alias/";
    static final String RESERVED_ALIAS_PREFIX = "alias/aws/";

    private final SqliteKeyStore store;
    private final Markers markers;
    private final Clock clock;

    AliasOperations(SqliteKeyStore store, Markers markers, Clock clock) {
        this.store = store;
        this.markers = markers;
        this.clock = clock;
    }

    ObjectNode createAlias(KmsRequest request) {
        AliasChange change = aliasChange(request);
        store.write(session -> {
            StoredKey target = new KeyResolver(session, request.region()).keyOnly(change.targetKeyId());
            KeyGuards.customerManaged(target.status(), "CreateAlias");
            KeyGuards.notPendingDeletion(target.status());
            if (session.findAlias(request.region(), change.aliasName()).isPresent()) {
                throw OperationErrors.aliasExists(KmsAccount.aliasArn(request.region(), change.aliasName()));
            }
            long now = clock.instant().getEpochSecond();
            session.insertAlias(new StoredAlias(request.region(), change.aliasName(), target.keyId(), now, now));
            return null;
        });
        return JsonNodeFactory.instance.objectNode();
    }

    ObjectNode updateAlias(KmsRequest request) {
        AliasChange change = aliasChange(request);
        store.write(session -> {
            StoredAlias alias = session.findAlias(request.region(), change.aliasName())
                    .orElseThrow(() -> OperationErrors.aliasNotFound(KmsAccount.aliasArn(request.region(),
                            change.aliasName())));
            StoredKey target = new KeyResolver(session, request.region()).keyOnly(change.targetKeyId());
            KeyGuards.customerManaged(target.status(), "UpdateAlias");
            KeyGuards.notPendingDeletion(target.status());
            session.updateAliasTarget(alias.region(), alias.aliasName(), target.keyId(),
                    clock.instant().getEpochSecond());
            return null;
        });
        return JsonNodeFactory.instance.objectNode();
    }

    ObjectNode deleteAlias(KmsRequest request) {
        String aliasName = new RequestJson(request.body()).string("AliasName");
        ValidationErrors errors = new ValidationErrors();
        aliasName(errors, aliasName);
        errors.throwIfAny();
        checkAliasName(aliasName);
        store.write(session -> {
            if (session.findAlias(request.region(), aliasName).isEmpty()) {
                throw OperationErrors.aliasNotFound(KmsAccount.aliasArn(request.region(), aliasName));
            }
            session.deleteAlias(request.region(), aliasName);
            return null;
        });
        return JsonNodeFactory.instance.objectNode();
    }

    ObjectNode listAliases(KmsRequest request) {
        RequestJson body = new RequestJson(request.body());
        String keyId = body.string("KeyId");
        String marker = body.string("Marker");
        ValidationErrors errors = new ValidationErrors();
        if (keyId != null) {
            Members.keyId(errors, keyId, "keyId");
        }
        int limit = Members.limit(errors, body.integer("Limit"), LIST_ALIASES_DEFAULT_LIMIT, LIST_ALIASES_MAX_LIMIT);
        Members.marker(errors, marker);
        errors.throwIfAny();
        return store.read(session -> {
            String targetKeyId = keyId == null ? null
                    : new KeyResolver(session, request.region()).keyOnly(keyId).keyId();
            String scope = "ListAliases\n" + request.region() + "\n" + (targetKeyId == null ? "" : targetKeyId);
            String after = marker == null ? null : markers.positionOf(scope, marker);
            List<StoredAlias> page = session.aliasesAfter(request.region(), targetKeyId, after, limit + 1);
            boolean truncated = page.size() > limit;
            List<StoredAlias> shown = truncated ? page.subList(0, limit) : page;
            ObjectNode response = JsonNodeFactory.instance.objectNode();
            ArrayNode aliases = response.putArray("Aliases");
            for (StoredAlias alias : shown) {
                ObjectNode entry = aliases.addObject()
                        .put("AliasName", alias.aliasName())
                        .put("AliasArn", KmsAccount.aliasArn(alias.region(), alias.aliasName()));
                if (alias.targetKeyId() != null) {
                    entry.put("TargetKeyId", alias.targetKeyId());
                    entry.put("CreationDate", alias.creationDate());
                    entry.put("LastUpdatedDate", alias.lastUpdatedDate());
                }
            }
            if (truncated) {
                response.put("NextMarker", markers.issue(scope, shown.get(shown.size() - 1).aliasName()));
            }
            response.put("Truncated", truncated);
            return response;
        });
    }

    private record AliasChange(String aliasName, String targetKeyId) {
    }

    private static AliasChange aliasChange(KmsRequest request) {
        RequestJson body = new RequestJson(request.body());
        String aliasName = body.string("AliasName");
        String targetKeyId = body.string("TargetKeyId");
        ValidationErrors errors = new ValidationErrors();
        aliasName(errors, aliasName);
        Members.keyId(errors, targetKeyId, "targetKeyId");
        errors.throwIfAny();
        checkAliasName(aliasName);
        if (KeyResolver.namesAlias(targetKeyId)) {
            throw OperationErrors.aliasTargetIsAlias();
        }
        return new AliasChange(aliasName, targetKeyId);
    }

    private static void aliasName(ValidationErrors errors, String aliasName) {
        errors.notNull(aliasName, "aliasName");
        errors.length(aliasName, "aliasName", 1, MAX_ALIAS_NAME_LENGTH);
        errors.pattern(aliasName, "aliasName", ALIAS_NAME_PATTERN);
    }

    /** The naming rules past the pattern: the {@code alias/} prefix, the reserved {@code alias/aws/}, no colon. */
    private static void checkAliasName(String aliasName) {
        if (!aliasName.startsWith(ALIAS_PREFIX)) {
            throw OperationErrors.aliasWithoutPrefix();
        }
        if (aliasName.startsWith(RESERVED_ALIAS_PREFIX)) {
            throw OperationErrors.reservedAlias();
        }
        if (aliasName.contains(":")) {
            throw OperationErrors.invalidAliasName(aliasName);
        }
    }
}
