package io.github.pgnotifications.benchmark;

/**
 * Reads the row id out of a change payload without a JSON parser, so that the peers' waiting threads do the least
 * work a hand-written test would: {@code ... "record" : {"id":42,"name":"x"} ...}.
 */
final class Payloads {

    private static final String ID = "{\"id\":";

    private Payloads() {
    }

    /** The id of the row in the payload's {@code record}, or -1 when there is none. */
    static int idOf(String payload) {
        int record = payload.indexOf("\"record\"");
        int start = record < 0 ? -1 : payload.indexOf(ID, record);
        if (start < 0) {
            return -1;
        }
        int id = 0;
        for (int i = start + ID.length(); i < payload.length() && Character.isDigit(payload.charAt(i)); i++) {
            id = id * 10 + (payload.charAt(i) - '0');
        }
        return id;
    }
}
