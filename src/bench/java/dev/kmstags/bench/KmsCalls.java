package dev.kmstags.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Untimed set-up calls (creating keys) over one connection, each checked for HTTP 200. */
final class KmsCalls implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RawHttpConnection connection;
    private final SigV4Signer signer;

    KmsCalls(int port, String region) {
        this.connection = new RawHttpConnection(port);
        this.signer = new SigV4Signer(port, region);
    }

    /** Sends one call; the parsed answer, or an exception naming the status and body when it is not 200. */
    JsonNode call(String operation, String body) throws IOException {
        int status = connection.exchange(signer.request(operation, body));
        if (status != 200) {
            throw new IOException(operation + " answered HTTP " + status + ": " + connection.body());
        }
        return JSON.readTree(connection.bodyBytes());
    }

    /** Creates {@code count} symmetric keys, each with {@code tagCount} tags; returns their key IDs. */
    List<String> createKeys(int count, int tagCount) throws IOException {
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder body = new StringBuilder("{\"Description\":\"benchmark key ").append(i).append('"');
            if (tagCount > 0) {
                body.append(",\"Tags\":[");
                for (int t = 0; t < tagCount; t++) {
                    if (t > 0) {
                        body.append(',');
                    }
                    body.append("{\"TagKey\":\"bench-tag-").append(t).append("\",\"TagValue\":\"value ")
                            .append(t).append(" of key ").append(i).append("\"}");
                }
                body.append(']');
            }
            body.append('}');
            ids.add(call("CreateKey", body.toString()).path("KeyMetadata").path("KeyId").asText());
        }
        return ids;
    }

    @Override
    public void close() {
        connection.close();
    }
}
