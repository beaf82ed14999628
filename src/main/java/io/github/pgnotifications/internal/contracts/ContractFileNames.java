package io.github.pgnotifications.internal.contracts;

import java.nio.charset.StandardCharsets;

/** TEMPORARY stand-in for contracts-model's ContractFileNames (dropped at merge). */
public final class ContractFileNames {

    public static final String SUFFIX = ".schema.json";

    private ContractFileNames() {
    }

    public static String of(String channel) {
        StringBuilder name = new StringBuilder();
        for (byte b : channel.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-')) {
                name.append(c);
            } else {
                name.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return name.append(SUFFIX).toString();
    }

    public static java.util.Optional<String> channelOf(String fileName) {
        if (!fileName.endsWith(SUFFIX) || fileName.length() == SUFFIX.length()) {
            return java.util.Optional.empty();
        }
        String escaped = fileName.substring(0, fileName.length() - SUFFIX.length());
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c == '%' && i + 2 < escaped.length()) {
                bytes.write(Integer.parseInt(escaped.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        String channel = bytes.toString(StandardCharsets.UTF_8);
        return of(channel).equals(fileName) ? java.util.Optional.of(channel) : java.util.Optional.empty();
    }
}
