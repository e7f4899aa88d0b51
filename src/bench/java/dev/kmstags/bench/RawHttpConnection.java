package dev.kmstags.bench;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A minimal HTTP/1.1 client on one keep-alive connection to 127.0.0.1, so that the load generator costs little
 * next to the server it measures: it writes a prepared request in one call and reads the status line, the headers
 * and a {@code Content-Length} (or chunked) body from its own buffer. When the server answers with
 * {@code Connection: close} (moto_server does, on every answer), the next exchange opens a new connection, and
 * {@link #connects()} counts them.
 */
final class RawHttpConnection implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int READ_TIMEOUT_MS = 30_000;

    private final InetSocketAddress address;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final byte[] buffer = new byte[16 * 1024];
    private int position;
    private int limit;
    private byte[] body = new byte[16 * 1024];
    private int bodyLength;
    private long connects;

    RawHttpConnection(int port) {
        this.address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    /** Sends one request and reads the whole answer; returns the HTTP status. */
    int exchange(byte[] request) throws IOException {
        if (socket == null) {
            open();
        }
        out.write(request);
        out.flush();
        return readResponse();
    }

    /** Opens the connection now (it is otherwise opened by the first exchange). */
    void open() throws IOException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.setSoTimeout(READ_TIMEOUT_MS);
            s.connect(address, CONNECT_TIMEOUT_MS);
            in = s.getInputStream();
            out = s.getOutputStream();
        } catch (IOException e) {
            s.close();
            throw e;
        }
        socket = s;
        position = 0;
        limit = 0;
        connects++;
    }

    /** The body of the last answer, as text. */
    String body() {
        return new String(body, 0, bodyLength, StandardCharsets.UTF_8);
    }

    byte[] bodyBytes() {
        return Arrays.copyOf(body, bodyLength);
    }

    /** How many TCP connections this client has opened. */
    long connects() {
        return connects;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }

    private int readResponse() throws IOException {
        String statusLine = readLine();
        if (statusLine == null) {
            close();
            throw new EOFException("the server closed the connection without answering");
        }
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
            close();
            throw new IOException("not an HTTP status line: " + statusLine);
        }
        boolean http10 = statusLine.charAt(7) == '0';
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long contentLength = -1;
        boolean chunked = false;
        boolean closeAfter = http10;
        String line;
        while ((line = readLine()) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon);
            String value = line.substring(colon + 1).strip();
            if (name.equalsIgnoreCase("Content-Length")) {
                contentLength = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.equalsIgnoreCase("chunked");
            } else if (name.equalsIgnoreCase("Connection")) {
                closeAfter = value.equalsIgnoreCase("close") || (http10 && !value.equalsIgnoreCase("keep-alive"));
            }
        }
        if (line == null) {
            close();
            throw new EOFException("the connection ended inside the response headers");
        }
        bodyLength = 0;
        if (chunked) {
            readChunked();
        } else if (contentLength >= 0) {
            readExactly((int) contentLength);
        } else if (closeAfter) {
            readToEnd();
        }
        if (closeAfter) {
            close();
        }
        return status;
    }

    private void readChunked() throws IOException {
        while (true) {
            String sizeLine = readLine();
            if (sizeLine == null) {
                throw new EOFException("the connection ended inside a chunked body");
            }
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip(), 16);
            if (size == 0) {
                String trailer;
                while ((trailer = readLine()) != null && !trailer.isEmpty()) {
                    // trailers are ignored
                }
                return;
            }
            readExactly(size);
            readLine();
        }
    }

    private void readExactly(int length) throws IOException {
        ensureBody(bodyLength + length);
        int remaining = length;
        while (remaining > 0) {
            if (position == limit && !fill()) {
                throw new EOFException("the connection ended inside the body");
            }
            int n = Math.min(remaining, limit - position);
            System.arraycopy(buffer, position, body, bodyLength, n);
            position += n;
            bodyLength += n;
            remaining -= n;
        }
    }

    private void readToEnd() throws IOException {
        while (position < limit || fill()) {
            int n = limit - position;
            ensureBody(bodyLength + n);
            System.arraycopy(buffer, position, body, bodyLength, n);
            position += n;
            bodyLength += n;
        }
    }

    private void ensureBody(int size) {
        if (size > body.length) {
            body = Arrays.copyOf(body, Math.max(size, body.length * 2));
        }
    }

    /** A header line without its CRLF, or null at the end of the stream. */
    private String readLine() throws IOException {
        StringBuilder line = null;
        while (true) {
            if (position == limit && !fill()) {
                return line == null ? null : line.toString();
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int end = position;
            boolean complete = position < limit;
            if (complete) {
                position++;
            }
            if (line == null && complete) {
                int to = end > start && buffer[end - 1] == '\r' ? end - 1 : end;
                return new String(buffer, start, to - start, StandardCharsets.ISO_8859_1);
            }
            if (line == null) {
                line = new StringBuilder();
            }
            line.append(new String(buffer, start, end - start, StandardCharsets.ISO_8859_1));
            if (complete) {
                int length = line.length();
                if (length > 0 && line.charAt(length - 1) == '\r') {
                    line.setLength(length - 1);
                }
                return line.toString();
            }
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }
}
