package io.github.pgnotifications.internal.listen;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * TLS for the listener connection, following the JDBC URL's {@code sslmode} as libpq and pgjdbc read it:
 * {@code disable} and {@code allow} stay plain; {@code prefer} (the default) and {@code require} encrypt without
 * checking the certificate; {@code verify-ca} checks it against {@code sslrootcert} (a PEM file) or the JVM's trust
 * store; {@code verify-full} also checks the host name.
 */
final class Tls {

    private static final int SSL_REQUEST_CODE = 80_877_103;

    private Tls() {
    }

    /** The socket to speak through: the plain one, or TLS layered over it. */
    static Socket negotiate(Socket plain, ListenerEndpoint endpoint) throws IOException, ListenException {
        String mode = endpoint.sslMode();
        if (mode.equals("disable") || mode.equals("allow")) {
            return plain;
        }
        if (!requestTls(plain)) {
            if (mode.equals("prefer")) {
                return plain;
            }
            throw new ListenException("sslmode=" + mode + " but the server at " + endpoint.host() + ":"
                    + endpoint.port() + " does not offer TLS");
        }
        SSLSocket tls = (SSLSocket) context(endpoint).getSocketFactory()
                .createSocket(plain, endpoint.host(), endpoint.port(), true);
        if (mode.equals("verify-full")) {
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(parameters);
        }
        tls.startHandshake();
        return tls;
    }

    /** Asks the server for TLS on a plain socket; true if it agreed. */
    private static boolean requestTls(Socket socket) throws IOException {
        DataInputStream answer = new DataInputStream(socket.getInputStream());
        OutputStream request = socket.getOutputStream();
        request.write(Wire.int32(8));
        request.write(Wire.int32(SSL_REQUEST_CODE));
        request.flush();
        int reply = answer.read();
        if (reply != 'S' && reply != 'N') {
            throw new IOException("unexpected answer to the TLS request: " + reply);
        }
        return reply == 'S';
    }

    private static SSLContext context(ListenerEndpoint endpoint) throws IOException, ListenException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            boolean verify = endpoint.sslMode().startsWith("verify-");
            context.init(null, verify ? verifying(endpoint.sslRootCert()) : new TrustManager[] {new TrustingAll()},
                    null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new ListenException("cannot set up TLS for sslmode=" + endpoint.sslMode() + ": " + e.getMessage(), e);
        }
    }

    private static TrustManager[] verifying(String rootCertFile) throws IOException, GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        if (rootCertFile == null) {
            factory.init((KeyStore) null);
            return factory.getTrustManagers();
        }
        KeyStore roots = KeyStore.getInstance(KeyStore.getDefaultType());
        roots.load(null, null);
        try (InputStream pem = Files.newInputStream(Path.of(rootCertFile))) {
            int index = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(pem)) {
                roots.setCertificateEntry("root-" + index++, certificate);
            }
        }
        factory.init(roots);
        return factory.getTrustManagers();
    }

    /** libpq's {@code require}: encryption without authentication of the server. */
    private static final class TrustingAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // Not asked of a client.
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // sslmode=prefer/require: encrypt, but do not verify, as libpq does without a root certificate.
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
