package io.github.pgnotifications.internal.provision;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgnotifications.ConnectionInfo;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The users' DataSource and the library's own connections start from the same properties; the URL's own win. */
@Timeout(120)
class JdbcTest {

    private static EmbeddedPostgres server;

    @BeforeAll
    static void startServer() throws IOException {
        server = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stopServer() throws IOException {
        server.close();
    }

    @Test
    void theUrlsOwnUserAndApplicationNameWinOnTheDataSourceAndTheLibrarysConnections() throws SQLException {
        ConnectionInfo info = new ConnectionInfo(url("?ApplicationName=theirs&user=postgres"), "nobody", "");

        try (Connection own = Jdbc.connect(info); Connection users = Jdbc.dataSource(info).getConnection()) {
            assertThat(applicationAndUser(own)).isEqualTo("theirs postgres");
            assertThat(applicationAndUser(users)).isEqualTo("theirs postgres");
        }
    }

    @Test
    void whereTheUrlIsSilentTheConnectionInfosUserAndTheLibrarysNameApply() throws SQLException {
        ConnectionInfo info = new ConnectionInfo(url(""), "postgres", "");

        try (Connection own = Jdbc.connect(info); Connection users = Jdbc.dataSource(info).getConnection()) {
            assertThat(applicationAndUser(own)).isEqualTo("pg-notifications postgres");
            assertThat(applicationAndUser(users)).isEqualTo("PostgreSQL JDBC Driver postgres");
        }
    }

    private static String url(String parameters) {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/postgres" + parameters;
    }

    private static String applicationAndUser(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT current_setting('application_name') || ' '"
                     + " || current_user")) {
            result.next();
            return result.getString(1);
        }
    }
}
