package dev.kmstags.local.protocol;

import com.sun.net.httpserver.HttpExchange;
import dev.kmstags.local.KmsException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a request body up to a limit. A body announced as too large by {@code Content-Length} is refused without
 * reading any of it; a chunked body is read only until it passes the limit. Either way the rest stays unread, and
 * the server closes that connection after answering.
 */
final class LimitedBodyReader {

    private static final int CHUNKED_START = 8 * 1024;

    private LimitedBodyReader() {
    }

    /**
     * @return the whole body, empty when there is none
     * @throws KmsException {@code ValidationException} when the body is larger than {@code limit} bytes
     */
    static byte[] read(HttpExchange exchange, int limit) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        // The JDK server has already rejected a Content-Length that is not a number.
        long length = declared == null ? -1 : Long.parseLong(declared.strip());
        if (length > limit) {
            throw tooLarge(length + " bytes", limit);
        }
        // One byte more than announced, so the read that finds the end happens too: only then does the JDK
        // server keep the connection alive.
        byte[] buffer = new byte[length < 0 ? CHUNKED_START : (int) length + 1];
        int total = 0;
        InputStream in = exchange.getRequestBody();
        while (true) {
            if (total == buffer.length) {
                if (total > limit) {
                    throw tooLarge("more than " + limit + " bytes", limit);
                }
                buffer = Arrays.copyOf(buffer, (int) Math.min(2L * total, limit + 1L));
            }
            // Never a read of zero bytes: at a chunk boundary it would wait for a next chunk that may never come.
            int read = in.read(buffer, total, buffer.length - total);
            if (read < 0) {
                return total == buffer.length ? buffer : Arrays.copyOf(buffer, total);
            }
            total += read;
        }
    }

    private static KmsException tooLarge(String size, int limit) {
        return new KmsException(ProtocolErrors.VALIDATION, "The request body is " + size
                + "; this server accepts request bodies of at most " + limit + " bytes.");
    }
}
