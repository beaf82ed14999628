package io.github.pgnotifications.internal.listen;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The client side of SCRAM-SHA-256 (RFC 5802, RFC 7677) as PostgreSQL uses it: no channel binding, the user name taken
 * from the startup message. Not thread-safe; one per authentication.
 */
final class ScramSha256 {

    static final String MECHANISM = "SCRAM-SHA-256";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String GS2_HEADER = "n,,";

    private final byte[] password;
    private final String clientNonce;
    private String clientFirstBare;
    private byte[] expectedServerSignature;
    private boolean serverVerified;

    ScramSha256(String password) {
        this.password = password.getBytes(StandardCharsets.UTF_8);
        byte[] nonce = new byte[18];
        RANDOM.nextBytes(nonce);
        this.clientNonce = Base64.getEncoder().encodeToString(nonce);
    }

    String clientFirst() {
        clientFirstBare = "n=,r=" + clientNonce;
        return GS2_HEADER + clientFirstBare;
    }

    /** Answers the server's first message with the client's proof. */
    byte[] clientFinal(String serverFirst) throws ListenException {
        Map<Character, String> fields = fields(serverFirst);
        String nonce = fields.get('r');
        if (nonce == null || !nonce.startsWith(clientNonce) || fields.get('s') == null || fields.get('i') == null) {
            throw new ListenException("the server's SCRAM challenge is malformed: " + serverFirst);
        }
        byte[] salted = salt(Base64.getDecoder().decode(fields.get('s')), Integer.parseInt(fields.get('i')));
        String withoutProof = "c=" + Base64.getEncoder().encodeToString(GS2_HEADER.getBytes(StandardCharsets.UTF_8))
                + ",r=" + nonce;
        byte[] authMessage = (clientFirstBare + "," + serverFirst + "," + withoutProof)
                .getBytes(StandardCharsets.UTF_8);
        byte[] clientKey = hmac(salted, "Client Key".getBytes(StandardCharsets.UTF_8));
        byte[] signature = hmac(sha256(clientKey), authMessage);
        byte[] proof = clientKey.clone();
        for (int i = 0; i < proof.length; i++) {
            proof[i] ^= signature[i];
        }
        expectedServerSignature = hmac(hmac(salted, "Server Key".getBytes(StandardCharsets.UTF_8)), authMessage);
        return (withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof)).getBytes(StandardCharsets.UTF_8);
    }

    /** Checks that the server knows the password too. */
    void verifyServerFinal(String serverFinal) throws ListenException {
        Map<Character, String> fields = fields(serverFinal);
        if (fields.containsKey('e')) {
            throw new ListenException("SCRAM authentication failed: " + fields.get('e'));
        }
        String signature = fields.get('v');
        if (expectedServerSignature == null || signature == null
                || !MessageDigest.isEqual(expectedServerSignature, Base64.getDecoder().decode(signature))) {
            throw new ListenException("the server's SCRAM signature does not match: it does not know the password");
        }
        serverVerified = true;
    }

    boolean serverVerified() {
        return serverVerified;
    }

    /** Hi() of RFC 5802: PBKDF2 with HMAC-SHA-256, one block. */
    private byte[] salt(byte[] salt, int iterations) {
        byte[] block = new byte[salt.length + 4];
        System.arraycopy(salt, 0, block, 0, salt.length);
        block[block.length - 1] = 1;
        Mac keyed = mac(password);
        byte[] previous = keyed.doFinal(block);
        byte[] result = previous.clone();
        for (int i = 1; i < iterations; i++) {
            previous = keyed.doFinal(previous);
            for (int j = 0; j < result.length; j++) {
                result[j] ^= previous[j];
            }
        }
        return result;
    }

    private static Map<Character, String> fields(String message) {
        Map<Character, String> fields = new HashMap<>();
        for (String part : message.split(",")) {
            if (part.length() >= 2 && part.charAt(1) == '=') {
                fields.put(part.charAt(0), part.substring(2));
            }
        }
        return fields;
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        return mac(key).doFinal(data);
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
