package io.github.pgnotifications.internal.provision;

import io.github.pgnotifications.ConnectionInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which databases of a server the tests of this JVM may be using, in every class loader: for a timeout message that
 * looks for the awaited table's writes in the wrong database. On a server other JVMs share, only the test databases
 * of this JVM's live runs (another JVM's tests may write the same tables in theirs) and the configured databases
 * of this JVM's runs (an application configured by hand with the same URL writes there); on this JVM's embedded server,
 * every database but PostgreSQL's templates and the library's, since nobody else uses that server.
 */
public final class JvmDatabases {

    private static final Pattern TEST_DATABASE = Pattern.compile(".*_d\\d+");

    private JvmDatabases() {
    }

    /** A filter over the databases of the server {@code reached} (one of its databases) is on. */
    public static Candidates on(ConnectionInfo reached) {
        return new Candidates(isThisJvmsEmbeddedServer(reached), JvmWide.runs(), JvmWide.configuredDatabases(),
                JdbcUrl.parse(reached.jdbcUrl()));
    }

    /** How {@link JvmWide} notes a database: server and name, URL-encoded, so that no separator of its lists occurs. */
    static String key(ConnectionInfo database) {
        return key(JdbcUrl.parse(database.jdbcUrl()));
    }

    private static String key(JdbcUrl url) {
        return URLEncoder.encode(url.servers() + "/" + url.database(), StandardCharsets.UTF_8);
    }

    /** Decides, for one server, which of its databases to look at. */
    public static final class Candidates {
        private final boolean embedded;
        private final Set<String> runs;
        private final Set<String> configured;
        private final JdbcUrl server;

        private Candidates(boolean embedded, Set<String> runs, Set<String> configured, JdbcUrl server) {
            this.embedded = embedded;
            this.runs = runs;
            this.configured = configured;
            this.server = server;
        }

        public boolean includes(String database) {
            Optional<DatabaseNames.Origin> origin = DatabaseNames.origin(database);
            if (origin.isEmpty()) {
                return embedded ? !database.equals("template0") && !database.equals("template1")
                        : configured.contains(key(server.withDatabase(database)));
            }
            return TEST_DATABASE.matcher(database).matches() && (embedded || runs.contains(origin.get().run()));
        }
    }

    private static boolean isThisJvmsEmbeddedServer(ConnectionInfo reached) {
        Map<String, String> embedded = JvmWide.embeddedServer();
        JdbcUrl url = JdbcUrl.parse(reached.jdbcUrl());
        return embedded.containsKey("port") && url.hosts().equals(List.of("localhost"))
                && url.ports().equals(List.of(embedded.get("port")));
    }
}
