package dev.kmstags.bench;

import com.sun.net.httpserver.HttpExchange;
import dev.kmstags.local.protocol.HttpLimits;
import dev.kmstags.local.protocol.KmsHttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The ceiling of the bundled backend's design: the same HTTP server, threads, limits and adapter as {@code serve},
 * with a handler that reads the body and answers a constant, the bytes the real backend answered for that
 * operation, with the same headers. Nothing is parsed, signed or stored.
 *
 * <p>{@code java -cp ... dev.kmstags.bench.CeilingServer Operation=answer-file ...}; prints the same
 * {@code listening} line as {@code serve} and runs until killed.
 */
public final class CeilingServer {

    private CeilingServer() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Map<String, byte[]> answers = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            answers.put("TrentService." + arg.substring(0, equals), Files.readAllBytes(Path.of(arg.substring(equals + 1))));
        }
        byte[] empty = "{}".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (KmsHttpServer server = KmsHttpServer.serve(0, exchange -> answer(exchange, answers, empty),
                HttpLimits.DEFAULTS)) {
            System.out.println("KMS backend listening on " + server.endpoint());
            new CountDownLatch(1).await();
        }
    }

    private static void answer(HttpExchange exchange, Map<String, byte[]> answers, byte[] empty) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            byte[] body = answers.getOrDefault(exchange.getRequestHeaders().getFirst("X-Amz-Target"), empty);
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
            exchange.getResponseHeaders().set("x-amzn-RequestId", "00000000-0000-0000-0000-000000000000");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
