package dev.kmstags.local.protocol;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import dev.kmstags.local.KmsException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one HTTP exchange the way KMS does (AWS JSON 1.1): checks the request line and headers, reads the body,
 * verifies the signature, parses the JSON, calls the {@link KmsRequestHandler} and writes its result or a KMS error
 * envelope. Whatever goes wrong, the client gets a JSON answer and the server stays up.
 */
final class KmsExchangeHandler implements AsyncExchangeHandler {

    static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final String INTERNAL_MESSAGE =
            "The request was rejected because an internal exception occurred. The request can be retried.";
    private static final Logger LOG = LoggerFactory.getLogger(KmsExchangeHandler.class);

    private final Map<String, SigV4Verifier> verifiers;
    private final KmsRequestHandler handler;
    private final ObjectMapper mapper;

    /** @param verifiers the signature check of each service answered, by its SigV4 signing name */
    KmsExchangeHandler(Map<String, SigV4Verifier> verifiers, KmsRequestHandler handler, ObjectMapper mapper) {
        this.verifiers = Map.copyOf(verifiers);
        this.handler = handler;
        this.mapper = mapper;
    }

    /** Completes once the answer is written into the exchange: at once, or when the operation's write is committed. */
    @Override
    public CompletionStage<Void> handleAsync(HttpExchange exchange) {
        CompletionStage<Answer> answer;
        try {
            answer = answer(exchange);
        } catch (IOException | RuntimeException e) {
            close(exchange, e);
            return CompletableFuture.completedFuture(null);
        }
        return answer.handle((ready, failure) -> {
            try (exchange) {
                if (failure != null) {
                    throw unwrapped(failure);
                }
                send(exchange, ready);
            } catch (Throwable e) {
                close(exchange, e);
            }
            return null;
        });
    }

    private static void close(HttpExchange exchange, Throwable e) {
        try (exchange) {
            if (e instanceof IOException) {
                // The client went away or sent a broken body; there is nobody left to answer.
                LOG.debug("Could not answer {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            } else {
                // A bug here, not in the request handler: the JDK server closes the connection.
                LOG.error("Could not answer {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            }
        }
    }

    /**
     * The checks run in this order: body size (so an oversized body is never read), request line, content type
     * and target (as AWS, before authentication), signature (over the body as read), JSON, then the handler.
     */
    private CompletionStage<Answer> answer(HttpExchange exchange) throws IOException {
        byte[] body;
        try {
            body = LimitedBodyReader.read(exchange, MAX_BODY_BYTES);
        } catch (KmsException e) {
            return CompletableFuture.completedFuture(Answer.error(e, true));
        }
        KmsRequest request;
        CompletionStage<ObjectNode> result;
        try {
            ServiceTarget target = checkProtocol(exchange);
            SigV4Verifier.Caller caller = verifiers.get(target.signingName()).verify(exchange.getRequestMethod(),
                    exchange.getRequestURI(), exchange.getRequestHeaders(), body);
            ObjectNode json = parse(body);
            request = new KmsRequest(target.operation(), caller.region(), caller.accessKeyId(), json);
        } catch (KmsException e) {
            return CompletableFuture.completedFuture(Answer.error(e, false));
        }
        try {
            result = handler.handleAsync(request);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(failed(request, e));
        }
        return result.handle((output, failure) -> failure == null
                ? Answer.ok(output != null ? output : mapper.createObjectNode())
                : failed(request, unwrapped(failure)));
    }

    /** @return the service and operation named by the target header */
    private static ServiceTarget checkProtocol(HttpExchange exchange) {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        if (!"POST".equals(method) || !"/".equals(path)) {
            throw new KmsException(ProtocolErrors.UNKNOWN_OPERATION,
                    "KMS answers only POST /, not " + method + " " + path);
        }
        Headers headers = exchange.getRequestHeaders();
        String contentType = headers.getFirst("Content-Type");
        if (!isJson(contentType)) {
            throw new KmsException(ProtocolErrors.UNKNOWN_OPERATION, "Content-Type must be " + CONTENT_TYPE
                    + (contentType == null ? "; the request has none" : ", not '" + contentType + "'"));
        }
        return ServiceTarget.of(headers.getFirst("X-Amz-Target"));
    }

    /**
     * The AWS SDKs and the CLI send {@code application/x-amz-json-1.1}; hand-written clients often send
     * {@code application/json}, which AWS JSON services accept too. Parameters such as a charset are ignored.
     */
    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .strip().toLowerCase(Locale.ROOT);
        return CONTENT_TYPE.equals(mediaType) || "application/json".equals(mediaType);
    }

    private ObjectNode parse(byte[] body) {
        if (body.length == 0) {
            return mapper.createObjectNode();
        }
        int invalid = Utf8.firstInvalidByte(body);
        if (invalid >= 0) {
            throw new KmsException(ProtocolErrors.SERIALIZATION,
                    "The request body is not valid UTF-8 (at byte " + invalid + ").");
        }
        JsonNode json;
        try {
            json = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new KmsException(ProtocolErrors.SERIALIZATION, at == null ? "The request body is not valid JSON"
                    : "The request body is not valid JSON (line " + at.getLineNr() + ", column "
                    + at.getColumnNr() + ")");
        } catch (IOException e) {
            throw new KmsException(ProtocolErrors.SERIALIZATION, "The request body is not valid JSON");
        }
        if (json == null || json.isMissingNode()) {
            return mapper.createObjectNode();
        }
        if (!json.isObject()) {
            throw new KmsException(ProtocolErrors.SERIALIZATION, "The request body must be a JSON object");
        }
        return (ObjectNode) json;
    }

    /** What a stage failed with: a later stage sees it wrapped in a CompletionException. */
    private static Throwable unwrapped(Throwable failure) {
        return failure instanceof CompletionException wrapped && wrapped.getCause() != null ? wrapped.getCause()
                : failure;
    }

    /** The answer to an operation that threw: its KMS error, or an internal one for anything else. */
    private static Answer failed(KmsRequest request, Throwable failure) {
        if (failure instanceof KmsException e) {
            return Answer.error(e, false);
        }
        LOG.error("KMS operation {} failed unexpectedly; answering {}", request.operation(), ProtocolErrors.INTERNAL,
                failure);
        return Answer.error(new KmsException(ProtocolErrors.INTERNAL, INTERNAL_MESSAGE, 500), false);
    }

    private void send(HttpExchange exchange, Answer answer) throws IOException {
        byte[] bytes = mapper.writeValueAsBytes(answer.body());
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", CONTENT_TYPE);
        headers.set("x-amzn-RequestId", RequestIds.next());
        if (answer.closeConnection()) {
            headers.set("Connection", "close");
        }
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(answer.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private record Answer(int status, ObjectNode body, boolean closeConnection) {

        static Answer ok(ObjectNode body) {
            return new Answer(200, body, false);
        }

        static Answer error(KmsException e, boolean closeConnection) {
            ObjectNode body = JsonNodeFactory.instance.objectNode().put("__type", e.code());
            if (e.getMessage() != null) {
                body.put("message", e.getMessage());
            }
            return new Answer(e.status(), body, closeConnection);
        }
    }
}
