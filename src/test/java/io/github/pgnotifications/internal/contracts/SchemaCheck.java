package io.github.pgnotifications.internal.contracts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The JSON Schema keywords our contracts use, checked against one value, for tests that prove a derived contract fits
 * what the trigger really sends (the real validator is PayloadValidator's library). Returns the violations as
 * {@code /path: rule} lines.
 */
final class SchemaCheck {

    private final Map<String, Object> root;
    private final List<String> violations = new ArrayList<>();

    private SchemaCheck(Map<String, Object> root) {
        this.root = root;
    }

    static List<String> violations(Map<String, Object> schema, Object value) {
        SchemaCheck check = new SchemaCheck(schema);
        check.check(schema, value, "");
        return check.violations;
    }

    private boolean check(Map<?, ?> schema, Object value, String path) {
        int before = violations.size();
        if (schema.get("$ref") instanceof String ref) {
            check(resolve(ref), value, path);
        }
        if (schema.containsKey("type") && !typeMatches(schema.get("type"), value)) {
            violations.add(path + ": not of type " + schema.get("type") + ": " + value);
        }
        if (schema.containsKey("const") && !Objects.equals(schema.get("const"), value)) {
            violations.add(path + ": not " + schema.get("const") + ": " + value);
        }
        if (schema.get("enum") instanceof List<?> values && !values.contains(value)) {
            violations.add(path + ": not one of " + values + ": " + value);
        }
        if (value instanceof Map<?, ?> object) {
            checkObject(schema, object, path);
        }
        if (value instanceof List<?> items && schema.get("items") instanceof Map<?, ?> itemSchema) {
            for (int i = 0; i < items.size(); i++) {
                check(itemSchema, items.get(i), path + "/" + i);
            }
        }
        if (schema.get("anyOf") instanceof List<?> options && options.stream()
                .noneMatch(option -> inner((Map<?, ?>) option, value).isEmpty())) {
            violations.add(path + ": fits none of anyOf: " + value);
        }
        if (schema.get("allOf") instanceof List<?> all) {
            all.forEach(part -> check((Map<?, ?>) part, value, path));
        }
        if (schema.get("if") instanceof Map<?, ?> condition && inner(condition, value).isEmpty()
                && schema.get("then") instanceof Map<?, ?> then) {
            check(then, value, path);
        }
        return violations.size() == before;
    }

    private List<String> inner(Map<?, ?> schema, Object value) {
        SchemaCheck inner = new SchemaCheck(root);
        inner.check(schema, value, "");
        return inner.violations;
    }

    private void checkObject(Map<?, ?> schema, Map<?, ?> object, String path) {
        Map<?, ?> properties = schema.get("properties") instanceof Map<?, ?> p ? p : Map.of();
        if (schema.get("required") instanceof List<?> required) {
            required.stream().filter(name -> !object.containsKey(name))
                    .forEach(name -> violations.add(path + "/" + name + ": required, missing"));
        }
        for (Map.Entry<?, ?> member : object.entrySet()) {
            if (properties.get(member.getKey()) instanceof Map<?, ?> property) {
                check(property, member.getValue(), path + "/" + member.getKey());
            } else if (Boolean.FALSE.equals(schema.get("additionalProperties"))) {
                violations.add(path + "/" + member.getKey() + ": not allowed");
            }
        }
    }

    private Map<?, ?> resolve(String ref) {
        Object target = root;
        for (String step : ref.substring(2).split("/")) {
            target = ((Map<?, ?>) target).get(step);
        }
        return (Map<?, ?>) target;
    }

    private static boolean typeMatches(Object type, Object value) {
        if (type instanceof List<?> types) {
            return types.stream().anyMatch(t -> typeMatches(t, value));
        }
        return switch (String.valueOf(type)) {
            case "null" -> value == null;
            case "boolean" -> value instanceof Boolean;
            case "integer" -> value instanceof Long || value instanceof BigDecimal d && d.scale() <= 0;
            case "number" -> value instanceof Number;
            case "string" -> value instanceof String;
            case "array" -> value instanceof List<?>;
            case "object" -> value instanceof Map<?, ?>;
            default -> false;
        };
    }
}
