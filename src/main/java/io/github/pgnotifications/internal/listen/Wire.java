package io.github.pgnotifications.internal.listen;

import java.nio.charset.StandardCharsets;

/** The protocol's field encodings: big-endian 32-bit integers and NUL-terminated UTF-8 strings. */
final class Wire {

    private Wire() {
    }

    static byte[] int32(int value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    static byte[] cString(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        byte[] terminated = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, terminated, 0, bytes.length);
        return terminated;
    }
}
