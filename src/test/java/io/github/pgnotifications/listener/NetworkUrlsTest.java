package io.github.pgnotifications.listener;

import static io.github.pgnotifications.support.UrlSessions.assertNotificationsArrive;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.pgnotifications.Notification;
import io.github.pgnotifications.PgNotificationsException;
import io.github.pgnotifications.PgNotificationsSession;
import io.github.pgnotifications.support.CleartextTrap;
import io.github.pgnotifications.support.ForeignService;
import io.github.pgnotifications.support.Hba;
import io.github.pgnotifications.support.ListenerThreads;
import io.github.pgnotifications.support.Sql;
import io.github.pgnotifications.support.StallingProxy;
import io.github.pgnotifications.support.TunnelSocketFactory;
import io.github.pgnotifications.support.UrlSessions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rest of a user's JDBC URL reaches the listener too: several hosts, {@code targetServerType}, a
 * {@code socketFactory}, {@code channelBinding} and {@code requireAuth}; and the listener survives what networks do
 * to it (a first port that is another service, a notification stalled mid-message). Against a plain server (no TLS)
 * where {@code postgres} is trusted and {@code scram} has a SCRAM password, and a second server whose sessions are
 * read-only, which pgjdbc takes for a standby ({@code SHOW transaction_read_only} is {@code on}).
 */
@Timeout(120)
class NetworkUrlsTest {

    private static final String SCRAM_PASSWORD = "scram secret";

    private static EmbeddedPostgres primary;
    private static EmbeddedPostgres standby;

    @BeforeAll
    static void startPrimaryAndReadOnlyServer() throws Exception {
        primary = EmbeddedPostgres.start();
        Hba.createAdmin(primary);
        Sql.exec(Hba.admin(primary), "CREATE ROLE scram LOGIN SUPERUSER PASSWORD '" + SCRAM_PASSWORD + "'");
        Hba.replace(primary, "host all postgres 127.0.0.1/32 trust", "host all postgres ::1/128 trust",
                "host all scram 127.0.0.1/32 scram-sha-256");
        standby = EmbeddedPostgres.builder().setServerConfig("default_transaction_read_only", "on").start();
    }

    @AfterAll
    static void stopServers() throws IOException {
        if (standby != null) {
            standby.close();
        }
        if (primary != null) {
            primary.close();
        }
    }

    @Test
    void requiredChannelBindingAgainstAServerWithoutTlsFailsAsPgjdbcFails() {
        String url = "jdbc:postgresql://127.0.0.1:" + primary.getPort() + "/postgres?channelBinding=require";
        SQLException pgjdbc = UrlSessions.pgjdbcFailure(url, UrlSessions.credentials("scram", SCRAM_PASSWORD))
                .orElseThrow();

        assertThatThrownBy(() -> UrlSessions.start(url, "scram", SCRAM_PASSWORD).close())
                .isInstanceOf(PgNotificationsException.class)
                .hasMessageContaining(UrlSessions.quoted(pgjdbc))
                .satisfies(failure -> assertThat(sqlStates(failure)).contains(pgjdbc.getSQLState()));
    }

    @Test
    void aListenerAskedForACleartextPasswordSendsNoneWhenRequireAuthAllowsOnlyScram() throws Exception {
        try (CleartextTrap trap = new CleartextTrap(primary.getPort(), UrlSessions.LISTENER_APPLICATION)) {
            // assumeMinServerVersion makes pgjdbc name the application in its startup message, where the trap sees it.
            String url = "jdbc:postgresql://127.0.0.1:" + trap.port()
                    + "/postgres?requireAuth=scram-sha-256&assumeMinServerVersion=10";
            Properties asListener = UrlSessions.credentials("scram", SCRAM_PASSWORD);
            asListener.setProperty("ApplicationName", UrlSessions.LISTENER_APPLICATION);

            Throwable failure = catchThrowable(() -> UrlSessions.start(url, "scram", SCRAM_PASSWORD).close());

            assertThat(trap.trapped()).as("listener connections asked for a cleartext password").isPositive();
            assertThat(trap.passwordsReceived()).as("cleartext passwords sent").isZero();
            assertThat(failure).isInstanceOf(PgNotificationsException.class)
                    .hasMessageContaining(UrlSessions.quoted(UrlSessions.pgjdbcFailure(url, asListener).orElseThrow()));
        }
    }

    @Test
    void theListenerConnectsPastAFirstHostThatIsDown() throws Exception {
        assertNotificationsArrive("jdbc:postgresql://127.0.0.1:" + portNothingListensOn() + ",127.0.0.1:"
                + primary.getPort() + "/postgres?hostRecheckSeconds=0", "postgres", "");
    }

    @Test
    void targetServerTypePrimarySkipsAReadOnlyServerListedFirst() {
        assertThat(Sql.column(standby.getPostgresDatabase(), "SHOW transaction_read_only")).containsExactly("on");

        assertNotificationsArrive("jdbc:postgresql://127.0.0.1:" + standby.getPort() + ",127.0.0.1:"
                + primary.getPort() + "/postgres?targetServerType=primary", "postgres", "");
    }

