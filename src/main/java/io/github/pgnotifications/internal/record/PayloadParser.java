package io.github.pgnotifications.internal.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pgnotifications.ChangeEvent;
import io.github.pgnotifications.Notification;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a change event from a payload of the seed's shape; any other payload is simply not a change event.
 * Thread-safe.
 */
final class PayloadParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    Optional<ChangeEvent> parse(Notification notification) {
        JsonNode root = readTree(notification.payload());
        if (root == null || !root.isObject()) {
            return Optional.empty();
        }
        ChangeEvent.Action action = action(root.path("action").asText(""));
        if (action == null || !root.path("record").isObject() && !root.path("truncated").asBoolean(false)) {
            return Optional.empty();
        }
        Map<String, Object> record = row(root.path("record"));
        Map<String, Object> old = action == ChangeEvent.Action.UPDATE ? row(root.path("old")) : Map.of();
        return Optional.of(new ChangeEvent(action, root.path("db_schema").asText(null),
                root.path("table").asText(null), record, old, timestamp(root.path("timestamp")),
                root.path("truncated").asBoolean(false), notification));
    }

    private static JsonNode readTree(String payload) {
        if (payload.isEmpty() || payload.charAt(0) != '{') {
            return null;
        }
        try {
            return JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static ChangeEvent.Action action(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "insert" -> ChangeEvent.Action.INSERT;
            case "update" -> ChangeEvent.Action.UPDATE;
            case "delete" -> ChangeEvent.Action.DELETE;
            default -> null;
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> row(JsonNode node) {
        if (!node.isObject()) {
            return Map.of();
        }
        return Collections.unmodifiableMap(JSON.convertValue(node, LinkedHashMap.class));
    }

    private static OffsetDateTime timestamp(JsonNode node) {
        if (!node.isTextual()) {
            return null;
        }
        String text = node.asText();
        OffsetDateTime fast = PostgresTimestamps.parse(text);
        if (fast != null) {
            return fast;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
