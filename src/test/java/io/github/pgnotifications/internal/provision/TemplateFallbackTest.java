package io.github.pgnotifications.internal.provision;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgnotifications.ConnectionInfo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A template that cannot be copied (here: a session stays connected to it, as an IDE's might) is not a failure: the
 * class's database is prepared from scratch, so it gets the right schema, and one log line says why.
 */
@Timeout(120)
class TemplateFallbackTest {

    private final List<Connection> held = new ArrayList<>();

    @AfterEach
    void releaseTheHeldSessions() throws SQLException {
        for (Connection connection : held) {
            connection.close();
        }
    }

    @Test
    void aTemplateWithASessionOnItFallsBackToPreparingFromScratchWithOneLogLine() throws Exception {
        StringBuilder logged = new StringBuilder();
        List<String> prepared = new ArrayList<>();

        try (ServerContext server = Servers.obtain(ServerSettings.read(key -> Optional.empty()), true)) {
            ServerContext.Prepared<String> first = capturingStandardError(logged, () -> server.database("digest",
                    database -> prepareAndHold(database, prepared)));

            assertThat(prepared).as("the template's preparation, then the class's own from scratch").hasSize(2);
            assertThat(prepared.get(1)).isEqualTo(first.database().name());
            assertThat(first.schema()).isEqualTo("prepared " + first.database().name());
            first.database().close();
            releaseTheHeldSessions();
            held.clear();
        }
        assertThat(logged.toString()).containsOnlyOnce("Could not copy template database pgnotifications_")
                .contains(": a session is connected to it. Do not connect to pgnotifications_ databases while tests"
                        + " run. Test classes with the same settings prepare their databases from scratch instead");
    }

    /** Prepares nothing, but stays connected to the database it was given, as a tool pointed at it would. */
    private String prepareAndHold(ConnectionInfo database, List<String> prepared) {
        try {
            held.add(Jdbc.connect(database));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        String name = JdbcUrl.parse(database.jdbcUrl()).database();
        prepared.add(name);
        return "prepared " + name;
    }

    private static <T> T capturingStandardError(StringBuilder logged, java.util.function.Supplier<T> run) {
        PrintStream original = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            return run.get();
        } finally {
            System.setErr(original);
            logged.append(buffer.toString(StandardCharsets.UTF_8));
        }
    }
}
