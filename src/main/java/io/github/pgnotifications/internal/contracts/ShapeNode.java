package io.github.pgnotifications.internal.contracts;

import io.github.pgnotifications.internal.json.LiteralNumber;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The shape of JSON values seen at one place of a channel's payloads: the JSON types seen there, and for objects the
 * fields (each with its own shape) and which of them every object had, for arrays the shape of their items. Values
 * and counts are never kept. Immutable; {@link #union} is commutative, associative and idempotent, so the order
 * payloads arrive in (tests, forks) never shows.
 *
 * @param types      JSON Schema type names seen, sorted; {@code integer} is dropped once {@code number} is seen
 * @param properties for objects, each field's shape (null when no object was seen)
 * @param required   for objects, the fields every object had (null when no object was seen)
 * @param items      for arrays, the shape of every item seen (null when no array had an item)
 * @param any        true where payloads nest deeper than {@link #MAX_DEPTH}: any value
 */
record ShapeNode(SortedSet<String> types, SortedMap<String, ShapeNode> properties, SortedSet<String> required,
                 ShapeNode items, boolean any) {

    /** Deeper than this, a value's shape is "anything": keeps inference and the file's writing shallow. */
    static final int MAX_DEPTH = 32;

    private static final ShapeNode ANY = new ShapeNode(Collections.emptySortedSet(), null, null, null, true);

    /** The shapes of scalars, made once: most of a payload's values are scalars. */
    private static final Map<String, ShapeNode> SCALARS = Map.of("null", scalar("null"), "boolean",
            scalar("boolean"), "integer", scalar("integer"), "number", scalar("number"), "string", scalar("string"));

    private static final SortedSet<String> OBJECT = types("object");
    private static final SortedSet<String> ARRAY = types("array");

    /** The shape of one JSON value as {@code JsonReader} reads it. */
    static ShapeNode of(Object value) {
        return of(value, 0);
    }

    private static ShapeNode of(Object value, int depth) {
        if (depth > MAX_DEPTH) {
            return ANY;
        }
        if (value instanceof Map<?, ?> map) {
            SortedMap<String, ShapeNode> fields = new TreeMap<>();
            map.forEach((name, field) -> fields.put(String.valueOf(name), of(field, depth + 1)));
            return new ShapeNode(OBJECT, fields, new TreeSet<>(fields.keySet()), null, false);
        }
        if (value instanceof List<?> list) {
            ShapeNode items = null;
            for (Object item : list) {
                ShapeNode shape = of(item, depth + 1);
                items = items == null ? shape : items.union(shape);
            }
            return new ShapeNode(ARRAY, null, null, items, false);
        }
        return SCALARS.get(scalarType(value));
    }

    private static ShapeNode scalar(String type) {
        return new ShapeNode(types(type), null, null, null, false);
    }

    private static String scalarType(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        if (value instanceof Long || value instanceof BigInteger) {
            return "integer";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.scale() <= 0 ? "integer" : "number";
        }
        return value instanceof Number || value instanceof LiteralNumber ? "number" : "string";
    }

    /** The shape of values seen here in either. */
    ShapeNode union(ShapeNode other) {
        if (any || other.any) {
            return ANY;
        }
        if (equals(other)) {
            return this; // the usual case: a payload shaped as the ones before; comparing costs less than building
        }
        TreeSet<String> types = new TreeSet<>(this.types);
        types.addAll(other.types);
        return new ShapeNode(normalized(types), unionOfFields(properties, other.properties),
                intersection(required, other.required), items == null ? other.items
                : other.items == null ? items : items.union(other.items), false);
    }

    private static SortedMap<String, ShapeNode> unionOfFields(SortedMap<String, ShapeNode> a,
                                                              SortedMap<String, ShapeNode> b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        SortedMap<String, ShapeNode> fields = new TreeMap<>(a);
        b.forEach((name, shape) -> fields.merge(name, shape, ShapeNode::union));
        return fields;
    }

    private static SortedSet<String> intersection(SortedSet<String> a, SortedSet<String> b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        SortedSet<String> both = new TreeSet<>(a);
        both.retainAll(b);
        return both;
    }

    private static SortedSet<String> types(String type) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(Set.of(type)));
    }

    private static SortedSet<String> normalized(TreeSet<String> types) {
        if (types.contains("number")) {
            types.remove("integer");
        }
        return Collections.unmodifiableSortedSet(types);
    }

    /** As JSON Schema: {@code type}, then {@code properties} and {@code required}, {@code items}. */
    Map<String, Object> toSchema() {
        Map<String, Object> schema = new LinkedHashMap<>();
        if (any) {
            return schema;
        }
        schema.put("type", types.size() == 1 ? types.first() : List.copyOf(types));
        if (properties != null) {
            Map<String, Object> fields = new TreeMap<>();
            properties.forEach((name, shape) -> fields.put(name, shape.toSchema()));
            schema.put("properties", fields);
            if (!required.isEmpty()) {
                schema.put("required", List.copyOf(required));
            }
        }
        if (items != null) {
            schema.put("items", items.toSchema());
        }
        return schema;
    }

    /** The shape a schema written by {@link #toSchema} describes (an observed contract's, read from its file). */
    static ShapeNode fromSchema(Map<?, ?> schema) {
        Object type = schema.get("type");
        if (type == null) {
            return ANY;
        }
        TreeSet<String> types = new TreeSet<>();
        if (type instanceof List<?> list) {
            list.forEach(t -> types.add(String.valueOf(t)));
        } else {
            types.add(String.valueOf(type));
        }
        SortedMap<String, ShapeNode> fields = types.contains("object") ? new TreeMap<>() : null;
        SortedSet<String> required = types.contains("object") ? new TreeSet<>() : null;
        if (fields != null && schema.get("properties") instanceof Map<?, ?> properties) {
            properties.forEach((name, field) -> fields.put(String.valueOf(name), fromSchema((Map<?, ?>) field)));
        }
        if (required != null && schema.get("required") instanceof List<?> names) {
            names.forEach(name -> required.add(String.valueOf(name)));
        }
        ShapeNode items = schema.get("items") instanceof Map<?, ?> item ? fromSchema(item) : null;
        return new ShapeNode(normalized(types), fields, required, items, false);
    }
}
