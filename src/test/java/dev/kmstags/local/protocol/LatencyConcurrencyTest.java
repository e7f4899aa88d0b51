package dev.kmstags.local.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code --latency-ms} stands in for the network between a client and AWS, which holds nothing of the server while
 * an answer travels: a delayed answer must not hold one of the server's bounded worker threads, or the delay itself
 * would cap how many requests are served at once (as it did: every region of All regions waited on the same few
 * threads). No test here times the server; waits only decide whether something happened at all.
 */
class LatencyConcurrencyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Far longer than the test waits, so no answer has left before every request was handled. */
    private static final int LATENCY_MS = 30_000;
    /** The fewest threads the server accepts: a handful of them serve requests. */
    private static final HttpLimits FEW_THREADS = new HttpLimits(8, Duration.ofMinutes(2), 1024,
            Duration.ofMinutes(2), 0);
    private static final int REQUESTS = 40;

    private final AtomicInteger handled = new AtomicInteger();
    private KmsHttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private ObjectNode answer(KmsRequest request) {
        handled.incrementAndGet();
        return JSON.createObjectNode().put("Truncated", false).set("Keys", JSON.createArrayNode());
    }

    @Test
    void manyMoreRequestsThanWorkerThreadsAreHandledWhileTheirAnswersAreDelayed() throws Exception {
        server = KmsHttpServer.start(0, TestRequest.CREDENTIALS, this::answer, LATENCY_MS, Clock.systemUTC(),
                FEW_THREADS);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            answers.add(http.sendAsync(TestRequest.operation(server.endpoint(), "ListKeys").toHttpRequest(),
                    HttpResponse.BodyHandlers.ofString()));
        }

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (handled.get() < REQUESTS && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }

        assertThat(handled.get()).as("requests handled while every answer is still delayed").isEqualTo(REQUESTS);
        assertThat(answers).as("no answer before its delay").noneMatch(CompletableFuture::isDone);
        answers.forEach(answer -> answer.cancel(true));
    }
}
