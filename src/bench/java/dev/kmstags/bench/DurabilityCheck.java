package dev.kmstags.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code kill -9} under write load: writers overwrite one tag of a key each, as fast as they can, counting what the
 * server acknowledged with HTTP 200; the server is killed with SIGKILL mid-load and started again on the same data
 * file. Every acknowledged write must be there: each key's tag holds the last acknowledged value or a later one
 * (a write sent but not yet answered may or may not have been stored).
 */
final class DurabilityCheck {

    private static final String REGION = "ap-southeast-2";
    private static final String TAG = "bench-sequence";

    /** What one check found. */
    record Result(int writers, double secondsUnderLoad, long acknowledged, long inFlightAtKill, int keysChecked,
                  int keysMissingAnAcknowledgedWrite) {
    }

    private DurabilityCheck() {
    }

    static Result run(Path java, List<String> jvmOptions, Path jar, Path data, int writers, Duration load)
            throws Exception {
        List<String> keys;
        long[] acknowledged = new long[writers];
        long[] sent = new long[writers];
        AtomicBoolean killed = new AtomicBoolean();
        try (ServerProcess server = ServerProcess.serve(java, jvmOptions, jar, data)) {
            try (KmsCalls calls = new KmsCalls(server.port(), REGION)) {
                keys = calls.createKeys(writers, 0);
            }
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                Thread thread = new Thread(() -> write(server.port(), keys.get(writer), writer, sent, acknowledged,
                        killed), "durability-writer-" + w);
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
            Thread.sleep(load.toMillis());
            killed.set(true);
            server.kill();
            for (Thread thread : threads) {
                thread.join(30_000);
            }
        }
        long totalAcknowledged = 0;
        long inFlight = 0;
        int missing = 0;
        try (ServerProcess again = ServerProcess.serve(java, jvmOptions, jar, data);
             KmsCalls calls = new KmsCalls(again.port(), REGION)) {
            for (int w = 0; w < writers; w++) {
                totalAcknowledged += acknowledged[w];
                inFlight += sent[w] - acknowledged[w];
                long stored = storedSequence(calls.call("ListResourceTags", "{\"KeyId\":\"" + keys.get(w) + "\"}"));
                if (stored < acknowledged[w]) {
                    missing++;
                    System.out.printf(Locale.ROOT, "   LOST: key %s holds write %d, but %d was acknowledged%n",
                            keys.get(w), stored, acknowledged[w]);
                }
            }
        }
        return new Result(writers, load.toMillis() / 1e3, totalAcknowledged, inFlight, writers, missing);
    }

    private static void write(int port, String key, int writer, long[] sent, long[] acknowledged,
                              AtomicBoolean killed) {
        SigV4Signer signer = new SigV4Signer(port, REGION);
        try (RawHttpConnection connection = new RawHttpConnection(port)) {
            for (long n = 1; !killed.get(); n++) {
                byte[] request = signer.request("TagResource", "{\"KeyId\":\"" + key + "\",\"Tags\":[{\"TagKey\":\""
                        + TAG + "\",\"TagValue\":\"" + n + "\"}]}");
                sent[writer] = n;
                if (connection.exchange(request) != 200) {
                    return;
                }
                acknowledged[writer] = n;
            }
        } catch (IOException e) {
            // The server was killed under this writer: what it acknowledged so far is what counts.
        }
    }

    private static long storedSequence(JsonNode tags) {
        for (JsonNode tag : tags.path("Tags")) {
            if (TAG.equals(tag.path("TagKey").asText())) {
                return Long.parseLong(tag.path("TagValue").asText());
            }
        }
        return 0;
    }
}
