package io.github.pgnotifications.internal.assertions;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Payloads read as JSON for the assertions. Strict about what JSON is (trailing text is an error), lenient about
 * the shape of a user's type (properties it does not declare are ignored), exact about decimals.
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {
    }

    /**
     * A payload read as a JSON tree, or why it could not be.
     *
     * @param tree    the tree, or null
     * @param problem why the payload is not JSON, or null
     */
    public record Parsed(JsonNode tree, String problem) {
    }

    public static Parsed parse(String payload) {
        if (payload.isBlank()) {
            return new Parsed(null, "the payload is empty");
        }
        try {
            return new Parsed(MAPPER.readTree(payload), null);
        } catch (JsonProcessingException e) {
            return new Parsed(null, problem(e));
        }
    }

    public static <T> T read(String payload, Class<T> type) throws JsonProcessingException {
        return MAPPER.readValue(payload, type);
    }

    /** Jackson's own message, without the source excerpt it appends, and where in the payload it stopped. */
    public static String problem(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 0 ? "" : " (line " + at.getLineNr() + ", column "
                + at.getColumnNr() + ")";
        return e.getOriginalMessage().strip() + where;
    }

    /** A JSON node as a plain Java value: maps, lists, strings, numbers, booleans, or null. */
    public static Object value(JsonNode node) {
        return MAPPER.convertValue(node, Object.class);
    }

    /** The longest leading part of a pointer that exists in the tree ({@code ""} for the root). */
    public static JsonPointer deepestExisting(JsonNode tree, JsonPointer pointer) {
        JsonPointer existing = pointer;
        while (tree.at(existing).isMissingNode()) {
            existing = existing.head();
        }
        return existing;
    }
}
