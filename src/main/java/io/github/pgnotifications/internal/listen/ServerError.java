package io.github.pgnotifications.internal.listen;

import java.util.HashMap;
import java.util.Map;

/**
 * An ErrorResponse or NoticeResponse read into its fields.
 *
 * @param severity the non-localised severity, e.g. {@code FATAL}
 * @param sqlState the SQLSTATE code, e.g. {@code 57P01}
 * @param message  the primary message
 */
record ServerError(String severity, String sqlState, String message) {

    static ServerError of(BackendMessage message) {
        Map<Character, String> fields = new HashMap<>();
        BackendMessage.Reader reader = message.reader();
        while (reader.hasMore()) {
            char code = (char) reader.int8();
            if (code == 0) {
                break;
            }
            fields.put(code, reader.cString());
        }
        return new ServerError(fields.getOrDefault('V', fields.getOrDefault('S', "ERROR")),
                fields.getOrDefault('C', ""), fields.getOrDefault('M', "(no message)"));
    }

    /** As the server would print it: {@code FATAL: terminating connection due to administrator command (57P01)}. */
    @Override
    public String toString() {
        return severity + ": " + message + (sqlState.isEmpty() ? "" : " (" + sqlState + ")");
    }

    ListenException toException() {
        return new ListenException(toString(), sqlState);
    }
}
