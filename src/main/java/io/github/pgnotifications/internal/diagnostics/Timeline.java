package io.github.pgnotifications.internal.diagnostics;

import java.util.List;
import java.util.stream.Stream;

/** One line per recorded notification: {@code +12ms INSERT id=42}, {@code +3ms not a change event: "refresh"}. */
public final class Timeline {

    /** A failure message shows the newest this many lines of a channel's timeline. */
    public static final int LINES_SHOWN = 30;

    private Timeline() {
    }

    public static List<String> lines(List<Seen> seen) {
        return seen.stream().map(Timeline::line).toList();
    }

    /** The newest {@link #LINES_SHOWN} lines, after a line saying how many earlier ones are left out. */
    public static List<String> newestLines(List<Seen> seen) {
        int from = Math.max(0, seen.size() - LINES_SHOWN);
        List<String> lines = lines(seen.subList(from, seen.size()));
        if (from == 0) {
            return lines;
        }
        return Stream.concat(Stream.of(Texts.earlier(from)), lines.stream()).toList();
    }

    static String line(Seen seen) {
        return "+" + Math.max(0, seen.offsetMillis()) + "ms " + describe(seen);
    }

    /** {@code INSERT id=42}, {@code INSERT (no key)}, {@code not a change event: "..."}. */
    public static String describe(Seen seen) {
        if (!seen.isChange()) {
            return "not a change event: " + Texts.preview(seen.payload());
        }
        if (seen.action().equals("TRUNCATE")) {
            return "TRUNCATE of " + seen.table();
        }
        String key = seen.keyColumns().isEmpty() || !seen.keyed() ? "(no key)"
                : Texts.key(seen.keyColumns(), seen.key());
        return seen.action() + " " + key + (seen.truncated() ? " (truncated)" : "");
    }
}
