package io.github.pgnotifications.internal.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An RFC 6901 JSON pointer ({@code /items/0/name}) over the values {@link JsonReader} gives: maps, lists and plain
 * values. Immutable. Array indexes are digits without leading zeros; {@code -} (the element after the last) never
 * matches anything, since a lookup only finds what is there.
 */
public final class JsonPointer {

    private static final JsonPointer ROOT = new JsonPointer("", List.of());

    private final String text;
    private final List<String> tokens;

    private JsonPointer(String text, List<String> tokens) {
        this.text = text;
        this.tokens = tokens;
    }

    /** The value a pointer looks up; {@code value} is null for a JSON null that is there. */
    public record Found(Object value) {
    }

    /**
     * The pointer that the text writes.
     *
     * @throws IllegalArgumentException when the text is neither empty nor starts with '/', or has a '~' that is not
     *                                  {@code ~0} or {@code ~1}
     */
    public static JsonPointer compile(String text) {
        if (text.isEmpty()) {
            return ROOT;
        }
        if (text.charAt(0) != '/') {
            throw new IllegalArgumentException("JSON pointer '" + text + "' must be empty or start with '/'");
        }
        List<String> tokens = new ArrayList<>();
        int start = 1;
        for (int slash = text.indexOf('/', start); slash >= 0; slash = text.indexOf('/', start)) {
            tokens.add(unescape(text, start, slash));
            start = slash + 1;
        }
        tokens.add(unescape(text, start, text.length()));
        return new JsonPointer(text, List.copyOf(tokens));
    }

    private static String unescape(String text, int start, int end) {
        int tilde = text.indexOf('~', start);
        if (tilde < 0 || tilde >= end) {
            return text.substring(start, end);
        }
        StringBuilder token = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == '~') {
                char next = i + 1 < end ? text.charAt(i + 1) : ' ';
                if (next != '0' && next != '1') {
                    throw new IllegalArgumentException("JSON pointer '" + text + "' has a '~' at index " + i
                            + " that is not followed by 0 or 1; write '~0' for '~' and '~1' for '/'");
                }
                c = next == '0' ? '~' : '/';
                i++;
            }
            token.append(c);
        }
        return token.toString();
    }

    /** The reference tokens, unescaped: {@code /a~1b/0} has {@code a/b} and {@code 0}. */
    public List<String> tokens() {
        return tokens;
    }

    /** One member name as a reference token: {@code ~} as {@code ~0}, {@code /} as {@code ~1}. */
    public static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    /** The value at this pointer in a parsed value, or empty when there is none (a null that is there is found). */
    public Optional<Found> find(Object root) {
        Object value = root;
        for (String token : tokens) {
            Optional<Found> child = child(value, token);
            if (child.isEmpty()) {
                return child;
            }
            value = child.get().value();
        }
        return Optional.of(new Found(value));
    }

    /** The longest leading part of this pointer that exists in the value: the root ({@code ""}) at least. */
    public JsonPointer deepestExisting(Object root) {
        Object value = root;
        int depth = 0;
        for (; depth < tokens.size(); depth++) {
            Optional<Found> child = child(value, tokens.get(depth));
            if (child.isEmpty()) {
                break;
            }
            value = child.get().value();
        }
        return depth == tokens.size() ? this : prefix(depth);
    }

    private static Optional<Found> child(Object container, String token) {
        if (container instanceof Map<?, ?> map) {
            return map.containsKey(token) ? Optional.of(new Found(map.get(token))) : Optional.empty();
        }
        if (container instanceof List<?> list) {
            int index = arrayIndex(token);
            return index >= 0 && index < list.size() ? Optional.of(new Found(list.get(index))) : Optional.empty();
        }
        return Optional.empty();
    }

    /** The index a token writes, or -1 when it writes none ("-", leading zeros, not digits, too big). */
    public static int arrayIndex(String token) {
        if (token.isEmpty() || token.length() > 9 || token.length() > 1 && token.charAt(0) == '0') {
            return -1;
        }
        int index = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            index = index * 10 + (c - '0');
        }
        return index;
    }

    private JsonPointer prefix(int depth) {
        if (depth == 0) {
            return ROOT;
        }
        StringBuilder prefix = new StringBuilder();
        for (String token : tokens.subList(0, depth)) {
            prefix.append('/').append(escape(token));
        }
        return new JsonPointer(prefix.toString(), tokens.subList(0, depth));
    }

    /** The pointer's text, as it was compiled. */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonPointer pointer && text.equals(pointer.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
