package io.github.pgnotifications.internal.record;

import io.github.pgnotifications.ChangeEvent;
import io.github.pgnotifications.Notification;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** One line per recorded notification, for failure messages: {@code +12ms INSERT id=42}. */
final class Timeline {

    private static final int PAYLOAD_PREVIEW = 80;

    private Timeline() {
    }

    static List<String> describe(ChannelLog log, KeyResolver keys, Instant since) {
        return describe(log, keys, since, IntStream.range(log.first(), log.end()).boxed().toList());
    }

    static List<String> describe(ChannelLog log, KeyResolver keys, Instant since, List<Integer> positions) {
        List<String> lines = new ArrayList<>();
        for (int i : positions) {
            Notification notification = log.notification(i);
            long offset = Duration.between(since, notification.receivedAt()).toMillis();
            lines.add(String.format("+%dms %s", Math.max(0, offset), describe(log.change(i), notification, keys)));
        }
        return lines;
    }

    private static String describe(ChangeEvent event, Notification notification, KeyResolver keys) {
        if (event == null) {
            return "not a change event: " + preview(notification.payload());
        }
        List<String> columns = keys.keyOf(event.schema(), event.table());
        String key = columns.isEmpty() ? "(no key)" : Keys.describe(columns, keyValue(event, columns));
        return event.action() + " " + key + (event.truncated() ? " (truncated)" : "");
    }

    private static Object keyValue(ChangeEvent event, List<String> columns) {
        if (columns.size() == 1) {
            return event.record().get(columns.get(0));
        }
        return columns.stream().map(event.record()::get).toList();
    }

    private static String preview(String payload) {
        String shown = payload.length() > PAYLOAD_PREVIEW ? payload.substring(0, PAYLOAD_PREVIEW) + "..." : payload;
        return '"' + shown.replace("\n", "\\n") + '"';
    }
}
