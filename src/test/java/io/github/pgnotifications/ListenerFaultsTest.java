package io.github.pgnotifications;

import static io.github.pgnotifications.support.Sql.exec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pgnotifications.support.Engine;
import io.github.pgnotifications.support.FreezableProxy;
import io.github.pgnotifications.support.Sql;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults provoked on a real server: the listener's backend terminated, the server closing idle sessions, a
 * half-open connection, a server restart. Each time the recorder notices, reports a gap, reconnects and listens again.
 */
@Timeout(120)
class ListenerFaultsTest {

    private static volatile FreezableProxy proxy;
    private static volatile EmbeddedPostgres restartable;
    private static volatile Runnable restart;

    @Test
    void aTerminatedListenerFailsTheWaitingAwaitAtOnceAndLaterAwaitsWork() {
        Engine.assertPassed(Engine.run(TerminationCase.class), 1);
    }

    @PgNotifications(tables = "items", scripts = "classpath:lifecycle.sql", timeout = "20s")
    static class TerminationCase {
        @Test
        void test(NotificationRecorder recorder, DataSource db) throws Exception {
            ChannelRecorder items = recorder.channel("items");
            exec(db, "INSERT INTO items VALUES (0, 'before')");
            CountDownLatch waiting = new CountDownLatch(1);
            CompletableFuture<Void> terminator = CompletableFuture.runAsync(() -> {
                awaitLatch(waiting);
                exec(db, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                        + " WHERE application_name = 'pg-notifications-listener' AND datname = current_database()");
            });

            assertThatThrownBy(() -> items.await("the insert of id 1", event -> {
                waiting.countDown();
                return Integer.valueOf(1).equals(event.record().get("id"));
            })).isInstanceOf(PgNotificationsException.class)
                    .hasMessageStartingWith("The listener lost its connection at ")
                    .hasMessageContaining(" while waiting for the insert of id 1: ")
                    .hasMessageContaining("terminating connection due to administrator command")
                    .hasMessageEndingWith("Notifications committed until it reconnects are lost, so this wait cannot"
                            + " succeed; the recorder reconnects by itself and later awaits work (see recorder.gaps()).");
            terminator.get(10, TimeUnit.SECONDS);

            recorder.sync();
            exec(db, "INSERT INTO items VALUES (2, 'after')");
            assertThat(items.awaitInsert(2).record()).containsEntry("name", "after");
            assertThat(recorder.gaps()).singleElement().satisfies(gap -> {
                assertThat(gap.reason()).contains("terminating connection due to administrator command");
                assertThat(gap.duration()).isPresent();
            });
            assertThatThrownBy(() -> items.assertNothingElse()).isInstanceOf(PgNotificationsException.class)
                    .hasMessageStartingWith("Cannot prove nothing else arrived on channel 'items': the listener lost"
                            + " its connection at ");
        }
    }

    @Test
    void aSyncRightAfterTheListenerWasTerminatedWaitsForItToListenAgain() {
        Engine.assertPassed(Engine.run(SyncAfterTerminationCase.class), 1);
    }

    @PgNotifications(tables = "items", scripts = "classpath:lifecycle.sql", timeout = "20s")
    static class SyncAfterTerminationCase {
        @Test
        void test(NotificationRecorder recorder, DataSource db) {
            for (int round = 0; round < 3; round++) {
                // The timeout makes the call wait until the backend is gone (PostgreSQL 14+).
                exec(db, "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity"
                        + " WHERE application_name = 'pg-notifications-listener' AND datname = current_database()");

                recorder.sync();

                exec(db, "INSERT INTO items VALUES (" + round + ", 'after')");
                assertThat(recorder.channel("items").awaitInsert(round)).isNotNull();
            }
            assertThat(recorder.gaps()).hasSize(3);
        }
    }

    @Test
    void aServerThatClosesIdleSessionsIsReportedAsAGap() {
        Engine.assertPassed(Engine.run(IdleTimeoutCase.class), 1);
    }

