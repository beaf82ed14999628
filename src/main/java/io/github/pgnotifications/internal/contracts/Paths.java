package io.github.pgnotifications.internal.contracts;

import io.github.pgnotifications.internal.json.JsonPointer;
import java.util.List;

/**
 * A place in a payload or a schema as a list of tokens (member names as {@code String}, array indexes as
 * {@code Integer}), written as a JSON Pointer for tools and as {@code record.items[0].id} for people.
 */
final class Paths {

    private Paths() {
    }

    /** RFC 6901: {@code /record/id}; empty for the whole document. */
    static String pointer(List<?> tokens) {
        StringBuilder pointer = new StringBuilder();
        for (Object token : tokens) {
            pointer.append('/').append(JsonPointer.escape(token.toString()));
        }
        return pointer.toString();
    }

    /** {@code record.items[0].id}, {@code tags[*]} for any element; {@code the payload} for the whole of it. */
    static String readable(List<?> tokens) {
        StringBuilder readable = new StringBuilder();
        for (Object token : tokens) {
            if (token instanceof Integer || "*".equals(token)) {
                readable.append('[').append(token).append(']');
            } else {
                readable.append(readable.length() == 0 ? "" : ".").append(token);
            }
        }
        return readable.length() == 0 ? "the payload" : readable.toString();
    }

    /** A JSON Pointer's text made readable: {@code /record/id} as {@code record.id}. */
    static String readable(String pointer) {
        return readable(tokens(pointer));
    }

    /** A JSON Pointer's tokens; digits-only tokens as indexes. */
    static List<Object> tokens(String pointer) {
        return JsonPointer.compile(pointer).tokens().stream().map(Paths::indexOrName).toList();
    }

    private static Object indexOrName(String token) {
        int index = JsonPointer.arrayIndex(token);
        return index >= 0 ? index : token;
    }
}
