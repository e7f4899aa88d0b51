package dev.kmstags.local.service;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.List;

/**
 * The {@code Keys} member of a ListKeys answer, {@code [{"KeyId": ..., "KeyArn": ...}, ...]}, written straight into
 * text: for 1,000 keys a tree of 1,000 JSON objects took as long to build and write as the rest of the call.
 */
final class KeyListJson {

    private KeyListJson() {
    }

    static String keys(String region, List<String> keyIds) {
        JsonStringEncoder encoder = JsonStringEncoder.getInstance();
        String arnPrefix = new String(encoder.quoteAsString(KmsAccount.keyArn(region, "")));
        StringBuilder json = new StringBuilder(32 + keyIds.size() * (2 * 36 + arnPrefix.length() + 24)).append('[');
        for (String keyId : keyIds) {
            char[] id = encoder.quoteAsString(keyId);
            if (json.length() > 1) {
                json.append(',');
            }
            json.append("{\"KeyId\":\"").append(id).append("\",\"KeyArn\":\"").append(arnPrefix).append(id)
                    .append("\"}");
        }
        return json.append(']').toString();
    }
}
