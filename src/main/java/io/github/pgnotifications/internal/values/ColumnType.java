package io.github.pgnotifications.internal.values;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The Java type a column's value arrives as, from its PostgreSQL type: a value in a row image is JSON (as
 * {@code row_to_json} writes it) and is turned into what JDBC's {@code getObject} would give, so that it keeps its type
 * and exactness: {@code int4} an {@link Integer}, {@code int8} a {@link Long}, {@code numeric} an exact
 * {@link BigDecimal}, {@code timestamptz} an {@link OffsetDateTime} in UTC, {@code uuid} a {@link UUID}, {@code bytea}
 * a {@code byte[]}. A value that does not read as its type (a BC date, {@code NaN} of {@code numeric}) stays as it
 * arrived.
 */
public enum ColumnType {

    INTEGER(value -> value instanceof Number number ? (Object) number.intValue() : value),
    LONG(value -> value instanceof Number number ? (Object) number.longValue() : value),
    DECIMAL(value -> value instanceof Long number ? BigDecimal.valueOf(number) : value),
    FLOAT(ColumnType::toFloat),
    DOUBLE(ColumnType::toDouble),
    BOOLEAN(value -> value),
    TEXT(value -> value),
    DATE(value -> temporal(value, text -> special(text, LocalDate.MAX, LocalDate.MIN, LocalDate::parse))),
    TIMESTAMP(value -> temporal(value, text -> special(text, LocalDateTime.MAX, LocalDateTime.MIN,
            t -> LocalDateTime.parse(t.replace(' ', 'T'))))),
    TIMESTAMPTZ(value -> temporal(value, text -> special(text, OffsetDateTime.MAX, OffsetDateTime.MIN,
            ColumnType::utc))),
    TIME(value -> temporal(value, LocalTime::parse)),
    TIMETZ(value -> temporal(value, text -> (OffsetTime) Temporals.parse(text))),
    UUID_TYPE(value -> value instanceof String text ? UUID.fromString(text) : value),
    BYTEA(value -> value instanceof String text && text.startsWith("\\x")
            ? HexFormat.of().parseHex(text.substring(2)) : value),
    /** json, jsonb, composite types and everything else: as JSON reads it (jsonb numbers keep their scale). */
    AS_IS(value -> value);

    private final Function<Object, Object> conversion;

    ColumnType(Function<Object, Object> conversion) {
        this.conversion = conversion;
    }

    /** The Java type of a PostgreSQL type, by its name ({@code pg_type.typname}) and category. */
    public static ColumnType of(String typeName, String category) {
        return switch (typeName) {
            case "int2", "int4" -> INTEGER;
            case "int8", "oid" -> LONG;
            case "numeric" -> DECIMAL;
            case "float4" -> FLOAT;
            case "float8" -> DOUBLE;
            case "bool" -> BOOLEAN;
            case "date" -> DATE;
            case "timestamp" -> TIMESTAMP;
            case "timestamptz" -> TIMESTAMPTZ;
            case "time" -> TIME;
            case "timetz" -> TIMETZ;
            case "uuid" -> UUID_TYPE;
            case "bytea" -> BYTEA;
            default -> "S".equals(category) || "E".equals(category) ? TEXT : AS_IS;
        };
    }

    /**
     * The class {@link #read} turns a value of this type into; empty for {@link #AS_IS}, whose values stay as JSON
     * reads them (a String, a Map, a Number...).
     */
    public Optional<Class<?>> javaType() {
        return Optional.ofNullable(switch (this) {
            case INTEGER -> Integer.class;
            case LONG -> Long.class;
            case DECIMAL -> BigDecimal.class;
            case FLOAT -> Float.class;
            case DOUBLE -> Double.class;
            case BOOLEAN -> Boolean.class;
            case TEXT -> String.class;
            case DATE -> LocalDate.class;
            case TIMESTAMP -> LocalDateTime.class;
            case TIMESTAMPTZ -> OffsetDateTime.class;
            case TIME -> LocalTime.class;
            case TIMETZ -> OffsetTime.class;
            case UUID_TYPE -> UUID.class;
            case BYTEA -> byte[].class;
            case AS_IS -> null;
        });
    }

