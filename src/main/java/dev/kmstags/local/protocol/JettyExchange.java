package dev.kmstags.local.protocol;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/**
 * One Jetty request seen through the JDK's {@link HttpExchange}, the interface the KMS protocol code is written
 * against. The answer is collected whole and handed to Jetty in one write by {@link #answer}, with its length known.
 */
final class JettyExchange extends HttpExchange {

    private static final URI ROOT = URI.create("/");

    private final Request request;
    private final Headers requestHeaders = new Headers();
    private final Headers responseHeaders = new Headers();
    private final ByteArrayOutputStream responseBody = new ByteArrayOutputStream(256);
    private InputStream requestBody;
    private int status = -1;

    JettyExchange(Request request) {
        this.request = request;
        for (HttpField field : request.getHeaders()) {
            requestHeaders.add(field.getName(), field.getValue());
        }
    }

    /** Whether the client waits for {@code 100 Continue} before it sends the body. */
    boolean expectsContinue() {
        return request.getHeaders().contains(HttpHeader.EXPECT, HttpHeaderValue.CONTINUE.asString());
    }

    /** Whether the answer asks to close the connection, as it does after a refused body. */
    boolean closesConnection() {
        return "close".equalsIgnoreCase(responseHeaders.getFirst("Connection"));
    }

    /** The collected status, headers and body as one Jetty response; the last write of this exchange. */
    void answer(Response response, org.eclipse.jetty.util.Callback callback) {
        response.setStatus(status < 0 ? 500 : status);
        for (Map.Entry<String, List<String>> header : responseHeaders.entrySet()) {
            for (String value : header.getValue()) {
                response.getHeaders().add(header.getKey(), value);
            }
        }
        byte[] body = responseBody.toByteArray();
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    @Override
    public Headers getRequestHeaders() {
        return requestHeaders;
    }

    @Override
    public Headers getResponseHeaders() {
        return responseHeaders;
    }

    /** The request target as sent, such as {@code /}: no scheme or host, as the JDK's server gives it. */
    @Override
    public URI getRequestURI() {
        String target = request.getHttpURI().getPathQuery();
        if (ROOT.getPath().equals(target)) {
            return ROOT;
        }
        try {
            return new URI(target);
        } catch (URISyntaxException e) {
            return request.getHttpURI().toURI();
        }
    }

    @Override
    public String getRequestMethod() {
        return request.getMethod();
    }

    @Override
    public HttpContext getHttpContext() {
        throw new UnsupportedOperationException("the KMS backend has a single context");
    }

    @Override
    public void close() {
        // The answer is written by answer(), once the handler is done.
    }

    @Override
    public InputStream getRequestBody() {
        if (requestBody == null) {
            requestBody = Content.Source.asInputStream(request);
        }
        return requestBody;
    }

    @Override
    public OutputStream getResponseBody() {
        return responseBody;
    }

    @Override
    public void sendResponseHeaders(int responseCode, long responseLength) {
        status = responseCode;
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
        SocketAddress address = request.getConnectionMetaData().getRemoteSocketAddress();
        return address instanceof InetSocketAddress inet ? inet : null;
    }

    @Override
    public int getResponseCode() {
        return status;
    }

    @Override
    public InetSocketAddress getLocalAddress() {
        SocketAddress address = request.getConnectionMetaData().getLocalSocketAddress();
        return address instanceof InetSocketAddress inet ? inet : null;
    }

    @Override
    public String getProtocol() {
        return request.getConnectionMetaData().getProtocol();
    }

    @Override
    public Object getAttribute(String name) {
        return request.getAttribute(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        request.setAttribute(name, value);
    }

    @Override
    public void setStreams(InputStream in, OutputStream out) {
        throw new UnsupportedOperationException("the streams of a KMS exchange are fixed");
    }

    @Override
    public com.sun.net.httpserver.HttpPrincipal getPrincipal() {
        return null;
    }
}
