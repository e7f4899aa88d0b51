package dev.kmstags.ui.common;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Objects;

/**
 * How the UI writes points in time, in the user's locale and time zone: a short date where room is scarce (table
 * cells), date and time where there is room (the details panel).
 */
public record DateFormats(DateTimeFormatter date, DateTimeFormatter dateTime) {

    public DateFormats {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(dateTime, "dateTime");
    }

    /** The formats of {@code locale}, in {@code zone}. */
    public static DateFormats of(Locale locale, ZoneId zone) {
        return new DateFormats(
                DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).withZone(zone),
                DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(locale).withZone(zone));
    }
}
