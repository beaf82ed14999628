package io.github.pgnotifications.benchmark;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Ways to read a change payload, timed by the benchmark: the steps the library's parse is made of (a Jackson tree,
 * the {@code record} as a map, the timestamp) and two cheaper ways to find the key. Each returns what it read.
 */
final class PayloadParsing {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TIMESTAMP = "\"timestamp\" : \"";

    private PayloadParsing() {
    }

    /** What the library reads from each payload: the tree, the record as a map and the timestamp. */
    static Object likeTheLibrary(String payload) {
        try {
            JsonNode root = JSON.readTree(payload);
            return List.of(JSON.convertValue(root.path("record"), LinkedHashMap.class),
                    OffsetDateTime.parse(root.path("timestamp").asText()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Jackson {@code readTree}, then {@code convertValue} of {@code record} to a map. */
    static Object tree(String payload) throws IOException {
        return JSON.convertValue(JSON.readTree(payload).path("record"), LinkedHashMap.class);
    }

    /** {@code OffsetDateTime.parse} of the payload's timestamp. */
    static Object timestamp(String payload) {
        int start = payload.indexOf(TIMESTAMP) + TIMESTAMP.length();
        return OffsetDateTime.parse(payload.substring(start, payload.indexOf('"', start)));
    }

    /** Jackson {@code readValue} of the whole payload to a map, in one pass. */
    static Object onePass(String payload) throws IOException {
        return JSON.readValue(payload, LinkedHashMap.class);
    }

    /** Reads {@code action} and {@code record.id} with Jackson's streaming parser, skipping everything else. */
    static Object keyOnly(String payload) throws IOException {
        String action = null;
        String id = null;
        try (JsonParser parser = JSON.getFactory().createParser(payload)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("action")) {
                    action = parser.getText();
                } else if (field.equals("record") && value == JsonToken.START_OBJECT) {
                    id = idOf(parser);
                } else {
                    parser.skipChildren();
                }
            }
        }
        return action + ":" + id;
    }

    private static String idOf(JsonParser record) throws IOException {
        String id = null;
        while (record.nextToken() == JsonToken.FIELD_NAME) {
            String column = record.currentName();
            record.nextToken();
            if (column.equals("id")) {
                id = record.getText();
            }
            record.skipChildren();
        }
        return id;
    }
}
