package io.github.pgnotifications.listener;

import static io.github.pgnotifications.support.UrlSessions.assertNotificationsArrive;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pgnotifications.PgNotificationsException;
import io.github.pgnotifications.PgNotificationsSession;
import io.github.pgnotifications.support.Certificates;
import io.github.pgnotifications.support.Hba;
import io.github.pgnotifications.support.Sql;
import io.github.pgnotifications.support.UrlSessionJvm;
import io.github.pgnotifications.support.UrlSessions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TLS settings of a user's JDBC URL reach the listener too, against a server that accepts only TLS connections
 * ({@code hostssl} rules only): user {@code postgres} must show a client certificate signed by the test CA, user
 * {@code trusted} needs nothing more, user {@code scram} a SCRAM password. The server's certificate names it only in
 * its common name ({@code CN=127.0.0.1}, no subject alternative name), and the test CA is in no JVM trust store, so
 * every success here also shows that the listener trusts the URL's root certificate, not the JVM's.
 */
@Timeout(120)
class TlsUrlsTest {

    private static final String SCRAM_PASSWORD = "scram secret";

    @TempDir
    static Path directory;
    private static Certificates certificates;
    private static EmbeddedPostgres server;

    @BeforeAll
    static void startServerThatAcceptsOnlyTls() throws Exception {
        Assumptions.assumeTrue(Certificates.opensslWorks(), "openssl is not on the PATH here, so no certificate can"
                + " be made");
        certificates = Certificates.make(directory);
        server = EmbeddedPostgres.builder().setServerConfig("ssl", "on")
                .setServerConfig("ssl_cert_file", certificates.serverCertificate().toString())
                .setServerConfig("ssl_key_file", certificates.serverKey().toString())
                .setServerConfig("ssl_ca_file", certificates.caCertificate().toString())
                .start();
        Hba.createAdmin(server);
        Sql.exec(Hba.admin(server), "CREATE ROLE trusted LOGIN SUPERUSER",
                "CREATE ROLE scram LOGIN SUPERUSER PASSWORD '" + SCRAM_PASSWORD + "'");
        Hba.replace(server,
                "hostssl all " + Certificates.CLIENT_USER + " 127.0.0.1/32 cert clientcert=verify-full",
                "hostssl all trusted 127.0.0.1/32 trust",
                "hostssl all scram 127.0.0.1/32 scram-sha-256");
    }

    @AfterAll
    static void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void certificateAuthenticationWithTheCertificateAndKeyNamedInTheUrlDeliversNotifications() throws Exception {
        assertThat(jvmTrustedIssuers()).as("the JVM's own trust store does not know the test CA")
                .doesNotContain(certificates.readCaCertificate().getSubjectX500Principal());

        assertNotificationsArrive(url("sslmode=verify-ca&sslcert=" + certificates.clientCertificate()
                + "&sslkey=" + certificates.clientKeyPk8() + "&sslrootcert=" + certificates.caCertificate()),
                Certificates.CLIENT_USER, "");
    }

    @Test
    void certificatesInTheHomeDirectoryAreFoundWithNothingButTheSslmodeInTheUrl(@TempDir Path home) throws Exception {
        Path defaults = Files.createDirectories(home.resolve(".postgresql"));
        Files.copy(certificates.clientCertificate(), defaults.resolve("postgresql.crt"));
        Files.copy(certificates.clientKeyPk8(), defaults.resolve("postgresql.pk8"));
        Files.copy(certificates.caCertificate(), defaults.resolve("root.crt"));

        List<String> results = runChildJvm(home, url("sslmode=verify-full"), url("sslmode=verify-ca"));

        assertThat(results).containsExactly("received=from the child JVM", "received=from the child JVM");
    }

    @Test
    void verifyFullAcceptsAServerCertificateThatNamesTheHostOnlyInItsCommonName() throws Exception {
        assertThat(certificates.readServerCertificate().getSubjectAlternativeNames())
                .as("the server certificate has no subject alternative name").isNull();

        assertNotificationsArrive(url("sslmode=verify-full&sslrootcert=" + certificates.caCertificate()), "trusted",
                "");
    }

    @Test
    void theNonValidatingSslFactoryConnectsWithoutAnyRootCertificate() {
        assertNotificationsArrive(url("ssl=true&sslfactory=org.postgresql.ssl.NonValidatingFactory"), "trusted", "");
    }

    @Test
    void sslmodeAllowReachesAServerThatAcceptsOnlyEncryptedConnections() {
        try (PgNotificationsSession session = UrlSessions.start(url("sslmode=allow"), "trusted", "")) {
            Sql.exec(session.dataSource(), "NOTIFY c, 'allowed'");

            assertThat(session.recorder().channel("c").awaitPayload("allowed").payload()).isEqualTo("allowed");
            assertThat(UrlSessions.listenerUsesTls(session)).isTrue();
        }
    }

    @Test
    void requiredChannelBindingWorksOverTlsWithScram() {
        assertNotificationsArrive(url("sslmode=require&channelBinding=require&requireAuth=scram-sha-256"), "scram",
                SCRAM_PASSWORD);
    }

    @Test
    void aRootCertificateThatDidNotSignTheServerCertificateFailsWithPgjdbcsReason() {
        String url = url("sslmode=verify-ca&sslrootcert=" + certificates.otherCaCertificate());
        SQLException pgjdbc = UrlSessions.pgjdbcFailure(url, UrlSessions.credentials("trusted", "")).orElseThrow();

        assertThatThrownBy(() -> UrlSessions.start(url, "trusted", "").close())
                .isInstanceOf(PgNotificationsException.class)
                .hasMessageContaining("127.0.0.1:" + server.getPort())
                .hasMessageContaining(UrlSessions.quoted(pgjdbc));
    }

    private static List<X500Principal> jvmTrustedIssuers() throws Exception {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        return Arrays.stream(factory.getTrustManagers()).filter(X509TrustManager.class::isInstance)
                .flatMap(manager -> Arrays.stream(((X509TrustManager) manager).getAcceptedIssuers()))
                .map(X509Certificate::getSubjectX500Principal).toList();
    }

    private static String url(String parameters) {
        return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres?" + parameters;
    }

    /** Runs {@link UrlSessionJvm} for each URL, as user postgres, with {@code home} as {@code user.home}. */
    private static List<String> runChildJvm(Path home, String... urls) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Duser.home=" + home,
                "-cp", System.getProperty("java.class.path"), UrlSessionJvm.class.getName(),
                Certificates.CLIENT_USER));
        command.addAll(List.of(urls));
        Path errors = home.resolve("child.err");
        Process child = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        List<String> lines;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            lines = out.lines().toList();
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child JVM exits").isTrue();
        assertThat(child.exitValue()).as("the child JVM's exit code; its errors: %s", Files.readString(errors))
                .isZero();
        return lines;
    }
}
