package io.github.pgnotifications.internal.diagnostics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;

/** The small pieces every failure message shares: how values, keys, payloads and long lists are shown. */
public final class Texts {

    /** Payloads are shown up to this many characters. */
    public static final int PAYLOAD_PREVIEW = 80;

    private Texts() {
    }

    /** Text in quotes, so that a stray space or a number-versus-text mix-up is visible: {@code 'alan '}, {@code 7}. */
    public static String value(Object value) {
        if (value instanceof Collection<?> parts) {
            StringJoiner joined = new StringJoiner(", ", "(", ")");
            parts.forEach(part -> joined.add(value(part)));
            return joined.toString();
        }
        return value instanceof CharSequence text ? "'" + text + "'" : String.valueOf(value);
    }

    /** How a key is shown: {@code id=42}, {@code email='ada@example.com'}, {@code (tenant, id)=(1, 42)}. */
    public static String key(List<String> columns, Object key) {
        String names = columns.size() == 1 ? columns.get(0) : "(" + String.join(", ", columns) + ")";
        return names + "=" + value(key);
    }

    /** A payload in double quotes, cut to {@value #PAYLOAD_PREVIEW} characters, line breaks escaped. */
    public static String preview(String payload) {
        String shown = payload.length() > PAYLOAD_PREVIEW ? payload.substring(0, PAYLOAD_PREVIEW) + "..." : payload;
        return '"' + shown.replace("\n", "\\n") + '"';
    }

    /** The newest {@code limit} lines, after a line that says how many earlier ones are left out. */
    public static List<String> newest(List<String> lines, int limit) {
        if (lines.size() <= limit) {
            return lines;
        }
        List<String> shown = new ArrayList<>();
        shown.add(earlier(lines.size() - limit));
        shown.addAll(lines.subList(lines.size() - limit, lines.size()));
        return shown;
    }

    public static String earlier(int count) {
        return "... " + count + " earlier";
    }

    /** Lines as a block: each on its own line, indented by two spaces. */
    public static String indented(List<String> lines) {
        StringBuilder block = new StringBuilder();
        lines.forEach(line -> block.append("\n  ").append(line));
        return block.toString();
    }

    /** A driver or server message without its closing period, to be embedded in a sentence of ours. */
    public static String clause(String cause) {
        return cause == null ? "(no message)" : cause.strip().replaceFirst("\\.+$", "");
    }
}
