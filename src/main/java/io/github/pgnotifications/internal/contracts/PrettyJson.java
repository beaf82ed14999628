package io.github.pgnotifications.internal.contracts;

import io.github.pgnotifications.internal.json.JsonWriter;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes a tree of maps, lists and scalars as JSON for a file a reviewer reads: two-space indent, one member per
 * line, {@code \n} line ends and a final newline; a list of scalars only on one line. Members in the maps' own
 * order, scalars as {@link JsonWriter} writes them. Recursive: contract trees are a few levels deep (observed shapes
 * are cut at {@link ShapeNode#MAX_DEPTH}).
 */
final class PrettyJson {

    private static final String INDENT = "  ";

    private PrettyJson() {
    }

    static String write(Object value) {
        StringBuilder json = new StringBuilder();
        append(json, value, 0);
        return json.append('\n').toString();
    }

    private static void append(StringBuilder json, Object value, int depth) {
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            appendObject(json, map, depth);
        } else if (value instanceof List<?> list && !list.isEmpty()) {
            appendArray(json, list, depth);
        } else {
            json.append(JsonWriter.write(value));
        }
    }

    private static void appendObject(StringBuilder json, Map<?, ?> map, int depth) {
        json.append('{');
        Iterator<? extends Map.Entry<?, ?>> members = map.entrySet().iterator();
        while (members.hasNext()) {
            Map.Entry<?, ?> member = members.next();
            newLine(json, depth + 1).append(JsonWriter.write(String.valueOf(member.getKey()))).append(": ");
            append(json, member.getValue(), depth + 1);
            if (members.hasNext()) {
                json.append(',');
            }
        }
        newLine(json, depth).append('}');
    }

    private static void appendArray(StringBuilder json, List<?> list, int depth) {
        if (list.stream().noneMatch(item -> item instanceof Map<?, ?> || item instanceof List<?>)) {
            json.append('[');
            for (int i = 0; i < list.size(); i++) {
                json.append(i == 0 ? "" : ", ").append(JsonWriter.write(list.get(i)));
            }
            json.append(']');
            return;
        }
        json.append('[');
        for (int i = 0; i < list.size(); i++) {
            newLine(json, depth + 1);
            append(json, list.get(i), depth + 1);
            json.append(i + 1 < list.size() ? "," : "");
        }
        newLine(json, depth).append(']');
    }

    private static StringBuilder newLine(StringBuilder json, int depth) {
        json.append('\n');
        for (int i = 0; i < depth; i++) {
            json.append(INDENT);
        }
        return json;
    }
}
