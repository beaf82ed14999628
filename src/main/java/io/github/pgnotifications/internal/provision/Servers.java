package io.github.pgnotifications.internal.provision;

import io.github.pgnotifications.internal.Messages;
import io.github.pgnotifications.internal.SetupException;
import java.util.HashMap;
import io.github.pgnotifications.ConnectionInfo;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The servers of this JVM: one embedded server shared by every test class (started on first use, stopped by its
 * shutdown hook when the JVM exits), one container per image. A JVM-wide registry because a server outlives any one
 * test run: JUnit's own test kit runs engines inside engines, and each would otherwise start its own.
 */
public final class Servers {

    // Guarded by the class lock; servers are started at most once per key.
    private static final Map<Object, PostgresServer> STARTED = new HashMap<>();

    private Servers() {
    }

    /** The server the settings ask for, started if needed. */
    public static PostgresServer obtain(ServerSettings settings) {
        return switch (settings.kind()) {
            case EXISTING -> new ExistingServer(settings.jdbcUrl(), settings.username(), settings.password());
            case EMBEDDED -> shared(ServerSettings.Kind.EMBEDDED, EmbeddedServer::start);
            case CONTAINER -> shared(settings.image(), () -> startContainer(settings.image()));
        };
    }

    /** A server given by the test class itself, as connection details. */
    public static PostgresServer existing(ConnectionInfo info) {
        JdbcUrl url = JdbcUrl.parse(info.jdbcUrl());
        String password = info.password().isEmpty() && url.password() != null ? url.password() : info.password();
        return new ExistingServer(url, info.username(), password);
    }

    /** A team's own Testcontainers JDBC container, started if it is not running; empty if it is not one. */
    public static Optional<PostgresServer> container(Object candidate) {
        try {
            Class<?> type = Class.forName("org.testcontainers.containers.JdbcDatabaseContainer", false,
                    Servers.class.getClassLoader());
            return type.isInstance(candidate) ? Optional.of(ContainerServer.of(candidate)) : Optional.empty();
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }

    /** Testcontainers is an optional dependency: say so if it is missing, rather than fail with a linkage error. */
    private static PostgresServer startContainer(String image) {
        try {
            Class.forName("org.testcontainers.postgresql.PostgreSQLContainer", false, Servers.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new SetupException(Messages.testcontainersMissing(image));
        }
        return ContainerServer.start(image);
    }

    private static synchronized PostgresServer shared(Object key, Supplier<PostgresServer> start) {
        PostgresServer server = STARTED.get(key);
        if (server == null) {
            server = start.get();
            STARTED.put(key, server);
        }
        return server;
    }
}