    /**
     * Whether an id a test names can ever match a value of this type by {@link Values#matches}; only the types whose
     * values have one textual form are checked (numbers of {@code integer}, {@code bigint} and {@code numeric}, and
     * {@code uuid}): a number or a text of digits matches a number, a {@link UUID} or its text a uuid.
     */
    public boolean canMatch(Object id) {
        return switch (this) {
            case INTEGER, LONG, DECIMAL -> id instanceof Number || id instanceof CharSequence text
                    && !text.isEmpty() && Numbers.parse(text.toString()) != null;
            case UUID_TYPE -> id instanceof UUID || id instanceof CharSequence text && isUuid(text.toString());
            default -> true;
        };
    }

    private static boolean isUuid(String text) {
        try {
            return text.length() == 36 && UUID.fromString(text) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** How messages name the column type, for the types {@link #canMatch} checks: {@code bigint}, {@code uuid}. */
    public String sqlName() {
        return switch (this) {
            case INTEGER -> "integer";
            case LONG -> "bigint";
            case DECIMAL -> "numeric";
            case UUID_TYPE -> "uuid";
            default -> name().toLowerCase(Locale.ROOT);
        };
    }

    /** What to pass instead, for the types {@link #canMatch} checks, e.g. {@code a Long (or an Integer, ...)}. */
    public String whatMatches() {
        return switch (this) {
            case INTEGER -> "an Integer (or a Long, or its digits as a String), e.g. awaitInsert(42)";
            case LONG -> "a Long (or an Integer, or its digits as a String), e.g. awaitInsert(42L)";
            case DECIMAL -> "a BigDecimal (or another Number, or its digits as a String), e.g."
                    + " awaitInsert(new BigDecimal(\"42\"))";
            case UUID_TYPE -> "a UUID (or its text), e.g. awaitInsert(UUID.fromString(\"...\"))";
            default -> "a value of that type";
        };
    }

    /** The value of this type read from its JSON form; null stays null, and an array is read item by item. */
    public Object read(Object json) {
        if (json == null || this == AS_IS) {
            return json;
        }
        if (json instanceof List<?> items) {
            List<Object> read = new ArrayList<>(items.size());
            items.forEach(item -> read.add(read(item)));
            return Collections.unmodifiableList(read);
        }
        try {
            return conversion.apply(json);
        } catch (DateTimeParseException | IllegalArgumentException | ClassCastException e) {
            return json;
        }
    }

    private static Object toDouble(Object value) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        return value instanceof String text ? special(text) : value;
    }

    private static Object toFloat(Object value) {
        if (value instanceof Number number) {
            return number.floatValue();
        }
        Object special = value instanceof String text ? special(text) : value;
        return special instanceof Double d ? (Object) d.floatValue() : special;
    }

    /** float's {@code NaN}, {@code Infinity} and {@code -Infinity} arrive as strings. */
    private static Object special(String text) {
        return switch (text) {
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> text;
        };
    }

    private static Object temporal(Object value, Function<String, ? extends TemporalAccessor> parse) {
        return value instanceof String text ? parse.apply(text) : value;
    }

    /** PostgreSQL's {@code infinity} and {@code -infinity}, as pgjdbc reads them: the largest and smallest values. */
    private static <T extends TemporalAccessor> T special(String text, T max, T min, Function<String, T> parse) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "infinity" -> max;
            case "-infinity" -> min;
            default -> parse.apply(text);
        };
    }

    private static OffsetDateTime utc(String text) {
        TemporalAccessor parsed = Temporals.parse(text);
        if (!(parsed instanceof OffsetDateTime time)) {
            throw new DateTimeParseException("not a timestamp with offset", text, 0);
        }
        return time.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
