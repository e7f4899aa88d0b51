package dev.kmstags.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The key list benchmark's account: {@code keys} customer managed keys in one region, each with an alias and three
 * tags (Team, CostCenter, Env), every hundredth pending deletion. Created over 8 keep-alive connections on a
 * backend without added latency, so the set-up takes seconds.
 */
final class BenchAccount {

    static final int TEAMS = 10;
    private static final int CONNECTIONS = 8;

    private BenchAccount() {
    }

    /** The search text of the filtered runs: the value of one team's tag, found on a tenth of the keys. */
    static String oneTeam() {
        return "team-3";
    }

    static void create(int port, String region, int keys) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(CONNECTIONS);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int c = 0; c < CONNECTIONS; c++) {
                int connection = c;
                done.add(threads.submit(() -> {
                    try (KmsCalls calls = new KmsCalls(port, region)) {
                        for (int i = connection; i < keys; i += CONNECTIONS) {
                            createKey(calls, i);
                        }
                    }
                    return null;
                }));
            }
            for (Future<Void> future : done) {
                future.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static void createKey(KmsCalls calls, int i) throws IOException {
        String body = "{\"Description\":\"Benchmark key %d\",\"Tags\":["
                + "{\"TagKey\":\"Team\",\"TagValue\":\"team-%d\"},"
                + "{\"TagKey\":\"CostCenter\",\"TagValue\":\"cc-%04d\"},"
                + "{\"TagKey\":\"Env\",\"TagValue\":\"%s\"}]}";
        String keyId = calls.call("CreateKey", body.formatted(i, i % TEAMS, i % 37,
                i % 3 == 0 ? "prod" : "dev")).path("KeyMetadata").path("KeyId").asText();
        calls.call("CreateAlias", "{\"AliasName\":\"alias/bench-%05d\",\"TargetKeyId\":\"%s\"}".formatted(i, keyId));
        if (i % 100 == 99) {
            calls.call("ScheduleKeyDeletion", "{\"KeyId\":\"%s\",\"PendingWindowInDays\":30}".formatted(keyId));
        }
    }
}
