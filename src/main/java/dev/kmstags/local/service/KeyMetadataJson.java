package dev.kmstags.local.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kmstags.domain.KeyStates;
import dev.kmstags.local.store.StoredKey;
import java.util.List;

/** A stored key as KMS's {@code KeyMetadata} structure. */
final class KeyMetadataJson {

    private KeyMetadataJson() {
    }

    static ObjectNode of(StoredKey key) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("AWSAccountId", key.accountId());
        json.put("KeyId", key.keyId());
        json.put("Arn", KmsAccount.keyArn(key.region(), key.keyId()));
        json.put("CreationDate", key.creationDate());
        json.put("Enabled", KeyStates.ENABLED.equals(key.keyState()));
        json.put("Description", key.description());
        json.put("KeyUsage", key.keyUsage());
        json.put("KeyState", key.keyState());
        if (key.deletionDate() != null) {
            json.put("DeletionDate", key.deletionDate());
        }
        if (key.pendingWindowInDays() != null) {
            json.put("PendingDeletionWindowInDays", key.pendingWindowInDays());
        }
        json.put("Origin", key.origin());
        json.put("KeyManager", key.keyManager());
        json.put("CustomerMasterKeySpec", key.keySpec());
        json.put("KeySpec", key.keySpec());
        putList(json, "EncryptionAlgorithms", KeySpecs.encryptionAlgorithms(key.keySpec(), key.keyUsage()));
        putList(json, "SigningAlgorithms", KeySpecs.signingAlgorithms(key.keySpec(), key.keyUsage()));
        putList(json, "MacAlgorithms", KeySpecs.macAlgorithms(key.keySpec()));
        putList(json, "KeyAgreementAlgorithms", KeySpecs.keyAgreementAlgorithms(key.keyUsage()));
        json.put("MultiRegion", false);
        return json;
    }

    private static void putList(ObjectNode json, String member, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        ArrayNode array = json.putArray(member);
        values.forEach(array::add);
    }
}
