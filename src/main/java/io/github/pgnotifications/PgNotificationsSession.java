package io.github.pgnotifications;

import io.github.pgnotifications.internal.Messages;
import io.github.pgnotifications.internal.SetupException;
import io.github.pgnotifications.internal.contracts.ContractSettings;
import io.github.pgnotifications.internal.contracts.Contracts;
import io.github.pgnotifications.internal.core.Session;
import io.github.pgnotifications.internal.core.SessionSettings;
import io.github.pgnotifications.internal.diagnostics.StackTraces;
import io.github.pgnotifications.internal.listen.NotificationListener;
import io.github.pgnotifications.internal.provision.ServerContext;
import io.github.pgnotifications.internal.provision.ServerSettings;
import io.github.pgnotifications.internal.provision.Servers;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * What {@link PgNotifications} does for a JUnit class, for any other test framework (TestNG, Cucumber, Spock) or
 * plain Java: a fresh database with the scripts run and the triggers installed, and a recorder listening on every
 * channel. Close it when done: that stops recording and drops the database.
 *
 * <pre>{@code
 * try (PgNotificationsSession session = PgNotificationsSession.builder()
 *         .tables("users").scripts("classpath:schema.sql").start()) {
 *     new UserRepository(session.dataSource()).create("42", "Ada", "Lovelace");
 *     session.recorder().channel("users").awaitInsert("42");
 * }
 * }</pre>
 *
 * <p>Unless {@link Builder#server(ConnectionInfo)} says otherwise, the server is chosen as for the extension, from
 * system properties or environment variables: the embedded server by default. Call {@link NotificationRecorder#reset()}
 * between tests that share a session.
 */
public final class PgNotificationsSession implements AutoCloseable {

    private final Session session;
    private final ServerContext server;
    private final Contracts contracts;

    private PgNotificationsSession(Session session, ServerContext server, Contracts contracts) {
        this.session = session;
        this.server = server;
        this.contracts = contracts;
    }

    /**
     * Starts describing a session.
     *
     * @return a builder with nothing to install or listen to yet
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The recorder, listening on every channel.
     *
     * @return the recorder
     */
    public NotificationRecorder recorder() {
        return session.recorder();
    }

    /**
     * A plain, unpooled DataSource for the session's database.
     *
     * @return the DataSource
     */
    public DataSource dataSource() {
        return session.dataSource();
    }

    /**
     * How to reach the session's database, for a framework under test.
     *
     * @return the JDBC URL and credentials
     */
    public ConnectionInfo connectionInfo() {
        return session.connectionInfo();
    }

    /**
     * With {@link Builder#contracts(String)}: checks the payloads that arrived on the channels fed by the team's own
     * triggers since the last call against their committed contracts, as the JUnit extension does after each test.
     * Call it at the end of each test. Does nothing when contracts are off.
     *
     * @throws org.opentest4j.AssertionFailedError for a payload that does not fit its channel's contract, naming the
     *                                             channel, the JSON path, the value and the rule, payload attached
     */
    public void checkContracts() {
        session.checkContracts(false);
    }

    /**
     * Stops recording and drops the session's database (and stops a container started for the session). With
     * {@link Builder#contracts(String)}, then writes the contract files as the mode says.
     */
    @Override
    public void close() {
        try {
            session.close();
        } finally {
            try {
                if (contracts != null) {
                    contracts.close();
                }
            } finally {
                server.close();
            }
        }
    }

    /** Describes a session; each setter replaces what was set before. Not thread-safe. */
    public static final class Builder {

        private static final Function<String, Optional<String>> SYSTEM_PROPERTIES =
                key -> Optional.ofNullable(System.getProperty(key));

        private List<String> tables = List.of();
        private List<String> channels = List.of();
        private List<String> scripts = List.of();
        private List<String> sensitiveColumns = List.of();
        private List<String> flyway = List.of();
        private String liquibase = "";
        private Duration timeout = SessionSettings.DEFAULT_TIMEOUT;
        private ConnectionInfo server;
        private int maxRecorded = SessionSettings.DEFAULT_MAX_RECORDED;
        private String contracts = "";

        private Builder() {
        }

        /**
         * Tables to install change triggers on, as in {@link PgNotifications#tables()}.
         *
         * @param names exact catalog names, optionally {@code schema.table}
         * @return this builder
         */
        public Builder tables(String... names) {
            this.tables = List.of(names);
            return this;
        }

        /**
         * Further channels to listen on, as in {@link PgNotifications#channels()}.
         *
         * @param names exact channel names
         * @return this builder
         */
        public Builder channels(String... names) {
            this.channels = List.of(names);
            return this;
        }

        /**
         * Scripts to run before the triggers are installed, as in {@link PgNotifications#scripts()}.
         *
         * @param locations {@code classpath:} resources or file paths
         * @return this builder
         */
        public Builder scripts(String... locations) {
            this.scripts = List.of(locations);
            return this;
        }

        /**
         * Columns never sent in a payload, as in {@link PgNotifications#sensitiveColumns()}.
         *
         * @param columns column names
         * @return this builder
         */
        public Builder sensitiveColumns(String... columns) {
            this.sensitiveColumns = List.of(columns);
            return this;
        }

        /**
         * Flyway locations to migrate first, as in {@link PgNotifications#flyway()}.
         *
         * @param locations e.g. {@code classpath:db/migration}
         * @return this builder
         */
        public Builder flyway(String... locations) {
            this.flyway = List.of(locations);
            return this;
        }

        /**
         * A Liquibase changelog to update first, as in {@link PgNotifications#liquibase()}.
         *
         * @param changelog a changelog on the classpath
         * @return this builder
         */
        public Builder liquibase(String changelog) {
            this.liquibase = changelog;
            return this;
        }

        /**
         * The default timeout of the recorder's awaits.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            if (timeout == null || timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException(Messages.badTimeout("timeout", timeout));
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * How many notifications the recorder keeps before it drops the oldest, as the configuration parameter
         * {@value PgNotifications#MAX_RECORDED_PROPERTY_NAME} does for the extension.
         *
         * @param count 1 or more; 100,000 by default
         * @return this builder
         */
        public Builder maxRecorded(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("maxRecorded(" + count + "): keep at least 1 notification.");
            }
            this.maxRecorded = count;
            return this;
        }

        /**
         * Turns payload contracts on, as {@link PgNotifications#contracts()} does: the folder of the contract files.
         * The mode comes from the system properties {@value PgNotifications#CONTRACTS_PROPERTY_NAME} and
         * {@value PgNotifications#CONTRACTS_ADDITIVE_PROPERTY_NAME} and the {@code CI} environment variable; the files
         * are written when the session closes. Call {@link PgNotificationsSession#checkContracts()} after each test.
         *
         * @param folder relative to the working directory, e.g. {@code src/test/resources/pg-notifications}
         * @return this builder
         */
        public Builder contracts(String folder) {
            this.contracts = folder == null ? "" : folder;
            return this;
        }

        /**
         * Creates the session's database on this server instead of the configured one.
         *
         * @param server an existing server's URL and credentials, e.g. those of a Testcontainers container
         * @return this builder
         */
        public Builder server(ConnectionInfo server) {
            this.server = server;
            return this;
        }

        /**
         * Prepares the database and starts recording.
         *
         * @return the running session
         * @throws PgNotificationsException naming the bad value and what to do, when the setup fails
         */
        public PgNotificationsSession start() {
            try {
                SessionSettings settings = new SessionSettings(tables, channels, scripts, sensitiveColumns, true, flyway,
                        liquibase, timeout, NotificationListener.Health.DEFAULT, maxRecorded);
                Contracts run = ContractSettings.read(contracts, "@PgNotifications(contracts)", SYSTEM_PROPERTIES,
                        System::getenv).map(Contracts::open).orElse(null);
                ServerContext context = server();
                try {
                    return new PgNotificationsSession(Session.open(settings, context, run), context, run);
                } catch (RuntimeException e) {
                    context.close();
                    throw e;
                }
            } catch (SetupException e) {
                throw StackTraces.fromCaller(new PgNotificationsException(Messages.forSessionBuilder(e.getMessage()),
                        e.getCause()));
            }
        }

        private ServerContext server() {
            if (server != null) {
                return Servers.existing(server, false);
            }
            return Servers.obtain(ServerSettings.read(SYSTEM_PROPERTIES), false);
        }
    }
}
