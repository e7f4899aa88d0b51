package dev.kmstags.local.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the HTTP server gives a client that does not behave: sockets that stall, bodies too large to accept. No test
 * here times the server; every wait is bounded generously and only decides whether something happened at all.
 */
class KmsHttpServerLimitsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int STALLED_SOCKETS = 1_000;
    private static final int FIVE_MB = 5_000_000;
    private static final int READ_LIMIT_MS = 20_000;
    private static final String HEAD = "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.1\r\n"
            + "X-Amz-Target: TrentService.TagResource\r\n";

    private final List<Socket> sockets = new ArrayList<>();
    private KmsHttpServer server;

    private static ObjectNode answer(KmsRequest request) {
        return JSON.createObjectNode().put("Truncated", false).set("Keys", JSON.createArrayNode());
    }

    private KmsHttpServer start(HttpLimits limits) throws IOException {
        server = KmsHttpServer.start(0, TestRequest.CREDENTIALS, KmsHttpServerLimitsTest::answer, 0,
                Clock.systemUTC(), limits);
        return server;
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        sockets.add(socket);
        socket.setSoTimeout(READ_LIMIT_MS);
        return socket;
    }

    @AfterEach
    void closeEverything() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static long serverThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith(KmsHttpServer.THREAD_NAME)).count();
    }

    @Test
    void aSignedRequestIsAnsweredWhileAThousandSocketsStallAndTheThreadsStayBounded() throws Exception {
        HttpLimits limits = new HttpLimits(16, Duration.ofMinutes(2), 1024, Duration.ofMinutes(2), 0);
        start(limits);
        for (int i = 0; i < STALLED_SOCKETS; i++) {
            OutputStream out = connect().getOutputStream();
            out.write('P');
            out.flush();
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        HttpResponse<String> listed = http.sendAsync(TestRequest.operation(server.endpoint(), "ListKeys")
                .toHttpRequest(), HttpResponse.BodyHandlers.ofString()).get(READ_LIMIT_MS, TimeUnit.MILLISECONDS);

        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(sockets).as("every stalled socket is still open").noneMatch(Socket::isClosed);
        assertThat(serverThreads()).isBetween(1L, (long) limits.maxThreads());
    }

    @Test
    void aRequestWhoseHeadStopsArrivingIsClosedAfterTheHeaderTimeout() throws Exception {
        start(new HttpLimits(16, Duration.ofMillis(300), 1024, Duration.ofMinutes(2), 0));
        Socket socket = connect();
        socket.getOutputStream().write("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(readToEnd(socket.getInputStream())).as("closed, after at most a short answer").hasSizeLessThan(512);
    }

    @Test
    void aRequestWhoseBodyStopsArrivingIsClosedOnceItFallsBelowTheRate() throws Exception {
        start(new HttpLimits(16, Duration.ofMillis(300), 1024, Duration.ofMinutes(2), 0));
        Socket socket = connect();
        socket.getOutputStream().write((HEAD + "Content-Length: 4000\r\n\r\n{\"KeyId\":\"")
                .getBytes(StandardCharsets.US_ASCII));

        assertThat(readToEnd(socket.getInputStream())).as("closed, after at most a short answer").hasSizeLessThan(512);
    }

    @Test
    void aFiveMegabyteBodySentWholeGetsTheErrorAnswerNotAReset() throws Exception {
        start(HttpLimits.DEFAULTS);
        Socket socket = connect();
        OutputStream out = socket.getOutputStream();
        // As http.client does: the whole body first, only then read the answer.
        CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> {
            try {
                out.write((HEAD + "Content-Length: " + FIVE_MB + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                byte[] chunk = new byte[64 * 1024];
                Arrays.fill(chunk, (byte) 'x');
                for (int written = 0; written < FIVE_MB; written += chunk.length) {
                    out.write(chunk, 0, Math.min(chunk.length, FIVE_MB - written));
                }
                out.flush();
            } catch (IOException e) {
                throw new IllegalStateException("the server stopped reading the body: " + e, e);
            }
        });
        sent.get(READ_LIMIT_MS, TimeUnit.MILLISECONDS);

        RawHttpResponse response = RawHttpResponse.read(socket.getInputStream());

        assertThat(response.status()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.path("__type").asText()).isEqualTo("ValidationException");
        assertThat(error.path("message").asText()).isEqualTo("The request body is 5000000 bytes;"
                + " this server accepts request bodies of at most 1048576 bytes.");
    }

    @Test
    void expectContinueWithATooLargeLengthIsAnsweredWithTheErrorInsteadOfContinue() throws Exception {
        start(HttpLimits.DEFAULTS);
        Socket socket = connect();
        socket.getOutputStream().write((HEAD + "Expect: 100-continue\r\nContent-Length: " + FIVE_MB + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));

        RawHttpResponse response = RawHttpResponse.read(socket.getInputStream());

        assertThat(response.status()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("__type").asText()).isEqualTo("ValidationException");
        assertThat(response.headers()).containsEntry("connection", "close");
    }

    /** Everything the server sends until it closes the connection; fails if it does not within the read limit. */
    private static byte[] readToEnd(InputStream in) throws IOException {
        return in.readAllBytes();
    }
}
