package io.github.pgnotifications.internal.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes plain Java values as compact JSON, for messages: maps as objects, lists as arrays, strings, numbers,
 * booleans and null. A non-finite double and anything else are written as the JSON string of their
 * {@code toString()}, as PostgreSQL writes a float's NaN. What {@link JsonReader} reads, this writes back equal.
 */
public final class JsonWriter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonWriter() {
    }

    public static String write(Object value) {
        StringBuilder json = new StringBuilder();
        Deque<Open> open = new ArrayDeque<>();
        append(json, value, open);
        while (!open.isEmpty()) {
            Open innermost = open.peek();
            if (innermost.items.hasNext()) {
                appendNextItem(json, innermost, open);
            } else {
                json.append(innermost.close);
                open.pop();
            }
        }
        return json.toString();
    }

    /**
     * An object or array being written: its members or elements still to come, and its closing bracket. Kept on a
     * stack of our own, as the reader does, so that what the reader reads this writes back at any depth. Used by
     * one call of {@link #write} only.
     */
    private static final class Open {

        final Iterator<?> items;
        final char close;
        boolean started;

        Open(Iterator<?> items, char close) {
            this.items = items;
            this.close = close;
        }
    }

    /** The comma before all but the first, a member's name, and the element or member's value. */
    private static void appendNextItem(StringBuilder json, Open innermost, Deque<Open> open) {
        if (innermost.started) {
            json.append(',');
        }
        innermost.started = true;
        Object item = innermost.items.next();
        if (innermost.close == '}') {
            Map.Entry<?, ?> member = (Map.Entry<?, ?>) item;
            appendString(json, String.valueOf(member.getKey()));
            json.append(':');
            item = member.getValue();
        }
        append(json, item, open);
    }

    /** A scalar as JSON, or the opening bracket of a map or list, pushed so that its items follow. */
    private static void append(StringBuilder json, Object value, Deque<Open> open) {
        if (value == null) {
            json.append("null");
        } else if (value instanceof Map<?, ?> map) {
            json.append('{');
            open.push(new Open(map.entrySet().iterator(), '}'));
        } else if (value instanceof List<?> list) {
            json.append('[');
            open.push(new Open(list.iterator(), ']'));
        } else if (value instanceof Boolean || isJsonNumber(value)) {
            json.append(value);
        } else {
            appendString(json, value.toString());
        }
    }

    /**
     * Numbers whose {@code toString()} is a JSON number; a BigDecimal's keeps its scale (1E+3, 1.10), a
     * LiteralNumber's is the literal that arrived.
     */
    private static boolean isJsonNumber(Object value) {
        if (value instanceof Double number) {
            return Double.isFinite(number);
        }
        if (value instanceof Float number) {
            return Float.isFinite(number);
        }
        return value instanceof Long || value instanceof Integer || value instanceof BigDecimal
                || value instanceof BigInteger || value instanceof Short || value instanceof Byte
                || value instanceof LiteralNumber;
    }

    private static void appendString(StringBuilder json, String text) {
        json.append('"');
        int plain = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (needsEscape(text, i, c)) {
                json.append(text, plain, i);
                appendEscape(json, c);
                plain = i + 1;
            }
        }
        json.append(text, plain, text.length()).append('"');
    }

    /** Quotes, backslashes, control characters, and half a surrogate pair, which no UTF-8 text can carry. */
    private static boolean needsEscape(String text, int i, char c) {
        if (c == '"' || c == '\\' || c < 0x20) {
            return true;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
    }

    private static void appendEscape(StringBuilder json, char c) {
        switch (c) {
            case '"' -> json.append("\\\"");
            case '\\' -> json.append("\\\\");
            case '\b' -> json.append("\\b");
            case '\f' -> json.append("\\f");
            case '\n' -> json.append("\\n");
            case '\r' -> json.append("\\r");
            case '\t' -> json.append("\\t");
            default -> json.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf])
                    .append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
        }
    }
}
