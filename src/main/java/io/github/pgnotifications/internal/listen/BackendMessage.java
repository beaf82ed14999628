package io.github.pgnotifications.internal.listen;

import java.nio.charset.StandardCharsets;

/**
 * One message from the server: its type byte and its body.
 *
 * @param type the message type, e.g. {@code 'A'} for a notification
 * @param body the bytes after the length
 */
record BackendMessage(char type, byte[] body) {

    /** Reads the body's fields from the start. */
    Reader reader() {
        return new Reader(body);
    }

    /** Reads the fields of a body in order. Not thread-safe. */
    static final class Reader {

        private final byte[] body;
        private int position;

        Reader(byte[] body) {
            this.body = body;
        }

        int int32() {
            int value = (body[position] & 0xFF) << 24 | (body[position + 1] & 0xFF) << 16
                    | (body[position + 2] & 0xFF) << 8 | body[position + 3] & 0xFF;
            position += 4;
            return value;
        }

        int int16() {
            int value = (body[position] & 0xFF) << 8 | body[position + 1] & 0xFF;
            position += 2;
            return value;
        }

        byte int8() {
            return body[position++];
        }

        /** A NUL-terminated UTF-8 string. */
        String cString() {
            int end = position;
            while (body[end] != 0) {
                end++;
            }
            String text = new String(body, position, end - position, StandardCharsets.UTF_8);
            position = end + 1;
            return text;
        }

        byte[] bytes(int count) {
            byte[] bytes = new byte[count];
            System.arraycopy(body, position, bytes, 0, count);
            position += count;
            return bytes;
        }

        /** The bytes not read yet. */
        byte[] rest() {
            return bytes(body.length - position);
        }

        boolean hasMore() {
            return position < body.length;
        }
    }
}