    @PgNotifications(tables = "items", scripts = {"classpath:lifecycle.sql", "classpath:idle-timeout.sql"},
            timeout = "20s")
    static class IdleTimeoutCase {
        @Test
        void test(NotificationRecorder recorder, DataSource db) {
            Assumptions.assumeTrue(Integer.parseInt(Sql.column(db, "SHOW server_version_num").get(0)) >= 140000,
                    "idle_session_timeout exists from PostgreSQL 14 on");

            assertThatThrownBy(() -> recorder.channel("items").awaitInsert(1))
                    .isInstanceOf(PgNotificationsException.class)
                    .hasMessageStartingWith("The listener lost its connection at ")
                    .hasMessageContaining("idle-session timeout");
            assertThat(recorder.gaps()).first().extracting(ListenerGap::reason).asString()
                    .contains("idle-session timeout");
        }
    }

    @Test
    void aHalfOpenListenerConnectionIsFoundByTheLivenessCheckAndReplaced() throws Exception {
        try (EmbeddedPostgres server = EmbeddedPostgres.start();
             FreezableProxy opened = new FreezableProxy(server.getPort())) {
            proxy = opened;
            Engine.assertPassed(Engine.run(HalfOpenCase.class, Map.of(
                    PgNotifications.JDBC_URL_PROPERTY_NAME, "jdbc:postgresql://127.0.0.1:" + opened.port() + "/postgres",
                    PgNotifications.USERNAME_PROPERTY_NAME, "postgres")), 1);
        }
    }

    @PgNotifications(tables = "items", scripts = "classpath:lifecycle.sql", timeout = "20s")
    static class HalfOpenCase {
        @Test
        void test(NotificationRecorder recorder, DataSource db) {
            proxy.freezeOpenConnections();

            assertThatThrownBy(() -> recorder.channel("items").awaitInsert(1))
                    .isInstanceOf(PgNotificationsException.class)
                    .hasMessageContaining("no answer to a liveness check within 3000 ms");

            recorder.sync();
            exec(db, "INSERT INTO items VALUES (3, 'after')");
            assertThat(recorder.channel("items").awaitInsert(3).record()).containsEntry("name", "after");
        }
    }

    @Test
    void aServerRestartIsAGapAfterWhichRecordingGoesOn(@TempDir Path dataDir)
            throws Exception {
        int port = freePort();
        Path data = Files.createDirectories(dataDir.resolve("pgdata"));
        restartable = startServer(data, port);
        restart = () -> {
            try {
                restartable.close();
                restartable = startServer(data, port);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        };
        try {
            Engine.assertPassed(Engine.run(RestartCase.class, Map.of(
                    PgNotifications.JDBC_URL_PROPERTY_NAME, "jdbc:postgresql://localhost:" + port + "/postgres",
                    PgNotifications.USERNAME_PROPERTY_NAME, "postgres")), 1);
        } finally {
            restartable.close();
        }
    }

    @PgNotifications(tables = "items", scripts = "classpath:lifecycle.sql", timeout = "30s")
    static class RestartCase {
        @Test
        void test(NotificationRecorder recorder, DataSource db) throws Exception {
            exec(db, "INSERT INTO items VALUES (0, 'before')");
            CountDownLatch waiting = new CountDownLatch(1);
            CompletableFuture<Void> restarter = CompletableFuture.runAsync(() -> {
                awaitLatch(waiting);
                restart.run();
            });

            assertThatThrownBy(() -> recorder.channel("items").await("the insert of id 1", event -> {
                waiting.countDown();
                return Integer.valueOf(1).equals(event.record().get("id"));
            })).isInstanceOf(PgNotificationsException.class).hasMessageStartingWith("The listener lost its connection");
            restarter.get(60, TimeUnit.SECONDS);

            recorder.sync();
            exec(db, "INSERT INTO items VALUES (4, 'after restart')");
            assertThat(recorder.channel("items").awaitInsert(4).record()).containsEntry("name", "after restart");
        }
    }

    private static EmbeddedPostgres startServer(Path data, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the await never started");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
