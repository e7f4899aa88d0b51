package dev.kmstags.local.protocol;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import dev.kmstags.local.service.BackendOperations;
import dev.kmstags.local.store.SqliteKeyStore;
import dev.kmstags.local.store.StoreParts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the bundled backend's CPU goes within one request, part by part, without Jetty: each part of
 * TagResource and ListResourceTags (the backend benchmark's requests) called on its own, many times, in one thread,
 * with warm code, timed by the thread's CPU time; the median of several rounds. These are lower bounds: under
 * concurrent load on few cores every part costs more. Run by {@code mvn -Pbench verify -Dbench.skipRequestParts=false}
 * (with the other harnesses skipped); {@code -Dbench.requestParts.rounds} sets the rounds.
 */
public final class RequestPartsBench {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final URI ENDPOINT = URI.create("http://127.0.0.1:4599/");
    private static final String REGION = "eu-central-1";
    private static final int KEYS = 64;
    private static final int LISTED_TAGS = 10;
    private static final int REQUESTS = 256;
    private static final int ITERATIONS = 20_000;

    private RequestPartsBench() {
    }

    /** A signed request as the server receives it. */
    private record Signed(Headers headers, byte[] body) {
    }

    private interface Part {
        void run(int i) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("bench.requestParts.rounds", 5);
        Path file = Files.createTempFile("kms-request-parts-", ".db");
        Files.delete(file);
        try (SqliteKeyStore store = SqliteKeyStore.open(file)) {
            // As KmsHttpServer makes it.
            ObjectMapper mapper = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
            BackendOperations operations = new BackendOperations(store, Clock.systemUTC());
            SigV4Verifier verifier = new SigV4Verifier(TestRequest.CREDENTIALS, Clock.systemUTC());
            KmsExchangeHandler handler = new KmsExchangeHandler(Map.of(ServiceTarget.KMS, verifier), operations, mapper);
            List<String> tagged = createKeys(operations, mapper, 2);
            List<String> listed = createKeys(operations, mapper, LISTED_TAGS);

            Map<String, List<Double>> tag = new LinkedHashMap<>();
            Map<String, List<Double>> list = new LinkedHashMap<>();
            for (int round = 0; round < rounds; round++) {
                Signed[] tagRequests = sign("TagResource", j -> "{\"KeyId\":\"" + tagged.get(j % KEYS)
                        + "\",\"Tags\":[{\"TagKey\":\"Owner\",\"TagValue\":\"team-" + (j % 17)
                        + "\"},{\"TagKey\":\"bench:writer\",\"TagValue\":\"c0-" + j + "\"}]}");
                Signed[] listRequests = sign("ListResourceTags", j -> "{\"KeyId\":\"" + listed.get(j % KEYS) + "\"}");
                measure(tag, "TagResource", tagRequests, handler, verifier, operations, mapper);
                measure(list, "ListResourceTags", listRequests, handler, verifier, operations, mapper);
                time(list, "store: read the key", i -> store.read(s -> s.findKey(listed.get(i % KEYS))));
                time(list, "store: read its 10 tags", i -> store.read(s -> StoreParts.tagsAfter(s,
                        listed.get(i % KEYS), null, LISTED_TAGS + 1)));
                time(list, "store: read both", i -> store.read(s -> {
                    s.findKey(listed.get(i % KEYS));
                    return StoreParts.tagsAfter(s, listed.get(i % KEYS), null, LISTED_TAGS + 1);
                }));
                time(list, "store: the page, mirrored", i -> store.keyTagPage(listed.get(i % KEYS), null,
                        LISTED_TAGS + 1));
                time(list, "store: the commit sequence", i -> StoreParts.commitSequence(store));
                time(list, "store: key, all tags, sequence", i -> StoreParts.keyWithTags(store,
                        listed.get(i % KEYS)));
                time(tag, "store: an empty write transaction", i -> store.write(s -> null));
            }
            System.out.printf(Locale.ROOT, "== Request parts, one thread, µs of CPU per call, median of %d rounds"
                    + " of %,d calls%n", rounds, ITERATIONS);
            System.out.printf(Locale.ROOT, "%-40s %12s %17s%n", "part", "TagResource", "ListResourceTags");
            List<String> parts = new ArrayList<>(tag.keySet());
            list.keySet().stream().filter(part -> !parts.contains(part)).forEach(parts::add);
            for (String part : parts) {
                System.out.printf(Locale.ROOT, "%-40s %12s %17s%n", part, median(tag.get(part)),
                        median(list.get(part)));
            }
        } finally {
            for (String suffix : List.of("", "-wal", "-shm")) {
                Files.deleteIfExists(Path.of(file + suffix));
            }
        }
    }

    private static void measure(Map<String, List<Double>> results, String operation, Signed[] requests,
                                KmsExchangeHandler handler, SigV4Verifier verifier, BackendOperations operations,
                                ObjectMapper mapper) throws Exception {
        ObjectNode[] bodies = new ObjectNode[REQUESTS];
        ObjectNode[] answers = new ObjectNode[REQUESTS];
        for (int j = 0; j < REQUESTS; j++) {
            bodies[j] = (ObjectNode) mapper.readTree(requests[j].body());
        }
        time(results, "whole KMS handler (no Jetty)", i -> {
            // Copying the headers into the exchange is in the figure too, as JettyExchange copies them.
            InMemoryExchange exchange = new InMemoryExchange(requests[i % REQUESTS]);
            handler.handle(exchange);
            if (exchange.getResponseCode() != 200) {
                throw new IllegalStateException(operation + " answered " + exchange.answer());
            }
        });
        time(results, "SigV4 check", i -> verifier.verify("POST", ENDPOINT, requests[i % REQUESTS].headers(),
                requests[i % REQUESTS].body()));
        time(results, "JSON: UTF-8 check, parsing the request", i -> {
            Utf8.firstInvalidByte(requests[i % REQUESTS].body());
            mapper.readTree(requests[i % REQUESTS].body());
        });
        time(results, "the operation (rules, key, SQLite)", i -> answers[i % REQUESTS] = operations.handle(
                new KmsRequest(operation, REGION, TestRequest.ACCESS_KEY, bodies[i % REQUESTS])));
        time(results, "JSON: writing the answer", i -> mapper.writeValueAsBytes(answers[i % REQUESTS]));
    }

    /** Runs the part {@link #ITERATIONS} times (after as many unmeasured) and adds its CPU µs per call. */
    private static void time(Map<String, List<Double>> results, String name, Part part) throws Exception {
        for (int i = 0; i < ITERATIONS; i++) {
            part.run(i);
        }
        long start = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < ITERATIONS; i++) {
            part.run(i);
        }
        double micros = (THREADS.getCurrentThreadCpuTime() - start) / 1e3 / ITERATIONS;
        results.computeIfAbsent(name, n -> new ArrayList<>()).add(micros);
    }

    private static String median(List<Double> values) {
        if (values == null) {
            return "";
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return String.format(Locale.ROOT, "%.1f", sorted[(sorted.length - 1) / 2]);
    }

    private interface BodyMaker {
        String body(int index);
    }

    /** Requests signed now, by the AWS SDK's signer: valid for 5 minutes, so each round signs its own. */
    private static Signed[] sign(String operation, BodyMaker bodies) {
        Signed[] signed = new Signed[REQUESTS];
        for (int j = 0; j < REQUESTS; j++) {
            TestRequest request = TestRequest.operation(ENDPOINT, operation).region(REGION).body(bodies.body(j));
            signed[j] = new Signed(request.serverHeaders(), request.body());
        }
        return signed;
    }

    private static List<String> createKeys(BackendOperations operations, ObjectMapper mapper, int tags)
            throws IOException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < KEYS; i++) {
            StringBuilder body = new StringBuilder("{\"Description\":\"request parts\",\"Tags\":[");
            for (int t = 0; t < tags; t++) {
                body.append(t > 0 ? "," : "").append("{\"TagKey\":\"bench-tag-").append(t)
                        .append("\",\"TagValue\":\"value ").append(t).append(" of key ").append(i).append("\"}");
            }
            body.append("]}");
            ObjectNode created = operations.handle(new KmsRequest("CreateKey", REGION, TestRequest.ACCESS_KEY,
                    (ObjectNode) mapper.readTree(body.toString())));
            ids.add(created.path("KeyMetadata").path("KeyId").asText());
        }
        return ids;
    }

    /** A request held in memory, as the handler sees one from Jetty; the answer is kept. */
    private static final class InMemoryExchange extends HttpExchange {

        private final Headers requestHeaders = new Headers();
        private final Headers responseHeaders = new Headers();
        private final byte[] body;
        private final ByteArrayOutputStream answer = new ByteArrayOutputStream(256);
        private int status = -1;

        InMemoryExchange(Signed request) {
            request.headers().forEach(requestHeaders::put);
            this.body = request.body();
        }

        String answer() {
            return status + " " + answer;
        }

        @Override
        public Headers getRequestHeaders() {
            return requestHeaders;
        }

        @Override
        public Headers getResponseHeaders() {
            return responseHeaders;
        }

        @Override
        public URI getRequestURI() {
            return URI.create("/");
        }

        @Override
        public String getRequestMethod() {
            return "POST";
        }

        @Override
        public HttpContext getHttpContext() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }

        @Override
        public InputStream getRequestBody() {
            return new ByteArrayInputStream(body);
        }

        @Override
        public OutputStream getResponseBody() {
            return answer;
        }

        @Override
        public void sendResponseHeaders(int code, long length) {
            status = code;
        }

        @Override
        public InetSocketAddress getRemoteAddress() {
            return null;
        }

        @Override
        public int getResponseCode() {
            return status;
        }

        @Override
        public InetSocketAddress getLocalAddress() {
            return null;
        }

        @Override
        public String getProtocol() {
            return "HTTP/1.1";
        }

        @Override
        public Object getAttribute(String name) {
            return null;
        }

        @Override
        public void setAttribute(String name, Object value) {
        }

        @Override
        public void setStreams(InputStream in, OutputStream out) {
            throw new UnsupportedOperationException();
        }

        @Override
        public HttpPrincipal getPrincipal() {
            return null;
        }
    }
}
