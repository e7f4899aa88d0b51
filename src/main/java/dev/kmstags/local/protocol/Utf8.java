package dev.kmstags.local.protocol;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8: overlong forms ({@code C0 AF} for {@code /}), encoded surrogates ({@code ED A0 80}) and code points
 * beyond U+10FFFF ({@code F4 90 80 80}) are not UTF-8. A JSON parser may decode them leniently into other text than
 * was sent, so a request body is checked before it is parsed.
 */
final class Utf8 {

    private Utf8() {
    }

    /** @return the offset of the first byte that is not part of valid UTF-8, or -1 when all of it is valid */
    static int firstInvalidByte(byte[] bytes) {
        int i = 0;
        while (i < bytes.length && bytes[i] >= 0) {
            i++;
        }
        if (i == bytes.length) {
            return -1;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, i, bytes.length - i);
        CharBuffer out = CharBuffer.allocate(Math.max(16, bytes.length - i));
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            return in.position();
        }
        result = decoder.flush(out);
        return result.isError() ? in.position() : -1;
    }
}
