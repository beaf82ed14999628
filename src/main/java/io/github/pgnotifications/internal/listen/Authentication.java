package io.github.pgnotifications.internal.listen;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Answers the server's authentication requests for one connection: trust, password, MD5 and SCRAM-SHA-256 (the
 * methods a test server uses). Anything else is refused with a sentence naming it. Not thread-safe.
 */
final class Authentication {

    private static final int OK = 0;
    private static final int CLEARTEXT = 3;
    private static final int MD5 = 5;
    private static final int SASL = 10;
    private static final int SASL_CONTINUE = 11;
    private static final int SASL_FINAL = 12;

    private final String user;
    private final String password;
    private ScramSha256 scram;

    Authentication(String user, String password) {
        this.user = user;
        this.password = password == null ? "" : password;
    }

    /** The body of the password message to send back, or null when the request needs no answer. */
    byte[] answer(BackendMessage.Reader request) throws ListenException {
        int code = request.int32();
        return switch (code) {
            case OK -> null;
            case CLEARTEXT -> Wire.cString(password);
            case MD5 -> Wire.cString(md5(request.bytes(4)));
            case SASL -> startScram(mechanisms(request));
            case SASL_CONTINUE -> scram().clientFinal(new String(request.rest(), StandardCharsets.UTF_8));
            case SASL_FINAL -> {
                scram().verifyServerFinal(new String(request.rest(), StandardCharsets.UTF_8));
                yield null;
            }
            default -> throw new ListenException("the server asks for an authentication method the listener does not"
                    + " support (code " + code + "); use password, md5 or scram-sha-256 in pg_hba.conf");
        };
    }

    private static List<String> mechanisms(BackendMessage.Reader request) {
        List<String> names = new ArrayList<>();
        for (String name = request.cString(); !name.isEmpty(); name = request.cString()) {
            names.add(name);
        }
        return names;
    }

    private byte[] startScram(List<String> mechanisms) throws ListenException {
        if (!mechanisms.contains(ScramSha256.MECHANISM)) {
            throw new ListenException("the server offers SASL mechanisms " + mechanisms + "; the listener supports "
                    + ScramSha256.MECHANISM);
        }
        if (password.isEmpty()) {
            throw new ListenException("the server asks for a password (" + ScramSha256.MECHANISM + ") and none is"
                    + " configured");
        }
        scram = new ScramSha256(password);
        byte[] first = scram.clientFirst().getBytes(StandardCharsets.UTF_8);
        byte[] name = Wire.cString(ScramSha256.MECHANISM);
        byte[] body = new byte[name.length + 4 + first.length];
        System.arraycopy(name, 0, body, 0, name.length);
        System.arraycopy(Wire.int32(first.length), 0, body, name.length, 4);
        System.arraycopy(first, 0, body, name.length + 4, first.length);
        return body;
    }

    private ScramSha256 scram() throws ListenException {
        if (scram == null) {
            throw new ListenException("the server continued a SASL exchange that was never started");
        }
        return scram;
    }

    /** A SCRAM exchange, once begun, must have ended with the server's proof. */
    void checkCompleted() throws ListenException {
        if (scram != null && !scram.serverVerified()) {
            throw new ListenException("the server ended SCRAM authentication without proving it knows the password");
        }
    }

    private String md5(byte[] salt) {
        String inner = hex(digest(password.getBytes(StandardCharsets.UTF_8), user.getBytes(StandardCharsets.UTF_8)));
        return "md5" + hex(digest(inner.getBytes(StandardCharsets.US_ASCII), salt));
    }

    private static byte[] digest(byte[] first, byte[] second) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(first);
            md5.update(second);
            return md5.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
