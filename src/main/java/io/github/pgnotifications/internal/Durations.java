package io.github.pgnotifications.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the durations users write in annotations and configuration: {@code 300ms}, {@code 5s}, {@code 1m}, {@code PT5S}. */
public final class Durations {

    private static final Pattern SHORT_FORM = Pattern.compile("(\\d+)\\s*(ms|s|m)");

    private Durations() {
    }

    /**
     * @param value  the text to parse
     * @param source where the value came from, named in the error
     * @throws SetupException if the text is not a positive duration
     */
    public static Duration parse(String value, String source) {
        Duration duration = parseOrNull(value.trim().toLowerCase(Locale.ROOT));
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw new SetupException(Messages.badDuration(value, source));
        }
        return duration;
    }

    private static Duration parseOrNull(String text) {
        Matcher matcher = SHORT_FORM.matcher(text);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                default -> Duration.ofMinutes(amount);
            };
        }
        try {
            return Duration.parse(text.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Renders a duration the way users write it: {@code 300ms}, {@code 5s}, {@code 1.5s}. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + "ms";
        }
        if (millis % 1000 == 0) {
            return (millis / 1000) + "s";
        }
        return String.format(Locale.ROOT, "%.3fs", millis / 1000.0).replaceAll("0+s$", "s");
    }
}
