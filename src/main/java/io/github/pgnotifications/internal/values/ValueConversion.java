package io.github.pgnotifications.internal.values;

import io.github.pgnotifications.internal.json.LiteralNumber;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * One column value, already typed by {@link ColumnType}, turned into the declared type of a property: only where no
 * information is lost (an integral type when the number fits exactly, never a local time from an instant).
 */
final class ValueConversion {

    /** Integral targets, each with the smallest type to suggest when a value does not fit. */
    private static final Map<Class<?>, Integral> INTEGRALS = Map.of(
            byte.class, new Integral(7, "short"), Byte.class, new Integral(7, "Short"),
            short.class, new Integral(15, "int"), Short.class, new Integral(15, "Integer"),
            int.class, new Integral(31, "long"), Integer.class, new Integral(31, "Long"),
            long.class, new Integral(63, "BigInteger"), Long.class, new Integral(63, "BigInteger"),
            BigInteger.class, new Integral(Integer.MAX_VALUE, "BigDecimal"));

    private record Integral(int bits, String wider) {
    }

    /**
     * Why a value does not convert, as a clause ("the value has a fraction", "item 1 (null) is null") and the types
     * that would take it. Thrown without a stack trace: it only carries text to the message that names the column.
     */
    static final class Refusal extends Exception {

        private final String subject;
        private final String predicate;
        final List<String> suggestions;

        Refusal(String predicate, String... suggestions) {
            this("the value", predicate, List.of(suggestions));
        }

        private Refusal(String subject, String predicate, List<String> suggestions) {
            super(subject + " " + predicate, null, false, false);
            this.subject = subject;
            this.predicate = predicate;
            this.suggestions = suggestions;
        }

        String clause() {
            return getMessage();
        }

        /** This refusal of one item of a list or map, seen from the container ({@code wrap} names its type). */
        Refusal of(String item, Object value, UnaryOperator<String> wrap) {
            String within = subject.equals("the value") ? item + " (" + describe(value) + ")" : item + "'s " + subject;
            return new Refusal(within, predicate, suggestions.stream().map(wrap).toList());
        }
    }

    private ValueConversion() {
    }

    /** The value as the target type, or a refusal saying why it does not convert. */
    static Object convert(Object value, Type target) throws Refusal {
        Class<?> raw = raw(target);
        if (value == null) {
            if (raw.isPrimitive()) {
                throw new Refusal("is null", box(raw).getSimpleName());
            }
            return null;
        }
        if (raw == Object.class) {
            return value;
        }
        if (value instanceof List<?> items) {
            return items(items, target, raw);
        }
        if (value instanceof Map<?, ?> map && raw.isAssignableFrom(LinkedHashMap.class)) {
            return entries(map, target);
        }
        if (value instanceof byte[] bytes && raw == byte[].class) {
            return bytes.clone();
        }
        if (value instanceof Number number) {
            return number(number, raw);
        }
        if (value instanceof String text && (raw.isEnum() || raw == UUID.class)) {
            return raw.isEnum() ? constant(text, raw) : uuid(text);
        }
        if (value instanceof OffsetDateTime || value instanceof LocalDateTime) {
            return timestamp(value, raw);
        }
        return same(value, raw);
    }

    private static Object same(Object value, Class<?> raw) throws Refusal {
        if (box(raw).isInstance(value)) {
            return value;
        }
        throw new Refusal("does not convert to " + raw.getSimpleName(), natural(value, raw));
    }

    private static Object number(Number number, Class<?> raw) throws Refusal {
        Class<?> boxed = box(raw);
        if (boxed == Double.class) {
            return number.doubleValue();
        }
        if (boxed == Float.class) {
            return number.floatValue();
        }
        boolean exact = !(number instanceof Double || number instanceof Float);
        if (!exact && (boxed == BigDecimal.class || INTEGRALS.containsKey(raw))) {
            throw new Refusal("is a floating-point number, which is not exact", natural(number, raw));
        }
        if (number instanceof LiteralNumber && (boxed == BigDecimal.class || INTEGRALS.containsKey(raw))) {
            throw new Refusal("has an exponent beyond BigDecimal's range", "double", "Number");
        }
        if (boxed == BigDecimal.class) {
            return Numbers.decimal(number);
        }
        Integral integral = INTEGRALS.get(raw);
        return integral == null ? same(number, raw) : integral(Numbers.decimal(number), raw, integral);
    }

    private static Object integral(BigDecimal decimal, Class<?> raw, Integral integral) throws Refusal {
        BigInteger whole;
        try {
            whole = decimal.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new Refusal("has a fraction", "BigDecimal");
        }
        if (whole.bitLength() > integral.bits()) {
            throw new Refusal("does not fit in " + raw.getSimpleName(), integral.wider());
        }
        Class<?> boxed = box(raw);
        if (boxed == Long.class) {
            return whole.longValue();
        }
        if (boxed == Integer.class) {
            return whole.intValue();
        }
        if (boxed == Short.class) {
            return whole.shortValue();
        }
        return boxed == Byte.class ? (Object) whole.byteValue() : whole;
    }

    private static Object constant(String text, Class<?> raw) throws Refusal {
        Object[] constants = raw.getEnumConstants();
        for (Object constant : constants) {
            if (((Enum<?>) constant).name().equals(text)) {
                return constant;
            }
        }
        for (Object constant : constants) {
            if (((Enum<?>) constant).name().equalsIgnoreCase(text)) {
                return constant;
            }
        }
        throw new Refusal("names none of " + raw.getSimpleName() + "'s constants " + Arrays.toString(constants),
                "String");
    }