    @Test
    void aSocketFactoryInTheUrlCarriesTheListenerConnection() {
        String tunnelEnd = String.valueOf(primary.getPort());
        String url = "jdbc:postgresql://tunnel.invalid:5432/postgres?socketFactory="
                + TunnelSocketFactory.class.getName() + "&socketFactoryArg=" + tunnelEnd;
        try (PgNotificationsSession session = UrlSessions.start(url, "postgres", "")) {
            Sql.exec(session.dataSource(), "NOTIFY c, 'through the tunnel'");

            assertThat(session.recorder().channel("c").awaitPayload("through the tunnel").payload())
                    .isEqualTo("through the tunnel");
            assertThat(TunnelSocketFactory.localPorts(tunnelEnd)).contains(listenerClientPort(session));
        }
    }

    static Stream<Arguments> foreignReplies() {
        return Stream.of(Arguments.of("a RabbitMQ protocol header", ForeignService.AMQP_HEADER, "disable"),
                Arguments.of("a message claiming to be 2 GB long", ForeignService.HUGE_LENGTH, "disable"),
                Arguments.of("a RabbitMQ protocol header", ForeignService.AMQP_HEADER, "prefer"));
    }

    @ParameterizedTest(name = "a first port that answers with {0} (sslmode={2}) is passed over or named; nothing leaks")
    @MethodSource("foreignReplies")
    void aFirstPortThatIsAnotherServiceIsPassedOverOrNamedAndNothingLeaks(String what, byte[] reply, String sslmode)
            throws Exception {
        Set<Thread> listenersBefore = ListenerThreads.alive();
        try (ForeignService foreign = new ForeignService(reply); ForeignService probe = new ForeignService(reply)) {
            Throwable failure = roundTripOrFailure(urlWithFirstPort(foreign.port(), sslmode));
            // A separate service for pgjdbc alone, so that pgjdbc's memory of failed hosts cannot favour the session.
            Optional<SQLException> pgjdbc = UrlSessions.pgjdbcFailure(urlWithFirstPort(probe.port(), sslmode),
                    UrlSessions.credentials("postgres", ""));

            if (pgjdbc.isEmpty()) {
                assertThat(failure).as("the session, where pgjdbc alone connects through the second host").isNull();
            } else {
                assertThat(failure).isInstanceOf(PgNotificationsException.class)
                        .hasMessageContaining("127.0.0.1:" + foreign.port());
            }
            assertThat(foreign.accepted()).as("connections the foreign service saw").isPositive();
            assertThat(foreign.awaitEveryConnectionClosed(Duration.ofSeconds(10)))
                    .as("every connection to the foreign service was closed by its client").isTrue();
        }
        assertThat(ListenerThreads.alive()).as("listener threads left running").isSubsetOf(listenersBefore);
    }

    @Test
    void aNotificationStalledMidMessageIsDeliveredWhenTheStreamResumesAndNothingIsLost() throws Exception {
        try (StallingProxy proxy = new StallingProxy(primary.getPort());
             PgNotificationsSession session = UrlSessions.start("jdbc:postgresql://127.0.0.1:" + proxy.port()
                     + "/postgres?sslmode=disable&gssEncMode=disable", "postgres", "")) {
            // Longer than the listener's 1 s of silence before it checks the connection, shorter than the 4 s after
            // which it would rightly give the connection up.
            proxy.stallNextNotificationContaining("stalled", Duration.ofMillis(1_500));

            Sql.inTransaction(session.dataSource(), "NOTIFY c, 'stalled'", "NOTIFY c, 'queued behind'");
            assertThat(proxy.awaitStallBegun(Duration.ofSeconds(10))).as("the proxy stalled the notification").isTrue();
            session.recorder().channel("c").awaitPayload("queued behind");
            Sql.exec(session.dataSource(), "NOTIFY c, 'after the stall'");
            session.recorder().channel("c").awaitPayload("after the stall");

            assertThat(session.recorder().channel("c").notifications()).extracting(Notification::payload)
                    .containsExactly("stalled", "queued behind", "after the stall");
            assertThat(session.recorder().gaps()).isEmpty();
        }
    }

    /** Every connection tries the first port again: pgjdbc's memory of failed hosts would let later ones skip it. */
    private static String urlWithFirstPort(int port, String sslmode) {
        return "jdbc:postgresql://127.0.0.1:" + port + ",127.0.0.1:" + primary.getPort()
                + "/postgres?hostRecheckSeconds=0&sslmode=" + sslmode;
    }

    /** Null if a session on the URL delivered a notification; otherwise what it threw, even an Error. */
    private static Throwable roundTripOrFailure(String url) {
        try {
            assertNotificationsArrive(url, "postgres", "");
            return null;
        } catch (Throwable failure) {
            return failure;
        }
    }

    private static int listenerClientPort(PgNotificationsSession session) {
        return Integer.parseInt(Sql.column(session.dataSource(), "SELECT client_port::text FROM pg_stat_activity"
                + " WHERE application_name = ? AND datname = current_database()", UrlSessions.LISTENER_APPLICATION)
                .get(0));
    }

    private static int portNothingListensOn() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Stream<String> sqlStates(Throwable failure) {
        return Stream.iterate(failure, cause -> cause != null, Throwable::getCause)
                .filter(SQLException.class::isInstance).map(cause -> ((SQLException) cause).getSQLState());
    }
}
