package io.github.pgnotifications.internal.provision;

import io.github.pgnotifications.internal.Identifiers;
import io.github.pgnotifications.internal.Log;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.ArrayList;

/**
 * Drops what runs that were killed left on a server: databases named by this library that nobody is connected to
 * and whose run is gone (its anchor session has ended). Templates and prepared spares of a live run have nobody
 * connected either, so the anchor is what protects them. Databases of earlier versions of the library, which have no
 * anchor, go when they are older than {@link #EARLIER_VERSIONS_AFTER}.
 */
final class AbandonedDatabases {

    private static final Log LOG = Log.of(AbandonedDatabases.class);
    /** A run opens its anchor before it creates anything; this covers clocks a little apart. */
    private static final Duration GRACE = Duration.ofMinutes(1);
    private static final Duration EARLIER_VERSIONS_AFTER = Duration.ofMinutes(10);
    private static final String UNCONNECTED = "SELECT datname FROM pg_database d WHERE datname LIKE ?"
            + " AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = d.datname)";
    private static final String LIVE_RUNS = "SELECT substr(application_name, ?) FROM pg_stat_activity"
            + " WHERE application_name LIKE ?";

    private AbandonedDatabases() {
    }

    static void drop(Connection admin) throws SQLException {
        Set<String> live = liveRuns(admin);
        long now = Instant.now().getEpochSecond();
        for (String name : unconnected(admin)) {
            DatabaseNames.origin(name).filter(origin -> abandoned(origin, live, now)).ifPresent(origin -> drop(admin,
                    name));
        }
    }

    private static boolean abandoned(DatabaseNames.Origin origin, Set<String> liveRuns, long now) {
        if (origin.run() == null) {
            return origin.createdAt() < now - EARLIER_VERSIONS_AFTER.toSeconds();
        }
        return !liveRuns.contains(origin.run()) && origin.createdAt() < now - GRACE.toSeconds();
    }

    private static Set<String> liveRuns(Connection admin) throws SQLException {
        Set<String> runs = new HashSet<>();
        try (PreparedStatement query = admin.prepareStatement(LIVE_RUNS)) {
            query.setInt(1, RunAnchor.APPLICATION_NAME_PREFIX.length() + 1);
            query.setString(2, RunAnchor.APPLICATION_NAME_PREFIX.replace("_", "\\_") + "%");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    runs.add(rows.getString(1));
                }
            }
        }
        return runs;
    }

    private static List<String> unconnected(Connection admin) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement query = admin.prepareStatement(UNCONNECTED)) {
            query.setString(1, DatabaseNames.PREFIX.replace("_", "\\_") + "%");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        return names;
    }

    private static void drop(Connection admin, String name) {
        try (Statement drop = admin.createStatement()) {
            drop.execute("DROP DATABASE IF EXISTS " + Identifiers.quote(name));
            LOG.info("Dropped {}, left behind by a test run that was killed", name);
        } catch (SQLException e) {
            LOG.debug("Could not drop abandoned database {}: {}", name, e.getMessage());
        }
    }
}
