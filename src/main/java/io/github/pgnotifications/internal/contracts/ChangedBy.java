package io.github.pgnotifications.internal.contracts;

import io.github.pgnotifications.internal.schema.Script;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Names the script or migration behind a contract difference, where the library can tell: the latest of the scripts
 * it ran, then of the Flyway migrations recorded in the database's {@code flyway_schema_history} (read from the
 * classpath locations the class gave, or Flyway's default {@code db/migration}), whose text mentions the channel's
 * table and one of the changed columns: the last one to touch them is the likeliest cause. Nothing when no text
 * mentions them (a Liquibase changelog, Hibernate's DDL, a migration outside the classpath): then the message names
 * no cause rather than a wrong one.
 */
public final class ChangedBy {

    /** Never names anything: for a database the library did not build. */
    public static final ChangedBy NOTHING = new ChangedBy(List.of(), List.of(), Map.of());

    private static final String DEFAULT_FLYWAY_LOCATION = "db/migration";

    private final List<Script> scripts;
    private final List<String> flywayLocations;
    private final Map<String, String> tableOfChannel;

    /**
     * @param scripts         the scripts the library ran, in order
     * @param flywayLocations the Flyway locations the class gave
     * @param tableOfChannel  each catalog channel's table name, unqualified
     */
    public ChangedBy(List<Script> scripts, List<String> flywayLocations, Map<String, String> tableOfChannel) {
        this.scripts = List.copyOf(scripts);
        this.flywayLocations = List.copyOf(flywayLocations);
        this.tableOfChannel = Map.copyOf(tableOfChannel);
    }

    Optional<String> find(Supplier<Connection> connection, String channel, List<ContractChange> changes) {
        String table = tableOfChannel.get(channel);
        if (table == null) {
            return Optional.empty();
        }
        Set<String> columns = columns(changes);
        for (int i = scripts.size() - 1; i >= 0; i--) {
            if (mentions(scripts.get(i).sql(), table, columns)) {
                return Optional.of("script " + scripts.get(i).location());
            }
        }
        for (String migration : flywayHistory(connection.get())) {
            Optional<String> text = flywayText(migration);
            if (text.isPresent() && mentions(text.get(), table, columns)) {
                return Optional.of("Flyway migration " + migration);
            }
        }
        return Optional.empty();
    }

    /** The last segment of each change's path: a column of {@code record} or {@code old}, or an envelope field. */
    private static Set<String> columns(List<ContractChange> changes) {
        Set<String> columns = new LinkedHashSet<>();
        for (ContractChange change : changes) {
            List<Object> tokens = Paths.tokens(change.path());
            String last = tokens.isEmpty() ? "" : String.valueOf(tokens.get(tokens.size() - 1));
            if (!last.isEmpty()) {
                columns.add(last);
            }
        }
        return columns;
    }

    private static boolean mentions(String sql, String table, Set<String> columns) {
        String text = sql.toLowerCase(Locale.ROOT);
        return text.contains(table.toLowerCase(Locale.ROOT))
                && (columns.isEmpty() || columns.stream().anyMatch(c -> text.contains(c.toLowerCase(Locale.ROOT))));
    }

    /** The applied migrations' scripts, newest first; none when the database has no Flyway history. */
    private static List<String> flywayHistory(Connection connection) {
        List<String> scripts = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select script from flyway_schema_history where success"
                     + " order by installed_rank desc")) {
            while (rows.next()) {
                scripts.add(rows.getString(1));
            }
        } catch (SQLException e) {
            // No Flyway history in this database (42P01): nothing to name.
            return List.of();
        }
        return scripts;
    }

    private Optional<String> flywayText(String script) {
        List<String> locations = new ArrayList<>(flywayLocations);
        if (locations.isEmpty()) {
            locations.add(DEFAULT_FLYWAY_LOCATION);
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader() : ChangedBy.class.getClassLoader();
        for (String location : locations) {
            String folder = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
            try (InputStream in = loader.getResourceAsStream(trimSlashes(folder) + "/" + script)) {
                if (in != null) {
                    return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // Unreadable: try the next location.
            }
        }
        return Optional.empty();
    }

    private static String trimSlashes(String folder) {
        String trimmed = folder;
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
