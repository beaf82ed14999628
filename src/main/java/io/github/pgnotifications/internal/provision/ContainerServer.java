package io.github.pgnotifications.internal.provision;

import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.internal.Messages;
import io.github.pgnotifications.internal.SetupException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/** PostgreSQL in a Testcontainers container, for teams that want a specific image. Needs Docker. */
final class ContainerServer implements PostgresServer {

    private final JdbcDatabaseContainer<?> container;
    private final JdbcUrl url;

    private ContainerServer(JdbcDatabaseContainer<?> container) {
        this.container = container;
        this.url = JdbcUrl.parse(container.getJdbcUrl());
    }

    /** A container the team manages; started here if it is not running yet, and left for the team to stop. */
    static ContainerServer of(Object teamContainer) {
        JdbcDatabaseContainer<?> container = (JdbcDatabaseContainer<?>) teamContainer;
        if (!container.isRunning()) {
            if (!dockerAvailable()) {
                throw new SetupException(Messages.dockerMissing(container.getDockerImageName()));
            }
            container.start();
        }
        return new ContainerServer(container);
    }

    static ContainerServer start(String image) {
        if (!dockerAvailable()) {
            throw new SetupException(Messages.dockerMissing(image));
        }
        PostgreSQLContainer container = new PostgreSQLContainer(DockerImageName.parse(image)
                .asCompatibleSubstituteFor("postgres"));
        container.start();
        return new ContainerServer(container);
    }

    /** Stops a container this library started; a team's own container is the team's to stop. */
    void stop() {
        container.stop();
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public String description() {
        return "container " + container.getDockerImageName() + " at " + url.servers();
    }

    @Override
    public ConnectionInfo maintenanceDatabase() {
        return database(url.database());
    }

    @Override
    public ConnectionInfo database(String name) {
        return new ConnectionInfo(url.withDatabase(name).toUrl(), container.getUsername(), container.getPassword());
    }
}
