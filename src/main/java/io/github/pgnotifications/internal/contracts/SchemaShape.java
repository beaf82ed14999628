package io.github.pgnotifications.internal.contracts;

import io.github.pgnotifications.internal.json.JsonPointer;
import io.github.pgnotifications.internal.json.JsonWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One place of a contract's schema as a comparison sees it: its {@code $ref}s followed and its {@code anyOf}
 * alternatives folded into one (a row or null is a nullable object), so that the catalog's and the observed
 * contracts' ways of writing the same thing compare equal.
 *
 * @param types      the JSON types allowed, without {@code null} (empty when the schema names none: const, enum)
 * @param nullable   whether {@code null} is allowed
 * @param values     the values allowed ({@code const}, {@code enum}); empty when any value of the types is
 * @param sqlType    {@code x-sql-type}, empty when not given
 * @param javaType   {@code x-java-type}, empty when not given
 * @param properties an object's fields by name
 * @param required   an object's fields present in every payload
 * @param items      an array's elements, when described
 */
record SchemaShape(Set<String> types, boolean nullable, List<Object> values, String sqlType, String javaType,
                   Map<String, SchemaShape> properties, Set<String> required, Optional<SchemaShape> items) {

    private static final int MAX_REF_DEPTH = 32;

    /** The shape of a contract document's root. */
    static SchemaShape of(Map<String, Object> document) {
        return of(document, document, 0);
    }

    private static SchemaShape of(Map<String, Object> schema, Map<String, Object> document, int depth) {
        Builder shape = new Builder(document, depth);
        shape.add(schema, depth);
        return shape.build();
    }

    /** "integer (SQL bigint, Java java.lang.Long)", "string or null", "\"public\"", "one of \"a\", \"b\"". */
    String words() {
        String base = values.isEmpty() ? String.join(" or ", types)
                : values.size() == 1 ? JsonWriter.write(values.get(0))
                : "one of " + values.stream().map(JsonWriter::write).collect(Collectors.joining(", "));
        if (base.isEmpty()) {
            base = "anything";
        }
        if (nullable) {
            base += " or null";
        } else if (!sqlType.isEmpty()) {
            base += ", not null";
        }
        List<String> annotations = new ArrayList<>();
        if (!sqlType.isEmpty()) {
            annotations.add("SQL " + sqlType);
        }
        if (!javaType.isEmpty()) {
            annotations.add("Java " + javaType);
        }
        return annotations.isEmpty() ? base : base + " (" + String.join(", ", annotations) + ")";
    }

    /** Whether a consumer reads both alike: same JSON types and, where both say, same SQL and Java types. */
    boolean sameType(SchemaShape other) {
        return types.equals(other.types) && sqlType.equals(other.sqlType) && javaType.equals(other.javaType);
    }

    /** Collects one schema's shape over its {@code $ref}s and alternatives. */
    private static final class Builder {
        private final TreeSet<String> types = new TreeSet<>();
        private boolean nullable;
        private final List<Object> values = new ArrayList<>();
        private String sqlType = "";
        private String javaType = "";
        private final Map<String, Map<String, Object>> properties = new LinkedHashMap<>();
        private final TreeSet<String> required = new TreeSet<>();
        private Map<String, Object> items;
        private final Map<String, Object> document;
        private final int depth;

        Builder(Map<String, Object> document, int depth) {
            this.document = document;
            this.depth = depth;
        }

        /** One schema's keywords, then those of what it refers to; {@code level} bounds a {@code $ref} cycle. */
        void add(Map<String, Object> schema, int level) {
            if (level > MAX_REF_DEPTH) {
                return;
            }
            addType(schema.get("type"));
            addValues(schema);
            sqlType = text(schema.get("x-sql-type"), sqlType);
            javaType = text(schema.get("x-java-type"), javaType);
            asMap(schema.get("properties")).forEach((name, field) -> properties.putIfAbsent(name, asMap(field)));
            asList(schema.get("required")).forEach(name -> required.add(String.valueOf(name)));
            if (schema.get("items") instanceof Map<?, ?> itemSchema && items == null) {
                items = asMap(itemSchema);
            }
            reference(schema.get("$ref")).ifPresent(target -> add(target, level + 1));
            asList(schema.get("anyOf")).forEach(alternative -> add(asMap(alternative), level + 1));
        }

        private void addType(Object type) {
            for (Object name : type instanceof List<?> list ? list : type == null ? List.of() : List.of(type)) {
                if ("null".equals(name)) {
                    nullable = true;
                } else {
                    types.add(String.valueOf(name));
                }
            }
        }

        private void addValues(Map<String, Object> schema) {
            List<Object> allowed = schema.containsKey("const") ? Collections.singletonList(schema.get("const"))
                    : asList(schema.get("enum"));
            for (Object value : allowed) {
                if (value == null) {
                    nullable = true;
                } else if (!values.contains(value)) {
                    values.add(value);
                }
            }
        }

        private Optional<Map<String, Object>> reference(Object ref) {
            if (!(ref instanceof String pointer) || !pointer.startsWith("#")) {
                return Optional.empty();
            }
            return JsonPointer.compile(pointer.substring(1)).find(document).map(found -> asMap(found.value()));
        }

        SchemaShape build() {
            Map<String, SchemaShape> fields = new LinkedHashMap<>();
            properties.forEach((name, field) -> fields.put(name, of(field, document, depth + 1)));
            return new SchemaShape(Collections.unmodifiableSortedSet(types), nullable, List.copyOf(values), sqlType,
                    javaType, fields, Collections.unmodifiableSortedSet(required),
                    Optional.ofNullable(items).map(item -> of(item, document, depth + 1)));
        }
    }

    private static String text(Object value, String otherwise) {
        return value == null ? otherwise : value.toString();
    }

    @SuppressWarnings("unchecked") // a schema tree holds maps of String keys only
    static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    static List<Object> asList(Object value) {
        return value instanceof Collection<?> list ? new ArrayList<>(list) : List.of();
    }
}
