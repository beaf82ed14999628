package io.github.pgnotifications.internal.values;

import io.github.pgnotifications.internal.values.RowShape.Property;
import io.github.pgnotifications.internal.values.ValueConversion.Refusal;
import java.lang.reflect.InvocationTargetException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A row image (column name to value, typed by {@link ColumnType}) read into a user's own type: a record through its
 * canonical constructor, another class through its no-argument constructor and its fields. A column fills the
 * property of its name, or of its name in camelCase ({@code order_id} fills {@code orderId}); columns without a
 * property are ignored. Values convert only without loss (see {@link ValueConversion}); anything else fails with an
 * {@link IllegalArgumentException} that names the column, the value, the row and the type to declare instead.
 *
 * <p>Hand-written rather than Jackson's {@code convertValue}: the values are already Java types (an exact
 * {@code BigDecimal}, an {@code OffsetDateTime} in UTC), which a JSON round trip would blur, and the messages name
 * the column and the row.
 */
public final class RowMapping {

    /** The value of a field that no column names: the field keeps the value its constructor gave it. */
    private static final Object ABSENT = new Object();

    private RowMapping() {
    }

    /**
     * The row as an instance of {@code type}; a copy of the row when {@code type} is {@code Map}.
     *
     * @param what names the row for messages, as in "the record of INSERT on public.orders"
     */
    public static <T> T map(Map<String, Object> row, Class<T> type, String what) {
        Objects.requireNonNull(row, "row");
        if (type.isAssignableFrom(LinkedHashMap.class)) {
            return type.cast(new LinkedHashMap<>(row));
        }
        RowShape shape = RowShape.of(type);
        if (shape.problem() != null) {
            throw new IllegalArgumentException(cannotRead(what, type) + shape.problem());
        }
        Map<String, String> columns = columnsByProperty(row);
        Object[] values = new Object[shape.properties().size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value(row, columns, shape.properties().get(i), type, what);
        }
        return type.cast(shape.isRecord() ? create(shape, type, what, values) : fill(shape, type, what, values));
    }

    /** The column each property reads: the one of its name, else the one whose camelCase is its name. */
    private static Map<String, String> columnsByProperty(Map<String, Object> row) {
        Map<String, String> columns = new HashMap<>();
        row.keySet().forEach(column -> columns.putIfAbsent(camelCase(column), column));
        row.keySet().forEach(column -> columns.put(column, column));
        return columns;
    }

    static String camelCase(String column) {
        StringBuilder name = new StringBuilder(column.length());
        for (int i = 0; i < column.length(); i++) {
            char c = column.charAt(i);
            if (c == '_' && i > 0 && i + 1 < column.length()) {
                name.append(Character.toUpperCase(column.charAt(++i)));
            } else {
                name.append(c);
            }
        }
        return name.toString();
    }

    /** The value for one property; null for a component that no column names, {@link #ABSENT} for a field. */
    private static Object value(Map<String, Object> row, Map<String, String> columns, Property property,
            Class<?> type, String what) {
        String column = columns.get(property.name());
        if (column == null) {
            if (property.field() == null && property.type() instanceof Class<?> c && c.isPrimitive()) {
                throw new IllegalArgumentException(cannotRead(what, type) + missingColumn(property, row));
            }
            return property.field() == null ? null : ABSENT;
        }
        try {
            return ValueConversion.convert(row.get(column), property.type());
        } catch (Refusal refusal) {
            throw new IllegalArgumentException(cannotConvert(what, type, property, column, row.get(column), refusal));
        }
    }

    private static Object create(RowShape shape, Class<?> type, String what, Object[] values) {
        try {
            return shape.constructor().newInstance(values);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(cannotRead(what, type) + threw(e.getCause()), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object fill(RowShape shape, Class<?> type, String what, Object[] values) {
        Object instance = create(shape, type, what, new Object[0]);
        for (int i = 0; i < values.length; i++) {
            Property property = shape.properties().get(i);
            if (values[i] == ABSENT) {
                continue;
            }
            if (!property.open()) {
                String field = "field '" + property.name() + "'";
                throw new IllegalArgumentException(cannotRead(what, type) + notOpen(type, field));
            }
            try {
                property.field().set(instance, values[i]);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    // The messages, in one place.

    private static String cannotRead(String what, Class<?> type) {
        return "Cannot read " + what + " into " + type.getSimpleName() + ": ";
    }

    private static String cannotConvert(String what, Class<?> type, Property property, String column, Object value,
            Refusal refusal) {
        return "Cannot read column '" + column + "' (" + ValueConversion.describe(value) + ") of " + what + " into "
                + ValueConversion.typeName(property.type()) + " " + property.kind() + " '" + property.name() + "' of "
                + type.getSimpleName() + ": " + refusal.clause() + ". Declare the " + property.kind()
                + " as " + String.join(" or ", refusal.suggestions) + ".";
    }

    private static String missingColumn(Property property, Map<String, Object> row) {
        String snake = property.name().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        String lookedFor = snake.equals(property.name()) ? "'" + snake + "'"
                : "'" + property.name() + "' or '" + snake + "'";
        return "there is no column " + lookedFor + " for " + ValueConversion.typeName(property.type()) + " component '"
                + property.name() + "'; the columns are " + List.copyOf(row.keySet()) + ". Declare the component as "
                + ValueConversion.box((Class<?>) property.type()).getSimpleName() + " to accept a missing column.";
    }

    private static String threw(Throwable cause) {
        return "its constructor threw " + cause + ". Let the constructor accept the row's values, or read the row"
                + " into a Map.";
    }

    static String notAClass(Class<?> type) {
        String kind = type.isInterface() ? "an interface" : type.isPrimitive() ? "a primitive type"
                : type.isArray() ? "an array" : "abstract";
        return "it is " + kind + ". " + DECLARE;
    }

    static String innerClass(Class<?> type) {
        return "it is an inner class, which needs an instance of " + type.getEnclosingClass().getSimpleName()
                + ". Declare it static.";
    }

    static String noConstructor(Class<?> type) {
        return "it is neither a record nor a class with a no-argument constructor. " + DECLARE;
    }

    private static final String DECLARE = "Declare a record whose components are named after the columns, or a"
            + " class with a no-argument constructor and fields named after the columns.";

    static String notOpen(Class<?> type, String member) {
        String module = type.getModule().getName();
        return "its " + member + " is not open to pg-notifications (module " + module + " does not open package "
                + type.getPackageName() + "). Add 'opens " + type.getPackageName() + ";' to the module-info.java of "
                + module + ", or declare the type in a package that is open.";
    }
}
