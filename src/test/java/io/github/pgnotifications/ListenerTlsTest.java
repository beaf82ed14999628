package io.github.pgnotifications;

import static io.github.pgnotifications.support.Sql.exec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pgnotifications.internal.listen.ListenException;
import io.github.pgnotifications.internal.listen.NotificationListener;
import io.github.pgnotifications.support.Sql;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The listener's TLS (pgjdbc's, with the user's URL), against a server with {@code ssl=on} and a self-signed
 * certificate made by {@code openssl} for {@code localhost}: it encrypts when the URL's sslmode asks, verifies with
 * {@code sslrootcert}, refuses a certificate that does not name the host it connects to, and leaves pgjdbc's reads
 * alone.
 */
@Timeout(120)
class ListenerTlsTest {

    @TempDir
    static Path certificates;
    private static EmbeddedPostgres server;

    @BeforeAll
    static void startServerWithTls() throws Exception {
        Assumptions.assumeTrue(opensslWorks(), "openssl is not on the PATH here, so no certificate can be made");
        Path key = certificates.resolve("server.key");
        Path cert = certificates.resolve("server.crt");
        Process openssl = new ProcessBuilder("openssl", "req", "-new", "-x509", "-days", "2", "-nodes",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost",
                "-keyout", key.toString(), "-out", cert.toString()).redirectErrorStream(true).start();
        assertThat(openssl.waitFor(60, TimeUnit.SECONDS) && openssl.exitValue() == 0).as("openssl made a certificate")
                .isTrue();
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        server = EmbeddedPostgres.builder().setServerConfig("ssl", "on")
                .setServerConfig("ssl_cert_file", cert.toString()).setServerConfig("ssl_key_file", key.toString())
                .start();
    }

    @AfterAll
    static void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void sslmodeRequireEncryptsTheListenerConnection() {
        try (PgNotificationsSession session = session("localhost", "sslmode=require")) {
            assertThat(listenerUsesTls(session)).isTrue();
            exec(session.dataSource(), "NOTIFY c, 'over tls'");
            assertThat(session.recorder().channel("c").awaitNotification(n -> true).payload()).isEqualTo("over tls");
        }
    }

    @Test
    void sslmodeVerifyFullTrustsTheRootCertificateNamedInTheUrl() {
        String root = certificates.resolve("server.crt").toString();
        try (PgNotificationsSession session = session("localhost", "sslmode=verify-full&sslrootcert=" + root)) {
            assertThat(listenerUsesTls(session)).isTrue();
        }
    }

    @Test
    void sslmodeVerifyFullRefusesACertificateForAnotherHost() {
        String root = certificates.resolve("server.crt").toString();
        ConnectionInfo byAddress = new ConnectionInfo("jdbc:postgresql://127.0.0.1:" + server.getPort()
                + "/postgres?sslmode=verify-full&sslrootcert=" + root, "postgres", "");

        assertThatThrownBy(() -> NotificationListener.start(byAddress, List.of("c"), new IgnoringSink(),
                NotificationListener.Health.DEFAULT).close())
                .isInstanceOf(ListenException.class)
                .hasMessageStartingWith("cannot connect to 127.0.0.1:" + server.getPort() + ": ")
                .hasMessageContaining("127.0.0.1");
    }

    @Test
    void underTlsTheListenerLeavesPgjdbcsProbeAlone() throws Exception {
        ConnectionInfo info = new ConnectionInfo("jdbc:postgresql://localhost:" + server.getPort()
                + "/postgres?sslmode=require", "postgres", "");
        IgnoringSink sink = new IgnoringSink();
        try (NotificationListener listener = NotificationListener.start(info, List.of("c"), sink,
                NotificationListener.Health.DEFAULT)) {
            exec(server.getPostgresDatabase(), "NOTIFY c, 'over tls'");

            assertThat(sink.received.poll(30, TimeUnit.SECONDS)).extracting(Notification::payload)
                    .isEqualTo("over tls");
            assertThat(listener.answersProbesAtOnce()).isFalse();
            assertThat(listener.probesAnswered()).isZero();
        }
    }

    /** The listener's sink: keeps what arrives, ignores the rest. */
    private static final class IgnoringSink implements NotificationListener.Sink {
        final BlockingQueue<Notification> received = new LinkedBlockingQueue<>();

        @Override
        public void received(Notification notification) {
            received.add(notification);
        }

        @Override
        public void burstEnded() {
        }

        @Override
        public void lost(Instant at, String reason) {
        }

        @Override
        public void restored(Instant at) {
        }
    }

    @Test
    void sslmodeDisableStaysPlain() {
        try (PgNotificationsSession session = session("localhost", "sslmode=disable")) {
            assertThat(listenerUsesTls(session)).isFalse();
        }
    }

    private static PgNotificationsSession session(String host, String parameters) {
        return PgNotificationsSession.builder().channels("c")
                .server(new ConnectionInfo("jdbc:postgresql://" + host + ":" + server.getPort() + "/postgres?"
                        + parameters, "postgres", ""))
                .start();
    }

    private static boolean listenerUsesTls(PgNotificationsSession session) {
        return Boolean.parseBoolean(Sql.column(session.dataSource(), "SELECT s.ssl::text FROM pg_stat_ssl s"
                + " JOIN pg_stat_activity a USING (pid) WHERE a.application_name = 'pg-notifications-listener'"
                + " AND a.datname = current_database()").get(0));
    }

    private static boolean opensslWorks() {
        try {
            return new ProcessBuilder("openssl", "version").start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
