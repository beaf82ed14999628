package io.github.pgnotifications.internal.contracts;

import io.github.pgnotifications.internal.json.JsonReader;
import io.github.pgnotifications.internal.json.JsonSyntaxException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** TEMPORARY (dropped at merge): helpers of the stand-ins for contracts-model and contracts-check. */
final class StandIns {

    private StandIns() {
    }

    static Object parse(String text) {
        try {
            return JsonReader.parse(text);
        } catch (JsonSyntaxException e) {
            return text;
        }
    }

    static String jsonType(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map) {
            return "object";
        }
        if (value instanceof List) {
            return "array";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        if (value instanceof Number number) {
            try {
                new BigDecimal(number.toString()).toBigIntegerExact();
                return "integer";
            } catch (ArithmeticException | NumberFormatException e) {
                return "number";
            }
        }
        return "string";
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }

    static String pretty(Object value) {
        StringBuilder out = new StringBuilder();
        pretty(out, value, "");
        return out.append('\n').toString();
    }

    private static void pretty(StringBuilder out, Object value, String indent) {
        if (value instanceof Map<?, ?> m && !m.isEmpty()) {
            out.append("{\n");
            int i = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.append(indent).append("  ").append(io.github.pgnotifications.internal.json.JsonWriter.write(
                        String.valueOf(e.getKey()))).append(": ");
                pretty(out, e.getValue(), indent + "  ");
                out.append(++i < m.size() ? ",\n" : "\n");
            }
            out.append(indent).append('}');
        } else if (value instanceof List<?> l && !l.isEmpty()) {
            out.append("[\n");
            for (int i = 0; i < l.size(); i++) {
                out.append(indent).append("  ");
                pretty(out, l.get(i), indent + "  ");
                out.append(i + 1 < l.size() ? ",\n" : "\n");
            }
            out.append(indent).append(']');
        } else {
            out.append(io.github.pgnotifications.internal.json.JsonWriter.write(value));
        }
    }

    static Map<String, Object> sorted(Map<String, Object> map) {
        return new LinkedHashMap<>(new TreeMap<>(map));
    }

    static List<String> sortedUnion(Collection<?> a, Collection<?> b) {
        TreeSet<String> all = new TreeSet<>();
        a.forEach(x -> all.add(String.valueOf(x)));
        b.forEach(x -> all.add(String.valueOf(x)));
        return new ArrayList<>(all);
    }
}
