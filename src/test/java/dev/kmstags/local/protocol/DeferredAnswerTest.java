package dev.kmstags.local.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kmstags.local.KmsException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An operation may answer after it returns ({@link KmsRequestHandler#handleAsync}), as a write does once its commit
 * is done: until then it holds none of the server's bounded worker threads, and its answer, an error included, is
 * sent by whichever thread completes it. No test here times the server; waits only decide whether something
 * happened at all.
 */
class DeferredAnswerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The fewest threads the server accepts: a handful of them serve requests. */
    private static final HttpLimits FEW_THREADS = new HttpLimits(8, Duration.ofMinutes(2), 1024,
            Duration.ofMinutes(2), 0);
    private static final int REQUESTS = 40;

    /** The answers not given yet, in the order the requests reached the handler. */
    private final ConcurrentLinkedQueue<CompletableFuture<ObjectNode>> waiting = new ConcurrentLinkedQueue<>();
    private KmsHttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private final KmsRequestHandler later = new KmsRequestHandler() {
        @Override
        public ObjectNode handle(KmsRequest request) {
            return KmsRequestHandler.join(handleAsync(request));
        }

        @Override
        public CompletionStage<ObjectNode> handleAsync(KmsRequest request) {
            CompletableFuture<ObjectNode> answer = new CompletableFuture<>();
            waiting.add(answer);
            return answer;
        }
    };

    @Test
    void requestsWaitingForTheirAnswersHoldNoWorkerThreadAndEachGetsItsOwnAnswer() throws Exception {
        server = KmsHttpServer.start(0, TestRequest.CREDENTIALS, later, 0, Clock.systemUTC(), FEW_THREADS);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            answers.add(http.sendAsync(TestRequest.operation(server.endpoint(), "TagResource").toHttpRequest(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (waiting.size() < REQUESTS && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(waiting).as("requests handed to the handler while none is answered").hasSize(REQUESTS);
        assertThat(answers).as("no answer before the handler gives it").noneMatch(CompletableFuture::isDone);

        // Completed from this thread, as the thread that commits a write completes it: a result, a KMS error and a
        // failure that is nobody's fault but the backend's.
        List<CompletableFuture<ObjectNode>> given = new ArrayList<>(waiting);
        given.get(0).completeExceptionally(new KmsException("NotFoundException", "Key 'k' does not exist"));
        given.get(1).completeExceptionally(new IllegalStateException("the store fell over"));
        given.subList(2, REQUESTS).forEach(answer -> answer.complete(JSON.createObjectNode()));

        int ok = 0;
        List<String> errors = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.1");
            if (response.statusCode() == 200) {
                assertThat(response.body()).isEqualTo("{}");
                ok++;
            } else {
                errors.add(response.statusCode() + " " + JSON.readTree(response.body()).path("__type").asText());
            }
        }
        assertThat(ok).isEqualTo(REQUESTS - 2);
        assertThat(errors).containsExactlyInAnyOrder("400 NotFoundException", "500 KMSInternalException");
    }
}
