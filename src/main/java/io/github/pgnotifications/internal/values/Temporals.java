package io.github.pgnotifications.internal.values;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/**
 * Dates and times as PostgreSQL's JSON functions write them ({@code 2022-03-16}, {@code 10:00:00},
 * {@code 2022-03-16T10:00:00}, {@code 2022-03-16T10:00:00+05:30}, {@code 10:00:00+00}), read into java.time.
 */
public final class Temporals {

    /** ISO offsets as PostgreSQL writes them: {@code +05:30}, {@code +00}, {@code -03:30:15}, or {@code Z}. */
    private static final DateTimeFormatter OFFSET = new DateTimeFormatterBuilder()
            .appendOffset("+HH:mm:ss", "Z").toFormatter();
    private static final DateTimeFormatter OFFSET_DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).appendOffset("+HH:mm:ss", "Z").toFormatter();
    private static final DateTimeFormatter OFFSET_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_TIME).appendOffset("+HH:mm:ss", "Z").toFormatter();

    private Temporals() {
    }

    /**
     * The date or time a text denotes, or null when it is none: an {@link OffsetDateTime}, {@link LocalDateTime},
     * {@link LocalDate}, {@link OffsetTime} or {@link LocalTime}.
     */
    public static TemporalAccessor parse(String text) {
        int length = text.length();
        if (length >= 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            if (length == 10) {
                return attempt(() -> LocalDate.parse(text));
            }
            if (text.charAt(10) == 'T' || text.charAt(10) == ' ') {
                String iso = text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
                TemporalAccessor withOffset = attempt(() -> OffsetDateTime.parse(iso, OFFSET_DATE_TIME));
                return withOffset != null ? withOffset : attempt(() -> LocalDateTime.parse(iso));
            }
            return null;
        }
        if (length >= 8 && text.charAt(2) == ':' && text.charAt(5) == ':') {
            TemporalAccessor withOffset = attempt(() -> OffsetTime.parse(text, OFFSET_TIME));
            return withOffset != null ? withOffset : attempt(() -> LocalTime.parse(text));
        }
        return null;
    }

    /** One ISO text per value, seconds always written: {@code 2022-03-16T10:00:00}, {@code 10:00:00+05:30}. */
    static String format(TemporalAccessor temporal) {
        if (temporal instanceof LocalDateTime time) {
            return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(time);
        }
        if (temporal instanceof LocalTime time) {
            return DateTimeFormatter.ISO_LOCAL_TIME.format(time);
        }
        if (temporal instanceof OffsetTime time) {
            return DateTimeFormatter.ISO_LOCAL_TIME.format(time) + OFFSET.format(time);
        }
        return temporal.toString();
    }

    private static TemporalAccessor attempt(java.util.function.Supplier<TemporalAccessor> parse) {
        try {
            return parse.get();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
