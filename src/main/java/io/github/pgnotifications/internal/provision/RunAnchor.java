package io.github.pgnotifications.internal.provision;

import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.internal.Log;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A session a run keeps open on the server's maintenance database while it lives, named after the run, so that
 * other runs can tell that its templates and prepared databases are in use. Closed at the end of the run; a killed
 * run's anchor ends with its JVM.
 */
final class RunAnchor implements AutoCloseable {

    static final String APPLICATION_NAME_PREFIX = "pg-notifications-run-";

    private static final Log LOG = Log.of(RunAnchor.class);

    private final Connection connection;

    private RunAnchor(Connection connection) {
        this.connection = connection;
    }

    static RunAnchor open(ConnectionInfo maintenance, String run, String origin) {
        return new RunAnchor(Jdbc.connectForSetup(maintenance, origin, APPLICATION_NAME_PREFIX + run));
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("Closing the run's anchor session failed: {}", e.getMessage());
        }
    }
}
