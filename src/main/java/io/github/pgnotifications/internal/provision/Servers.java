package io.github.pgnotifications.internal.provision;

import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.internal.Messages;
import io.github.pgnotifications.internal.SetupException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where each kind of server comes from, as a {@link ServerContext} for one run.
 *
 * <p>The one piece of JVM-wide state in the library is the embedded server ({@link #EMBEDDED}): started on first use,
 * shared by every test class of the JVM, in every class loader ({@link EmbeddedServers}), and stopped by zonky's
 * shutdown hook when the JVM exits. It is global on
 * purpose: starting PostgreSQL costs about a second, a build runs one JVM per fork, and JUnit's own test kit runs
 * engines inside engines, each of which would otherwise start (and leave running) a server of its own. Everything
 * else lives in a context that its run closes.
 */
public final class Servers {

    /** The embedded server of this JVM, started on first use. */
    private static final Lazy<PostgresServer> EMBEDDED = new Lazy<>(EmbeddedServers::obtain);

    private Servers() {
    }

    /** The JVM's embedded server, started on first use. */
    static PostgresServer embedded() {
        return EMBEDDED.get();
    }

    /**
     * The server the settings ask for, in a context of its own that the caller closes at the end of its run.
     *
     * @param templates whether the run prepares each distinct setup once, in a template that classes copy
     */
    public static ServerContext obtain(ServerSettings settings, boolean templates) {
        return switch (settings.kind()) {
            case EXISTING -> new ServerContext(new ExistingServer(settings.jdbcUrl(), settings.username(),
                    settings.password()), null, templates);
            case EMBEDDED -> new ServerContext(EMBEDDED.get(), null, templates);
            case CONTAINER -> startContainer(settings.image(), templates);
        };
    }

    /** A server given by the test class itself, as connection details. */
    public static ServerContext existing(ConnectionInfo info, boolean templates) {
        JdbcUrl url = JdbcUrl.parse(info.jdbcUrl());
        String password = info.password().isEmpty() && url.password() != null ? url.password() : info.password();
        return new ServerContext(new ExistingServer(url, info.username(), password), null, templates);
    }

    /** A team's own Testcontainers JDBC container, started if it is not running; empty if it is not one. */
    public static Optional<ServerContext> container(Object candidate, boolean templates) {
        try {
            Class<?> type = Class.forName("org.testcontainers.containers.JdbcDatabaseContainer", false,
                    Servers.class.getClassLoader());
            return type.isInstance(candidate)
                    ? Optional.of(new ServerContext(ContainerServer.of(candidate), null, templates))
                    : Optional.empty();
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }

    /** Testcontainers is an optional dependency: say so if it is missing, rather than fail with a linkage error. */
    private static ServerContext startContainer(String image, boolean templates) {
        try {
            Class.forName("org.testcontainers.postgresql.PostgreSQLContainer", false, Servers.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new SetupException(Messages.testcontainersMissing(image));
        }
        ContainerServer server = ContainerServer.start(image);
        return new ServerContext(server, server::stop, templates);
    }

    /** A value computed once, on first use; a failed attempt is tried again next time. Thread-safe. */
    private static final class Lazy<T> {
        private final Supplier<T> compute;
        private T value;

        Lazy(Supplier<T> compute) {
            this.compute = compute;
        }

        synchronized T get() {
            if (value == null) {
                value = compute.get();
            }
            return value;
        }
    }
}
