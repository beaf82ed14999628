package io.github.pgnotifications.support;

import io.github.pgnotifications.internal.core.Session;
import io.github.pgnotifications.internal.core.SessionSettings;
import io.github.pgnotifications.internal.provision.ServerSettings;
import io.github.pgnotifications.internal.provision.Servers;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A second JVM for tests of what a run leaves behind: opens a session on the embedded server, prints the server's
 * data directory for the parent, then either exits normally ("exit") or waits to be killed ("wait"); or ("container")
 * asks for container mode and prints why it failed; or ("settings") prints the server settings it reads; or
 * ("lose-listener") ends its own listener's backend and waits until the recorder listens again, so that the library
 * warns of the lost connection.
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream toParent = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (args[0].equals("settings")) {
            ServerSettings read = ServerSettings.read(key -> Optional.ofNullable(System.getProperty(key)));
            toParent.println("settings=" + read.kind() + " " + (read.jdbcUrl() == null ? "" : read.jdbcUrl().toUrl())
                    + " " + read.username());
            return;
        }
        if (args[0].equals("container")) {
            try {
                Servers.obtain(ServerSettings.read(key -> Optional.of("container").filter(
                        value -> key.equals(io.github.pgnotifications.PgNotifications.SERVER_PROPERTY_NAME))), false);
                toParent.println("failure=none");
            } catch (RuntimeException e) {
                toParent.println("failure=" + e.getMessage());
            }
            return;
        }
        Session session = Session.open(new SessionSettings(List.of(), List.of("c"), List.of(), List.of(),
                Duration.ofSeconds(5)), Servers.obtain(ServerSettings.read(key -> Optional.empty()), false));
        toParent.println("data_directory=" + Sql.column(session.dataSource(), "SHOW data_directory").get(0));
        if (args[0].equals("lose-listener")) {
            Sql.exec(session.dataSource(), "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity"
                    + " WHERE application_name = 'pg-notifications-listener' AND datname = current_database()");
            session.recorder().sync();
            toParent.println("gaps=" + session.recorder().gaps().size());
        }
        if (args[0].equals("wait")) {
            System.in.read();
        }
        session.close();
    }
}
