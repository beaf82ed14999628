package io.github.pgnotifications.internal.core;

import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.internal.Messages;
import io.github.pgnotifications.internal.SetupException;
import io.github.pgnotifications.internal.provision.Jdbc;
import io.github.pgnotifications.internal.provision.JdbcUrl;
import java.sql.Connection;
import java.sql.SQLException;

/** A connection to a test database opened the first time it is asked for, if ever. Used by one thread. */
final class OnDemandConnection implements AutoCloseable {

    private final ConnectionInfo database;
    private Connection connection;

    OnDemandConnection(ConnectionInfo database) {
        this.database = database;
    }

    Connection get() {
        if (connection == null) {
            try {
                connection = Jdbc.connect(database);
            } catch (SQLException e) {
                throw new SetupException(Messages.prepareFailed(JdbcUrl.parse(database.jdbcUrl()).database(),
                        e.getMessage()), e);
            }
        }
        return connection;
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // Closing a connection we only read with: nothing to do.
            }
        }
    }
}
