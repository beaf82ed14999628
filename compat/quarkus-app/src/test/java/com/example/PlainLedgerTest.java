package com.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgnotifications.ChangeEvent;
import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.NotificationRecorder;
import io.github.pgnotifications.PgNotifications;
import java.sql.Connection;
import java.net.URI;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A plain JUnit class, no Quarkus, in the same module: a database of its own, its schema from a script, on the one
 * embedded server of the JVM that the Quarkus applications' databases are on too (Quarkus loads the library again in
 * its own class loader; runs after the Quarkus classes, in name order).
 */
@PgNotifications(tables = "ledger", scripts = "classpath:ledger.sql")
class PlainLedgerTest {

    @Test
    void anInsertArrives(NotificationRecorder recorder, DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("INSERT INTO ledger VALUES (1, 'opened')");
        }
        ChangeEvent event = recorder.channel("ledger").awaitInsert(1L);
        assertThat(event.record()).containsEntry("entry", "opened");
    }

    @Test
    void itsDatabaseIsOnTheServerTheQuarkusApplicationsUse(ConnectionInfo database) {
        assertThat(FirstClass.databaseUrl()).as("the URL AccountsResourceTest saw").isNotNull();
        assertThat(portOf(database.jdbcUrl())).isEqualTo(portOf(FirstClass.databaseUrl()));
    }

    private static int portOf(String jdbcUrl) {
        return URI.create(jdbcUrl.substring("jdbc:".length())).getPort();
    }
}
