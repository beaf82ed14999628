package io.github.pgnotifications.internal.record;

import io.github.pgnotifications.ChangeEvent;
import io.github.pgnotifications.Notification;
import io.github.pgnotifications.internal.json.JsonReader;
import io.github.pgnotifications.internal.json.JsonSyntaxException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import io.github.pgnotifications.internal.values.ColumnType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a change event from a payload of the seed's shape; any other payload is simply not a change event.
 * Thread-safe.
 */
final class PayloadParser {

    private final RowTypes types;

    PayloadParser(RowTypes types) {
        this.types = types;
    }

    /** The column types it reads rows with. */
    RowTypes types() {
        return types;
    }

    Optional<ChangeEvent> parse(Notification notification) {
        Map<String, Object> root = object(notification.payload());
        if (root == null) {
            return Optional.empty();
        }
        ChangeEvent.Action action = action(root.get("action"));
        boolean truncated = Boolean.TRUE.equals(root.get("truncated"));
        boolean rowless = action == ChangeEvent.Action.TRUNCATE || truncated;
        if (action == null || !(root.get("record") instanceof Map) && !rowless) {
            return Optional.empty();
        }
        String schema = text(root.get("db_schema"));
        String table = text(root.get("table"));
        Map<String, ColumnType> columns = schema == null || table == null ? Map.of() : types.of(schema, table);
        return Optional.of(new ChangeEvent(action, schema, table, text(root.get("partition")),
                row(root.get("record"), columns),
                action == ChangeEvent.Action.UPDATE ? row(root.get("old"), columns) : Map.of(),
                timestamp(root.get("timestamp")), seq(root.get("seq")), truncated, names(root.get("omitted")),
                notification));
    }

    private static Long seq(Object value) {
        try {
            return value instanceof Number number ? new BigDecimal(number.toString()).longValueExact() : null;
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    private static List<String> names(Object value) {
        return value instanceof List<?> list ? list.stream().filter(String.class::isInstance).map(String.class::cast)
                .toList() : List.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(String payload) {
        if (payload.isEmpty() || payload.charAt(0) != '{') {
            return null;
        }
        try {
            return JsonReader.parse(payload) instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
        } catch (JsonSyntaxException e) {
            return null;
        }
    }

    private static ChangeEvent.Action action(Object value) {
        if (!(value instanceof String text)) {
            return null;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "insert" -> ChangeEvent.Action.INSERT;
            case "update" -> ChangeEvent.Action.UPDATE;
            case "delete" -> ChangeEvent.Action.DELETE;
            case "truncate" -> ChangeEvent.Action.TRUNCATE;
            default -> null;
        };
    }

    private static String text(Object value) {
        return value instanceof String text ? text : null;
    }

    /** A row image with each value read as its column's type; columns of unknown type keep their JSON value. */
    private static Map<String, Object> row(Object value, Map<String, ColumnType> columns) {
        if (!(value instanceof Map<?, ?> map)) {
            return Map.of();
        }
        return RowImage.of(map, (column, json) -> columns.getOrDefault(column, ColumnType.AS_IS).read(json));
    }

    /** The transaction's start time, in UTC whatever the writer's time zone. */
    private static OffsetDateTime timestamp(Object value) {
        if (!(value instanceof String text)) {
            return null;
        }
        OffsetDateTime parsed = PostgresTimestamps.parse(text);
        if (parsed == null) {
            try {
                parsed = OffsetDateTime.parse(text);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return parsed.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
