package io.github.pgnotifications.internal.values;

import io.github.pgnotifications.internal.json.LiteralNumber;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * The one rule by which the library compares a value that arrived with a value a test names: ids of awaits and values
 * of assertions alike. Values match by what they mean, not by their Java type: {@code 7}, {@code 7L}, {@code 7.0},
 * {@code new BigDecimal("7.00")} and the text {@code "7"} are the same number; an {@link OffsetDateTime} matches any
 * offset of the same instant, and its ISO text; a {@link UUID}, an enum constant, a boolean match their text; maps and
 * lists match element by element. Two texts match only when equal.
 *
 * <p>{@link #hashKey} gives values that match the same key, so that an index can find candidates that this rule then
 * confirms.
 */
public final class Values {

    private Values() {
    }

    /** Whether a value that arrived ({@code actual}) is what a test named ({@code expected}). */
    public static boolean matches(Object actual, Object expected) {
        if (actual == null || expected == null) {
            return actual == expected;
        }
        if (actual instanceof CharSequence a && expected instanceof CharSequence e) {
            return a.toString().equals(e.toString());
        }
        if (actual instanceof Map<?, ?> a && expected instanceof Map<?, ?> e) {
            return a.keySet().equals(e.keySet()) && a.keySet().stream().allMatch(k -> matches(a.get(k), e.get(k)));
        }
        List<?> actualItems = items(actual);
        List<?> expectedItems = items(expected);
        if (actualItems != null || expectedItems != null) {
            return actualItems != null && expectedItems != null && sameItems(actualItems, expectedItems);
        }
        if (actual instanceof byte[] || expected instanceof byte[]) {
            return Arrays.equals(bytes(actual), bytes(expected)) && bytes(actual) != null;
        }
        if (actual.equals(expected)) {
            return true;
        }
        return hashKey(actual).equals(hashKey(expected));
    }

    private static boolean sameItems(List<?> actual, List<?> expected) {
        if (actual.size() != expected.size()) {
            return false;
        }
        Iterator<?> other = expected.iterator();
        return actual.stream().allMatch(item -> matches(item, other.next()));
    }

    /**
     * A canonical text of a value such that values that {@link #matches match} have the same key: numbers by value,
     * instants as instants, local dates and times in one ISO form, UUIDs in lower case, enums by name.
     */
    public static String hashKey(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Number number) {
            return number(number);
        }
        if (value instanceof CharSequence text) {
            return text(text.toString());
        }
        if (value instanceof TemporalAccessor temporal) {
            return temporal(temporal);
        }
        if (value instanceof UUID || value instanceof Boolean) {
            return value.toString().toLowerCase(Locale.ROOT);
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof byte[] bytes) {
            return "\\x" + HexFormat.of().formatHex(bytes);
        }
        List<?> items = items(value);
        if (items != null) {
            StringJoiner joined = new StringJoiner("\u0000", "[", "]");
            items.forEach(item -> joined.add(hashKey(item)));
            return joined.toString();
        }
        return value.toString();
    }

    private static String number(Number number) {
        if (number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte) {
            return Long.toString(number.longValue());
        }
        if (number instanceof LiteralNumber literal) {
            return Numbers.canonical(literal);
        }
        BigDecimal decimal = Numbers.decimal(number);
        return decimal == null ? number.toString() : Numbers.canonical(decimal);
    }

    /** A text that reads as a number, an instant, a local date or time, or a UUID gets that value's key. */
    private static String text(String text) {
        if (text.isEmpty()) {
            return text;
        }
        BigDecimal decimal = Numbers.parse(text);
        if (decimal != null) {
            return Numbers.canonical(decimal);
        }
        LiteralNumber literal = Numbers.parseLiteral(text);
        if (literal != null) {
            return Numbers.canonical(literal);
        }
        TemporalAccessor temporal = Temporals.parse(text);
        if (temporal != null) {
            return temporal(temporal);
        }
        if (text.length() == 36 && text.charAt(8) == '-' && text.charAt(13) == '-') {
            return text.toLowerCase(Locale.ROOT);
        }
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return text.toLowerCase(Locale.ROOT);
        }
        return text;
    }

    private static String temporal(TemporalAccessor temporal) {
        if (temporal instanceof OffsetDateTime time) {
            return "@" + time.toInstant();
        }
        if (temporal instanceof ZonedDateTime time) {
            return "@" + time.toInstant();
        }
        if (temporal instanceof Instant time) {
            return "@" + time;
        }
        if (temporal instanceof LocalDateTime || temporal instanceof LocalDate || temporal instanceof LocalTime
                || temporal instanceof OffsetTime) {
            return Temporals.format(temporal);
        }
        return temporal.toString();
    }

    /** The items of a list, a collection or an array of objects; null for anything else. */
    private static List<?> items(Object value) {
        if (value instanceof List<?> list) {
            return list;
        }
        if (value instanceof Collection<?> collection) {
            return List.copyOf(collection);
        }
        if (value instanceof Object[] array) {
            return Arrays.asList(array);
        }
        return null;
    }

    /** bytea arrives as {@code \x0102}; a test may name it so or as a byte array. */
    private static byte[] bytes(Object value) {
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        if (value instanceof CharSequence text && text.toString().startsWith("\\x")) {
            try {
                return HexFormat.of().parseHex(text.toString().substring(2));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }

    /** The columns whose value differs between two row images, or which only one of them has; in column order. */
    public static Set<String> changedColumns(Map<String, Object> old, Map<String, Object> record) {
        Set<String> columns = new LinkedHashSet<>(old.keySet());
        columns.addAll(record.keySet());
        columns.removeIf(c -> old.containsKey(c) == record.containsKey(c) && matches(old.get(c), record.get(c)));
        return columns;
    }
}
