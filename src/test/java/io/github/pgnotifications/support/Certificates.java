package io.github.pgnotifications.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Certificates made by {@code openssl} for tests, in one directory: a self-signed CA, a server certificate signed by
 * it that names the server only in its common name ({@code CN=127.0.0.1}, no subject alternative name at all), a
 * client certificate for user {@code postgres} with its key as pgjdbc wants it (PKCS#8 DER, {@code .pk8}), and a
 * second, unrelated CA that trusts none of them.
 *
 * @param directory where the files are
 */
public record Certificates(Path directory) {

    /** The user the client certificate is for (its CN, which {@code cert} authentication maps to the user). */
    public static final String CLIENT_USER = "postgres";

    /** Whether {@code openssl} runs here; tests that need certificates are skipped with a reason when it does not. */
    public static boolean opensslWorks() {
        try {
            Process version = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
            return version.waitFor(20, TimeUnit.SECONDS) && version.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Makes every certificate and key in {@code directory}. */
    public static Certificates make(Path directory) throws IOException {
        Certificates made = new Certificates(directory);
        made.authority("ca", "/CN=pg-notifications test CA");
        made.authority("other-ca", "/CN=pg-notifications unrelated CA");
        made.signed("server", "/CN=127.0.0.1");
        made.signed("client", "/CN=" + CLIENT_USER);
        made.openssl("pkcs8", "-topk8", "-nocrypt", "-inform", "PEM", "-outform", "DER",
                "-in", made.file("client.key"), "-out", made.file("client.pk8"));
        Files.setPosixFilePermissions(made.serverKey(), PosixFilePermissions.fromString("rw-------"));
        return made;
    }

    public Path caCertificate() {
        return directory.resolve("ca.crt");
    }

    public Path otherCaCertificate() {
        return directory.resolve("other-ca.crt");
    }

    public Path serverCertificate() {
        return directory.resolve("server.crt");
    }

    public Path serverKey() {
        return directory.resolve("server.key");
    }

    public Path clientCertificate() {
        return directory.resolve("client.crt");
    }

    /** The client key in PKCS#8 DER, the form pgjdbc reads by default. */
    public Path clientKeyPk8() {
        return directory.resolve("client.pk8");
    }

    /** The server certificate as Java reads it, to check what the test relies on (e.g. that it has no SAN). */
    public X509Certificate readServerCertificate() throws IOException {
        return read(serverCertificate());
    }

    /** The CA certificate as Java reads it. */
    public X509Certificate readCaCertificate() throws IOException {
        return read(caCertificate());
    }

    private static X509Certificate read(Path certificate) throws IOException {
        try (InputStream in = Files.newInputStream(certificate)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (CertificateException e) {
            throw new IOException(e);
        }
    }

    private void authority(String name, String subject) throws IOException {
        openssl("req", "-x509", "-new", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", subject,
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
                "-keyout", file(name + ".key"), "-out", file(name + ".crt"));
    }

    /** A certificate signed by the CA, with no extensions at all: in particular no subject alternative name. */
    private void signed(String name, String subject) throws IOException {
        openssl("req", "-new", "-newkey", "rsa:2048", "-nodes", "-subj", subject,
                "-keyout", file(name + ".key"), "-out", file(name + ".csr"));
        openssl("x509", "-req", "-days", "2", "-in", file(name + ".csr"), "-CA", file("ca.crt"),
                "-CAkey", file("ca.key"), "-CAcreateserial", "-out", file(name + ".crt"));
    }

    private String file(String name) {
        return directory.resolve(name).toString();
    }

    private void openssl(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("openssl " + String.join(" ", arguments) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while openssl ran", e);
        }
    }
}
