package io.github.pgnotifications.internal.contracts;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import io.github.pgnotifications.internal.json.JsonPointer;
import io.github.pgnotifications.internal.json.JsonWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Says what the JSON Schema library found in words a developer reads at a glance, from the contract's own schema:
 * "must be an integer; the contract says record.id is integer (SQL bigint, Java java.lang.Long)". Made for one
 * payload, whose parsed value it looks values up in.
 */
final class ViolationWords {

    static final String MISSING = "(missing)";

    private final Map<String, Object> schema;
    private final Object payload;

    ViolationWords(Map<String, Object> schema, Object payload) {
        this.schema = schema;
        this.payload = payload;
    }

    /** The errors the library reported, as violations sorted by path, one per place and rule. */
    List<PayloadViolation> violations(List<Error> errors) {
        Alternatives.Sorted sorted = Alternatives.sort(errors);
        List<PayloadViolation> violations = new ArrayList<>();
        sorted.single().forEach(error -> violations.add(violation(error)));
        sorted.typeMismatches().forEach(group -> violations.add(noAlternative(group)));
        return violations.stream().distinct().sorted(Comparator.comparing(PayloadViolation::path)).toList();
    }

    /** A value whose JSON type none of an anyOf's alternatives has. */
    private PayloadViolation noAlternative(List<Error> group) {
        List<Object> at = tokens(group.get(0).getInstanceLocation());
        String types = group.stream().map(error -> types(subschema(error))).distinct()
                .collect(Collectors.joining(" or "));
        return new PayloadViolation(Paths.pointer(at), valueAt(at), "must be " + withArticle(types)
                + "; the contract says " + Paths.readable(at) + " is " + types);
    }

    private PayloadViolation violation(Error error) {
        List<Object> at = tokens(error.getInstanceLocation());
        Map<String, Object> rule = subschema(error);
        String keyword = String.valueOf(error.getKeyword());
        return switch (keyword) {
            case "required" -> missing(at, error.getProperty(), rule);
            case "additionalProperties" -> notInContract(at, error.getProperty());
            default -> new PayloadViolation(Paths.pointer(at), valueAt(at), rule(keyword, at, rule, error));
        };
    }

    private PayloadViolation missing(List<Object> at, String property, Map<String, Object> rule) {
        List<Object> field = append(at, property);
        Map<String, Object> fieldSchema = child(child(rule, "properties"), property);
        String shape = fieldSchema.isEmpty() ? "" : ": " + shape(fieldSchema);
        return new PayloadViolation(Paths.pointer(field), MISSING,
                "is missing; the contract says every payload has " + Paths.readable(field) + shape);
    }

    private PayloadViolation notInContract(List<Object> at, String property) {
        List<Object> field = append(at, property);
        return new PayloadViolation(Paths.pointer(field), valueAt(field), "is not in the contract; "
                + Paths.readable(at) + " has only the fields the contract lists (additionalProperties: false)");
    }

    private String rule(String keyword, List<Object> at, Map<String, Object> rule, Error error) {
        String field = Paths.readable(at);
        return switch (keyword) {
            case "type" -> "must be " + withArticle(types(rule)) + "; the contract says " + field + " is "
                    + shape(rule);
            case "enum" -> "must be one of " + values(rule.get("enum")) + "; the contract says " + field
                    + " is one of those";
            case "const" -> "must be " + JsonWriter.write(rule.get("const")) + "; the contract says " + field
                    + " is always that";
            case "anyOf", "oneOf" -> "fits none of what the contract allows for " + field + ": "
                    + alternatives(rule.get(keyword));
            default -> "breaks the contract's \"" + keyword + "\" at " + field + ": " + error.getMessage();
        };
    }

    /** "integer (SQL bigint, Java java.lang.Long)", "string or null (SQL text, Java java.lang.String)". */
    private String shape(Map<String, Object> rule) {
        String types = types(rule);
        if (types.isEmpty()) {
            types = rule.containsKey("$ref") || rule.containsKey("anyOf") ? alternatives(List.of(rule)) : "anything";
        }
        List<String> annotations = new ArrayList<>();
        Optional.ofNullable(rule.get("x-sql-type")).ifPresent(type -> annotations.add("SQL " + type));
        Optional.ofNullable(rule.get("x-java-type")).ifPresent(type -> annotations.add("Java " + type));
        return annotations.isEmpty() ? types : types + " (" + String.join(", ", annotations) + ")";
    }

    /** The JSON types a schema allows, "string or null"; empty when it names none. */
    static String types(Map<String, Object> rule) {
        Object type = rule.get("type");
        if (type instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(" or "));
        }
        if (type != null) {
            return type.toString();
        }
        if (rule.containsKey("const")) {
            return JsonWriter.write(rule.get("const"));
        }
        return rule.containsKey("enum") ? "one of " + values(rule.get("enum")) : "";
    }

    private String alternatives(Object anyOf) {
        if (!(anyOf instanceof List<?> list)) {
            return "";
        }
        return list.stream().map(ViolationWords::asMap).map(this::alternative).collect(Collectors.joining(" or "));
    }

    private String alternative(Map<String, Object> rule) {
        if (rule.containsKey("anyOf")) {
            return alternatives(rule.get("anyOf"));
        }
        Object ref = rule.get("$ref");
        if (ref instanceof String pointer && pointer.startsWith("#")) {
            Map<String, Object> target = resolve(pointer.substring(1));
            return types(target).isEmpty() ? pointer : types(target) + " (" + pointer + ")";
        }
        return types(rule);
    }

    private static String withArticle(String types) {
        String first = types.split(" ", 2)[0];
        return switch (first) {
            case "integer", "object", "array" -> "an " + types;
            case "string", "number", "boolean" -> "a " + types;
            default -> types;
        };
    }

    private static String values(Object values) {
        return values instanceof List<?> list
                ? list.stream().map(JsonWriter::write).collect(Collectors.joining(", "))
                : JsonWriter.write(values);
    }

    private String valueAt(List<Object> at) {
        return JsonPointer.compile(Paths.pointer(at)).find(payload).map(found -> JsonWriter.write(found.value()))
                .orElse(MISSING);
    }

    /** The schema object holding the keyword that failed. */
    private Map<String, Object> subschema(Error error) {
        List<Object> keyword = tokens(error.getSchemaLocation().getFragment());
        List<Object> parent = keyword.isEmpty() ? keyword : keyword.subList(0, keyword.size() - 1);
        return resolve(Paths.pointer(parent));
    }

    private Map<String, Object> resolve(String pointer) {
        return JsonPointer.compile(pointer).find(schema).map(found -> asMap(found.value())).orElse(Map.of());
    }

    private static Map<String, Object> child(Map<String, Object> map, String name) {
        return asMap(map.get(name));
    }

    @SuppressWarnings("unchecked") // a schema tree holds maps of String keys only
    private static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static List<Object> tokens(NodePath path) {
        return Alternatives.tokens(path);
    }

    private static List<Object> append(List<Object> tokens, Object token) {
        List<Object> appended = new ArrayList<>(tokens);
        appended.add(token);
        return appended;
    }
}
