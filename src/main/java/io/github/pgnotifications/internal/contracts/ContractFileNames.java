package io.github.pgnotifications.internal.contracts;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The file name of a channel's contract, and back: the channel's text where it is {@code [A-Za-z0-9_.-]}, every other
 * UTF-8 byte as {@code %XX} (upper-case hex), then {@value #SUFFIX}. Distinct channels never share a name, and a
 * name never holds a path separator, a space or a quote, whatever the channel (PostgreSQL allows any text but NUL).
 */
public final class ContractFileNames {

    /** What every contract file's name ends with. */
    public static final String SUFFIX = ".schema.json";

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private ContractFileNames() {
    }

    /** The contract file name of {@code channel}, e.g. {@code users.schema.json}, {@code a%2Fb.schema.json}. */
    public static String of(String channel) {
        if (channel.isEmpty()) {
            throw new IllegalArgumentException("A channel name cannot be empty: PostgreSQL refuses pg_notify('', ...)");
        }
        StringBuilder name = new StringBuilder(channel.length() + SUFFIX.length());
        for (byte b : channel.getBytes(StandardCharsets.UTF_8)) {
            int unsigned = b & 0xff;
            if (isKept(unsigned)) {
                name.append((char) unsigned);
            } else {
                name.append('%').append(HEX[unsigned >> 4]).append(HEX[unsigned & 0xf]);
            }
        }
        return name.append(SUFFIX).toString();
    }

    /**
     * The channel whose contract file is named {@code fileName}; empty for a name {@link #of} never gives (another
     * file of the folder, such as {@code asyncapi.json}, or an escape that is not exactly how {@code of} writes it).
     */
    public static Optional<String> channelOf(String fileName) {
        if (!fileName.endsWith(SUFFIX) || fileName.length() == SUFFIX.length()) {
            return Optional.empty();
        }
        String escaped = fileName.substring(0, fileName.length() - SUFFIX.length());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(escaped.length());
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c == '%' && i + 2 < escaped.length() && hex(escaped.charAt(i + 1)) >= 0
                    && hex(escaped.charAt(i + 2)) >= 0) {
                bytes.write(hex(escaped.charAt(i + 1)) << 4 | hex(escaped.charAt(i + 2)));
                i += 2;
            } else if (c < 0x80 && isKept(c)) {
                bytes.write(c);
            } else {
                return Optional.empty();
            }
        }
        return decoded(bytes.toByteArray()).filter(channel -> of(channel).equals(fileName));
    }

    private static Optional<String> decoded(byte[] utf8) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(utf8)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean isKept(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.'
                || c == '-';
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }
}
