package dev.kmstags.local.protocol;

import com.sun.net.httpserver.Headers;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The SigV4 canonical request, built from what the server received. It follows the rules for services other than
 * S3: the path is URI-encoded once more (double encoding), query parameters are decoded, re-encoded and sorted,
 * and each signed header contributes its trimmed values with inner runs of whitespace collapsed.
 */
final class CanonicalRequest {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final Comparator<String[]> BY_NAME_THEN_VALUE =
            Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]);

    private CanonicalRequest() {
    }

    static String of(String method, URI uri, Headers headers, AuthorizationHeader authorization, String payloadHash) {
        StringBuilder canonical = new StringBuilder(512);
        canonical.append(method).append('\n');
        appendPath(canonical, uri.getRawPath());
        canonical.append('\n');
        appendQuery(canonical, uri.getRawQuery());
        canonical.append('\n');
        for (String name : authorization.signedHeaderNames()) {
            canonical.append(name).append(':');
            appendValues(canonical, headers.get(name));
            canonical.append('\n');
        }
        canonical.append('\n').append(authorization.signedHeaders()).append('\n').append(payloadHash);
        return canonical.toString();
    }

    private static void appendPath(StringBuilder canonical, String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            canonical.append('/');
            return;
        }
        appendEncoded(canonical, rawPath, true);
    }

    private static void appendQuery(StringBuilder canonical, String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return;
        }
        List<String[]> parameters = new ArrayList<>();
        for (String parameter : rawQuery.split("&")) {
            if (parameter.isEmpty()) {
                continue;
            }
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            String value = equals < 0 ? "" : parameter.substring(equals + 1);
            parameters.add(new String[] {encode(decode(name)), encode(decode(value))});
        }
        parameters.sort(BY_NAME_THEN_VALUE);
        for (int i = 0; i < parameters.size(); i++) {
            if (i > 0) {
                canonical.append('&');
            }
            canonical.append(parameters.get(i)[0]).append('=').append(parameters.get(i)[1]);
        }
    }

    private static void appendValues(StringBuilder canonical, List<String> values) {
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                canonical.append(',');
            }
            appendTrimmedCollapsed(canonical, asSent(values.get(i)));
        }
    }

    /**
     * The JDK server turns each header byte into one char (ISO-8859-1), while signers hash header values as UTF-8:
     * undo that for the rare value that is not ASCII, so the hash covers the bytes the client sent.
     */
    private static String asSent(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) > 0x7f) {
                return new String(value.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            }
        }
        return value;
    }

    private static void appendTrimmedCollapsed(StringBuilder canonical, String value) {
        if (isTrimmedAndCollapsed(value)) {
            // Nearly every value, as clients send them: appended whole rather than char by char.
            canonical.append(value);
            return;
        }
        boolean pendingSpace = false;
        boolean started = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ' ' || c == '\t') {
                pendingSpace = started;
                continue;
            }
            if (pendingSpace) {
                canonical.append(' ');
                pendingSpace = false;
            }
            canonical.append(c);
            started = true;
        }
    }

    /** Whether the value has no whitespace at either end, no tab, and no two spaces in a row. */
    private static boolean isTrimmedAndCollapsed(String value) {
        int last = value.length() - 1;
        if (last >= 0 && (value.charAt(0) == ' ' || value.charAt(last) == ' ')) {
            return false;
        }
        for (int i = 0; i <= last; i++) {
            char c = value.charAt(i);
            if (c == '\t' || (c == ' ' && value.charAt(i + 1) == ' ')) {
                return false;
            }
        }
        return true;
    }

    private static String encode(String text) {
        StringBuilder encoded = new StringBuilder(text.length() + 8);
        appendEncoded(encoded, text, false);
        return encoded.toString();
    }

    /** Percent-encodes every byte but the unreserved characters (and '/' when asked), as SigV4 requires. */
    private static void appendEncoded(StringBuilder out, String text, boolean keepSlash) {
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~' || (keepSlash && c == '/')) {
                out.append(c);
            } else {
                out.append('%').append(HEX[(b >> 4) & 0x0f]).append(HEX[b & 0x0f]);
            }
        }
    }

    /** Decodes %XX escapes; a '+' stays a '+', and a broken escape is kept as it was sent. */
    private static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length);
        for (int i = 0; i < raw.length; i++) {
            int high = i + 2 < raw.length ? Character.digit(raw[i + 1], 16) : -1;
            int low = i + 2 < raw.length ? Character.digit(raw[i + 2], 16) : -1;
            if (raw[i] == '%' && high >= 0 && low >= 0) {
                bytes.write(high << 4 | low);
                i += 2;
            } else {
                bytes.write(raw[i]);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
