package dev.kmstags.local.protocol;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.kmstags.local.KmsException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one HTTP exchange in AWS's query protocol, as IAM does: a form-encoded {@code POST /} with
 * {@code Action} and {@code Version}, SigV4 with the service given ({@code iam}), and an XML answer; errors as IAM's
 * {@code <ErrorResponse>} with a Sender or Receiver type.
 */
final class QueryExchangeHandler implements HttpHandler {

    static final String FORM = "application/x-www-form-urlencoded";
    private static final String XML = "text/xml";
    private static final Logger LOG = LoggerFactory.getLogger(QueryExchangeHandler.class);

    private final SigV4Verifier verifier;
    private final QueryRequestHandler handler;
    private final String namespace;

    /** @param namespace the XML namespace of answers, {@code https://iam.amazonaws.com/doc/2010-05-08/} for IAM */
    QueryExchangeHandler(SigV4Verifier verifier, QueryRequestHandler handler, String namespace) {
        this.verifier = verifier;
        this.handler = handler;
        this.namespace = namespace;
    }

    /** Whether a request is in the query protocol: a form-encoded body. */
    static boolean accepts(HttpExchange exchange) {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        return contentType != null && contentType.strip().toLowerCase(Locale.ROOT).startsWith(FORM);
    }

    @Override
    public void handle(HttpExchange exchange) {
        try (exchange) {
            String requestId = RequestIds.next();
            int status = 200;
            String body;
            try {
                body = answer(exchange, requestId);
            } catch (KmsException e) {
                status = e.status();
                body = error(e, requestId);
            } catch (RuntimeException e) {
                LOG.error("Query action failed unexpectedly", e);
                status = 500;
                body = error(new KmsException("ServiceFailure", "An internal error occurred.", 500), requestId);
            }
            send(exchange, status, requestId, body.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.debug("Could not answer {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
        }
    }

    private String answer(HttpExchange exchange, String requestId) throws IOException {
        byte[] body = LimitedBodyReader.read(exchange, KmsExchangeHandler.MAX_BODY_BYTES);
        if (!"POST".equals(exchange.getRequestMethod()) || !"/".equals(exchange.getRequestURI().getPath())) {
            throw new KmsException("InvalidAction", "Only POST / is answered here.");
        }
        try {
            verifier.verify(exchange.getRequestMethod(), exchange.getRequestURI(), exchange.getRequestHeaders(),
                    body);
        } catch (KmsException e) {
            throw asQueryError(e);
        }
        Map<String, String> parameters = form(new String(body, StandardCharsets.UTF_8));
        String action = parameters.getOrDefault("Action", "");
        if (action.isEmpty()) {
            throw new KmsException("MissingAction", "Missing Action");
        }
        return handler.handle(new QueryRequest(action, parameters.getOrDefault("Version", ""), parameters),
                requestId);
    }

    /** The codes query-protocol services answer for signature problems, where KMS has its own names. */
    private static KmsException asQueryError(KmsException e) {
        return switch (e.code()) {
            case ProtocolErrors.MISSING_TOKEN -> new KmsException("MissingAuthenticationToken", e.getMessage(), 403);
            case ProtocolErrors.INCOMPLETE_SIGNATURE -> new KmsException("IncompleteSignature", e.getMessage(), 400);
            case ProtocolErrors.UNRECOGNIZED_CLIENT -> new KmsException("InvalidClientTokenId", e.getMessage(), 403);
            default -> new KmsException("SignatureDoesNotMatch", e.getMessage(), 403);
        };
    }

    private static Map<String, String> form(String body) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            try {
                parameters.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new KmsException("MalformedQueryString", "The form parameter " + name + " is not URL-encoded.");
            }
        }
        return parameters;
    }

    private String error(KmsException e, String requestId) {
        String type = e.status() >= 500 ? "Receiver" : "Sender";
        return "<ErrorResponse xmlns=\"" + namespace + "\">\n  <Error>\n    <Type>" + type + "</Type>\n    <Code>"
                + Xml.escape(e.code()) + "</Code>\n    <Message>" + Xml.escape(String.valueOf(e.getMessage()))
                + "</Message>\n  </Error>\n  <RequestId>" + requestId + "</RequestId>\n</ErrorResponse>\n";
    }

    private static void send(HttpExchange exchange, int status, String requestId, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", XML);
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
