package io.github.pgnotifications.internal.provision;

import io.github.pgnotifications.ConnectionInfo;

/** One way of getting a PostgreSQL server: embedded, an existing one, or a container. */
public interface PostgresServer {

    /** Names the server for messages and logs, e.g. "embedded PostgreSQL on localhost:35411". Never a password. */
    String description();

    /** The database the configuration points at, used to create and drop test databases. */
    ConnectionInfo maintenanceDatabase();

    /** The same server and credentials with another database. */
    ConnectionInfo database(String name);

    /**
     * How {@code CREATE DATABASE ... TEMPLATE} copies on this server, as the clause to append: nothing (the server's
     * default) unless the library owns the server and knows a faster way.
     */
    default String cloneStrategy() {
        return "";
    }
}
