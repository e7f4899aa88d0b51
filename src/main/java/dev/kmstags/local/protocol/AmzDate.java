package dev.kmstags.local.protocol;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The ISO-8601 basic format of SigV4 request times, {@code yyyyMMdd'T'HHmmss'Z'}, read and written by hand: every
 * signed request needs both, and {@link java.time.format.DateTimeFormatter} made them a tenth of the cost of a
 * TagResource. As strict as the formatter was: exactly 16 characters, and a date and time that exist.
 */
final class AmzDate {

    private static final int LENGTH = 16;

    private AmzDate() {
    }

    /** @throws DateTimeException when the text is not a valid basic-format UTC time */
    static Instant parse(String text) {
        if (text.length() != LENGTH || text.charAt(8) != 'T' || text.charAt(15) != 'Z') {
            throw new DateTimeException("not in basic format: " + text);
        }
        return LocalDateTime.of(digits(text, 0, 4), digits(text, 4, 2), digits(text, 6, 2), digits(text, 9, 2),
                digits(text, 11, 2), digits(text, 13, 2)).toInstant(ZoneOffset.UTC);
    }

    static String format(Instant time) {
        LocalDateTime t = LocalDateTime.ofInstant(time, ZoneOffset.UTC);
        char[] text = new char[LENGTH];
        put(text, 0, t.getYear(), 4);
        put(text, 4, t.getMonthValue(), 2);
        put(text, 6, t.getDayOfMonth(), 2);
        text[8] = 'T';
        put(text, 9, t.getHour(), 2);
        put(text, 11, t.getMinute(), 2);
        put(text, 13, t.getSecond(), 2);
        text[15] = 'Z';
        return new String(text);
    }

    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new DateTimeException("not a digit at " + i + ": " + text);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static void put(char[] text, int at, int value, int count) {
        if (value < 0 || value >= Math.pow(10, count)) {
            throw new DateTimeException("year out of the basic format's range: " + value);
        }
        for (int i = at + count - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
