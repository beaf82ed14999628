package io.github.pgnotifications.internal.values;

import io.github.pgnotifications.internal.values.RowShape.Property;
import io.github.pgnotifications.internal.values.ValueConversion.Refusal;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
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
 * property are ignored. A JPA entity is read by its annotations instead (see {@link RowShape}'s entity shape, read
 * through {@link Persistence}), and fails naming every persistent field no column fills. Values convert only without
 * loss (see {@link ValueConversion}); anything else fails with an
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
        List<String> unmapped = new ArrayList<>();
        Object[] values = values(row, columns, shape, type, what, "", unmapped);
        if (!unmapped.isEmpty()) {
            throw new IllegalArgumentException(cannotRead(what, type) + unmappedFields(unmapped, row));
        }
        return type.cast(shape.isRecord() ? create(shape, type, what, values) : fill(shape, type, what, values));
    }

    /**
     * The value of each property of the shape; adds to {@code unmapped} each required one no column fills, named
     * with {@code prefix} (an embedded value's fields as {@code address.street}).
     */
    private static Object[] values(Map<String, Object> row, Map<String, String> columns, RowShape shape,
            Class<?> type, String what, String prefix, List<String> unmapped) {
        Object[] values = new Object[shape.properties().size()];
        for (int i = 0; i < values.length; i++) {
            Property property = shape.properties().get(i);
            values[i] = property.embedded() != null
                    ? embedded(row, columns, property, what, prefix, unmapped)
                    : value(row, columns, property, type, what);
            if (values[i] == ABSENT && property.required() && property.embedded() == null) {
                unmapped.add("'" + prefix + property.name() + "' (column " + String.join(" or ",
                        lookedFor(property).stream().map(c -> "'" + c + "'").toList()) + ")");
            }
        }
        return values;
    }

    /** An entity's {@code @Embedded} value, read from the same row by its own fields' columns. */
    private static Object embedded(Map<String, Object> row, Map<String, String> columns, Property property,
            String what, String prefix, List<String> unmapped) {
        RowShape shape = property.embedded();
        Class<?> type = shape.constructor().getDeclaringClass();
        int before = unmapped.size();
        Object[] values = values(row, columns, shape, type, what, prefix + property.name() + ".", unmapped);
        if (unmapped.size() > before) {
            return ABSENT;
        }
        return shape.isRecord() ? create(shape, type, what, values) : fill(shape, type, what, values);
    }

    /** The column each property reads: the one of its name, else the one whose camelCase is its name. */
    private static Map<String, String> columnsByProperty(Map<String, Object> row) {
        Map<String, String> columns = new HashMap<>();
        row.keySet().forEach(column -> columns.putIfAbsent(camelCase(column), column));
        row.keySet().forEach(column -> columns.put(column, column));
        return columns;
    }

    /** {@code customerId} as a column is named by default: {@code customer_id}. */
    static String snakeCase(String property) {
        return property.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
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
        String column = property.columns().isEmpty() ? columns.get(property.name()) : named(row, property.columns());
        if (column != null && property.reference() != null) {
            return reference(row.get(column), property, column, type, what);
        }
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

    /** The first of the columns the row has; a name unquoted in SQL is stored in lower case. */
    private static String named(Map<String, Object> row, List<String> candidates) {
        for (String candidate : candidates) {
            if (row.containsKey(candidate)) {
                return candidate;
            }
            String folded = candidate.toLowerCase(Locale.ROOT);
            if (row.containsKey(folded)) {
                return folded;
            }
        }
        return null;
    }

    /** The entity a foreign key refers to, with only its id set; null for a null key. */
    private static Object reference(Object key, Property property, String column, Class<?> type, String what) {
        RowShape.Reference reference = property.reference();
        if (key == null) {
            return null;
        }
        if (reference.problem() != null) {
            throw new IllegalArgumentException(cannotRead(what, type) + "field '" + property.name() + "' refers to "
                    + reference.target().getSimpleName() + ", and " + reference.problem());
        }
        Property id = new Property(reference.id().getName(), reference.id().getGenericType(), reference.id(), true);
        Object converted;
        try {
            converted = ValueConversion.convert(key, id.type());
        } catch (Refusal refusal) {
            throw new IllegalArgumentException(cannotConvert(what, reference.target(), id, column, key, refusal));
        }
        try {
            Object target = reference.constructor().newInstance();
            reference.id().set(target, converted);
            return target;
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(cannotRead(what, type) + threw(e.getCause()), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
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

    private static String unmappedFields(List<String> fields, Map<String, Object> row) {
        return "no column of the row fills " + (fields.size() == 1 ? "field " : "fields ") + String.join(", ", fields)
                + "; the columns are " + List.copyOf(row.keySet()) + ". Name a field's column with @Column(name = ...)"
                + " (a foreign key's with @JoinColumn(name = ...)), mark a field that is no column @Transient, or read"
                + " the row into a record of its own.";
    }

    private static List<String> lookedFor(Property property) {
        if (!property.columns().isEmpty()) {
            return property.columns();
        }
        String snake = snakeCase(property.name());
        return snake.equals(property.name()) ? List.of(snake) : List.of(property.name(), snake);
    }

    static String noSingleId(Class<?> type) {
        return type.getSimpleName() + " has no single @Id field to set (a composite key, or an @Id on a getter)."
                + " Declare the field as the key's type (e.g. Long customerId) instead of the entity.";
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
