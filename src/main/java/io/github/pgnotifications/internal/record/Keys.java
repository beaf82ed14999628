package io.github.pgnotifications.internal.record;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Key values in a canonical text form, so that ids match by value: {@code 7}, {@code 7L} and {@code "7"} are the same
 * key, as are the integer column value 7 and the text column value '7'.
 */
final class Keys {

    private Keys() {
    }

    /** The canonical key of an id given by the user; a collection stands for a composite key. */
    static String ofId(Object id) {
        if (id instanceof Collection<?> parts) {
            StringJoiner joined = new StringJoiner("\u0000");
            parts.forEach(part -> joined.add(canonical(part)));
            return joined.toString();
        }
        return canonical(id);
    }

    /** The canonical key of a row, or null if the row lacks one of the key columns. */
    static String ofRow(Map<String, Object> row, List<String> columns) {
        if (columns.isEmpty()) {
            return null;
        }
        List<Object> values = new ArrayList<>();
        for (String column : columns) {
            if (!row.containsKey(column)) {
                return null;
            }
            values.add(row.get(column));
        }
        return ofId(values.size() == 1 ? values.get(0) : values);
    }

    /** How a key is shown in messages: {@code id=42}, {@code (tenant, id)=(1, 42)}. */
    static String describe(List<String> columns, Object id) {
        String names = columns.size() == 1 ? columns.get(0) : "(" + String.join(", ", columns) + ")";
        return names + "=" + show(id);
    }

    /** Text in quotes, so that a stray space or a number-versus-text mix-up is visible: {@code 'alan '}, {@code 7}. */
    static String show(Object id) {
        if (id instanceof Collection<?> parts) {
            StringJoiner joined = new StringJoiner(", ", "(", ")");
            parts.forEach(part -> joined.add(show(part)));
            return joined.toString();
        }
        return id instanceof CharSequence text ? "'" + text + "'" : String.valueOf(id);
    }

    private static String canonical(Object value) {
        if (value instanceof Number number) {
            try {
                return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
            } catch (NumberFormatException e) {
                return number.toString();
            }
        }
        return String.valueOf(value);
    }
}
