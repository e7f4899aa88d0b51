package dev.kmstags.local.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kmstags.local.protocol.KmsRequest;
import dev.kmstags.local.protocol.KmsRequestHandler;
import dev.kmstags.local.store.SqliteKeyStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The KMS operations of the bundled backend, over its SQLite store: keys, aliases and tags, with KMS's rules, limits,
 * paging and errors; and Organizations' DescribeEffectivePolicy for the tag policy. Other KMS operations are answered
 * with {@code UnsupportedOperationException}, and names KMS does not have with {@code UnknownOperationException}.
 */
public final class BackendOperations implements KmsRequestHandler {

    /** Every operation of the KMS API, so that one this backend lacks is told apart from a misspelt one. */
    static final Set<String> KMS_OPERATIONS = Set.of("CancelKeyDeletion", "ConnectCustomKeyStore", "CreateAlias",
            "CreateCustomKeyStore", "CreateGrant", "CreateKey", "Decrypt", "DeleteAlias", "DeleteCustomKeyStore",
            "DeleteImportedKeyMaterial", "DeriveSharedSecret", "DescribeCustomKeyStores", "DescribeKey", "DisableKey",
            "DisableKeyRotation", "DisconnectCustomKeyStore", "EnableKey", "EnableKeyRotation", "Encrypt",
            "GenerateDataKey", "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext",
            "GenerateDataKeyWithoutPlaintext", "GenerateMac", "GenerateRandom", "GetKeyPolicy",
            "GetKeyRotationStatus", "GetParametersForImport", "GetPublicKey", "ImportKeyMaterial", "ListAliases",
            "ListGrants", "ListKeyPolicies", "ListKeyRotations", "ListKeys", "ListResourceTags",
            "ListRetirableGrants", "PutKeyPolicy", "ReEncrypt", "ReplicateKey", "RetireGrant", "RevokeGrant",
            "RotateKeyOnDemand", "ScheduleKeyDeletion", "Sign", "TagResource", "UntagResource", "UpdateAlias",
            "UpdateCustomKeyStore", "UpdateKeyDescription", "UpdatePrimaryRegion", "Verify", "VerifyMac");

    private static final String MARKER_SECRET_SETTING = "marker-secret";

    private final Map<String, Function<KmsRequest, CompletionStage<ObjectNode>>> operations;

    /** The operations of an account without a tag policy. */
    public BackendOperations(SqliteKeyStore store, Clock clock) {
        this(store, clock, Optional.empty());
    }

    /** @param tagPolicy the text of the account's effective tag policy; empty for none */
    public BackendOperations(SqliteKeyStore store, Clock clock, Optional<String> tagPolicy) {
        OrganizationsOperations organizations = new OrganizationsOperations(tagPolicy, clock.instant());
        Markers markers = new Markers(markerSecret(store));
        KeyOperations keys = new KeyOperations(store, markers, clock);
        AliasOperations aliases = new AliasOperations(store, markers, clock);
        TagOperations tags = new TagOperations(store, markers);
        operations = Map.ofEntries(
                Map.entry("CreateKey", now(keys::createKey)),
                Map.entry("DescribeKey", now(keys::describeKey)),
                Map.entry("ListKeys", now(keys::listKeys)),
                Map.entry("EnableKey", now(keys::enableKey)),
                Map.entry("DisableKey", now(keys::disableKey)),
                Map.entry("ScheduleKeyDeletion", now(keys::scheduleKeyDeletion)),
                Map.entry("CancelKeyDeletion", now(keys::cancelKeyDeletion)),
                Map.entry("UpdateKeyDescription", now(keys::updateKeyDescription)),
                Map.entry("CreateAlias", now(aliases::createAlias)),
                Map.entry("UpdateAlias", now(aliases::updateAlias)),
                Map.entry("DeleteAlias", now(aliases::deleteAlias)),
                Map.entry("ListAliases", now(aliases::listAliases)),
                Map.entry("TagResource", tags::tagResource),
                Map.entry("UntagResource", tags::untagResource),
                Map.entry("ListResourceTags", now(tags::listResourceTags)),
                Map.entry("organizations:DescribeEffectivePolicy", now(organizations::describeEffectivePolicy)));
    }

    @Override
    public ObjectNode handle(KmsRequest request) {
        return KmsRequestHandler.join(handleAsync(request));
    }

    /** As {@link #handle}; a write's stage completes once it is committed, the calling thread free meanwhile. */
    @Override
    public CompletionStage<ObjectNode> handleAsync(KmsRequest request) {
        Function<KmsRequest, CompletionStage<ObjectNode>> operation = operations.get(request.operation());
        if (operation != null) {
            ValidationErrors errors = new ValidationErrors();
            UnicodeMembers.check(request.body(), errors);
            errors.throwIfAny();
            return operation.apply(request);
        }
        if (KMS_OPERATIONS.contains(request.operation())) {
            throw OperationErrors.unsupportedOperation(request.operation());
        }
        throw OperationErrors.unknownOperation();
    }

    /** An operation answered on the calling thread. */
    private static Function<KmsRequest, CompletionStage<ObjectNode>> now(Function<KmsRequest, ObjectNode> operation) {
        return request -> CompletableFuture.completedFuture(operation.apply(request));
    }

    /** The key markers are signed with: made once per data file, so markers stay valid across restarts. */
    private static byte[] markerSecret(SqliteKeyStore store) {
        String secret = store.write(session -> session.setting(MARKER_SECRET_SETTING).orElseGet(() -> {
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String fresh = Base64.getEncoder().encodeToString(bytes);
            session.putSetting(MARKER_SECRET_SETTING, fresh);
            return fresh;
        }));
        return Base64.getDecoder().decode(secret);
    }
}
