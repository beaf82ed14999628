package io.github.pgnotifications.internal.provision;

import io.github.pgnotifications.ConnectionInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which databases of a server the tests of this JVM may be using, in every class loader: for a timeout message that
 * looks for the awaited table's writes in the wrong database. On a server other JVMs share, only the test databases
 * of this JVM's live runs (another JVM's tests may write the same tables in theirs); on this JVM's embedded server,
 * every database but PostgreSQL's templates and the library's, since nobody else uses that server.
 */
public final class JvmDatabases {

    private static final Pattern TEST_DATABASE = Pattern.compile(".*_d\\d+");

    private JvmDatabases() {
    }

    /** A filter over the databases of the server {@code reached} (one of its databases) is on. */
    public static Candidates on(ConnectionInfo reached) {
        return new Candidates(isThisJvmsEmbeddedServer(reached), JvmWide.runs());
    }

    /** Decides, for one server, which of its databases to look at. */
    public static final class Candidates {
        private final boolean embedded;
        private final Set<String> runs;

        private Candidates(boolean embedded, Set<String> runs) {
            this.embedded = embedded;
            this.runs = runs;
        }

        public boolean includes(String database) {
            Optional<DatabaseNames.Origin> origin = DatabaseNames.origin(database);
            if (origin.isEmpty()) {
                return embedded && !database.equals("template0") && !database.equals("template1");
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
