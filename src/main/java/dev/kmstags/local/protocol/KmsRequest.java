package dev.kmstags.local.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One authenticated KMS request: the operation named by {@code X-Amz-Target: TrentService.<operation>}, the region
 * of the request's SigV4 credential scope, the caller's access key, and the JSON body (an object, perhaps empty).
 */
public record KmsRequest(String operation, String region, String accessKeyId, ObjectNode body) {
}