    private static Object uuid(String text) throws Refusal {
        try {
            if (text.length() == 36) {
                return UUID.fromString(text);
            }
        } catch (IllegalArgumentException e) {
            // refused below, as any other text that is no UUID
        }
        throw new Refusal("is not a UUID", "String");
    }

    /** A timestamptz is an instant (never a local time); a timestamp is a local time (never an instant). */
    private static Object timestamp(Object value, Class<?> raw) throws Refusal {
        boolean instant = raw == Instant.class || raw == OffsetDateTime.class || raw == ZonedDateTime.class;
        if (value instanceof LocalDateTime && instant) {
            throw new Refusal("is a timestamp without time zone: a local time, not an instant", "LocalDateTime");
        }
        if (value instanceof OffsetDateTime && raw == LocalDateTime.class) {
            throw new Refusal("is a timestamptz: an instant, which has no local time", "Instant", "OffsetDateTime");
        }
        if (value instanceof OffsetDateTime time && (raw == Instant.class || raw == ZonedDateTime.class)) {
            try {
                return raw == Instant.class ? time.toInstant() : time.atZoneSameInstant(ZoneOffset.UTC);
            } catch (DateTimeException e) {
                throw new Refusal("is outside the range of " + raw.getSimpleName(), "OffsetDateTime");
            }
        }
        return same(value, raw);
    }

    /** A list into a list, collection or array of the converted element type. */
    private static Object items(List<?> items, Type target, Class<?> raw) throws Refusal {
        if (raw.isArray()) {
            return array(items, component(target));
        }
        if (!raw.isAssignableFrom(ArrayList.class)) {
            throw new Refusal("does not convert to " + raw.getSimpleName(), natural(items, raw));
        }
        Type element = argument(target, 0);
        List<Object> converted = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            converted.add(converted(items.get(i), element, "item " + i, s -> "List<" + s + ">"));
        }
        return Collections.unmodifiableList(converted);
    }

    private static Object array(List<?> items, Type element) throws Refusal {
        Object array = Array.newInstance(raw(element), items.size());
        for (int i = 0; i < items.size(); i++) {
            Array.set(array, i, converted(items.get(i), element, "item " + i, s -> s + "[]"));
        }
        return array;
    }

    private static Map<Object, Object> entries(Map<?, ?> map, Type target) throws Refusal {
        Type valueType = argument(target, 1);
        Map<Object, Object> converted = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            converted.put(entry.getKey(), converted(entry.getValue(), valueType, "entry '" + entry.getKey() + "'",
                    s -> "Map<String, " + s + ">"));
        }
        return Collections.unmodifiableMap(converted);
    }

    private static Object converted(Object value, Type target, String item, UnaryOperator<String> wrap)
            throws Refusal {
        try {
            return convert(value, target);
        } catch (Refusal refusal) {
            throw refusal.of(item, value, wrap);
        }
    }

    /** The type to suggest for a value: its own, primitive when the target is. */
    private static String natural(Object value, Class<?> raw) {
        String name = value instanceof List ? "List" : value instanceof Map ? "Map<String, Object>"
                : value.getClass().getSimpleName();
        Class<?> primitive = raw.isPrimitive() ? unbox(value.getClass()) : null;
        return primitive != null ? primitive.getName() : name;
    }

    /** A value as a message shows it: its Java type, then its text ({@code BigDecimal 12.50}). */
    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String text) {
            return "String \"" + shortened(text) + "\"";
        }
        if (value instanceof byte[]) {
            return "byte[] " + shortened(Values.hashKey(value));
        }
        String type = value instanceof List ? "List" : value instanceof Map ? "Map"
                : value.getClass().getSimpleName();
        return type + " " + shortened(String.valueOf(value));
    }

    private static String shortened(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    /** A declared type as Java code writes it, without packages: {@code List<Long>}, {@code int[]}. */
    static String typeName(Type type) {
        if (type instanceof Class<?> c) {
            return c.getSimpleName();
        }
        if (type instanceof ParameterizedType p) {
            List<String> arguments = Arrays.stream(p.getActualTypeArguments()).map(ValueConversion::typeName).toList();
            return typeName(p.getRawType()) + "<" + String.join(", ", arguments) + ">";
        }
        if (type instanceof GenericArrayType a) {
            return typeName(a.getGenericComponentType()) + "[]";
        }
        return type.getTypeName();
    }

    static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return raw(p.getRawType());
        }
        if (type instanceof GenericArrayType a) {
            return Array.newInstance(raw(a.getGenericComponentType()), 0).getClass();
        }
        if (type instanceof WildcardType w) {
            return raw(w.getUpperBounds()[0]);
        }
        return type instanceof TypeVariable<?> v ? raw(v.getBounds()[0]) : Object.class;
    }

    private static Type component(Type array) {
        return array instanceof GenericArrayType a ? a.getGenericComponentType() : raw(array).getComponentType();
    }

    private static Type argument(Type type, int index) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            return p.getActualTypeArguments()[index];
        }
        return Object.class;
    }

    static Class<?> box(Class<?> type) {
        return MethodType.methodType(type).wrap().returnType();
    }

    /** The primitive type of a wrapper, or null. */
    private static Class<?> unbox(Class<?> type) {
        Class<?> primitive = MethodType.methodType(type).unwrap().returnType();
        return primitive.isPrimitive() ? primitive : null;
    }
}
