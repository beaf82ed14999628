package io.github.pgnotifications.internal.provision;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What every copy of the library in one JVM shares, whatever class loader loaded it (a framework such as Quarkus
 * loads test libraries again in class loaders of its own): the embedded server's coordinates and the runs that use
 * servers from this JVM. Kept as system properties holding strings only: a non-string value breaks libraries that
 * read every system property as a string (HikariCP's pool counter did that to Typesafe Config, Ivy and OpenTelemetry),
 * and Quarkus reads them all into its configuration. Each property is guarded by a lock that every copy shares: a
 * string literal, one object per JVM whichever class holds it. A value names the JVM it was written in, so that a
 * child JVM given our properties does not take them for its own. Thread-safe.
 */
final class JvmWide {

    static final String EMBEDDED_SERVER = "io.github.pgnotifications.embedded-server";
    static final String RUNS = "io.github.pgnotifications.runs";
    static final String CONFIGURED_DATABASES = "io.github.pgnotifications.configured-databases";

    private static final Object EMBEDDED_SERVER_LOCK = "io.github.pgnotifications.embedded-server (lock)";
    private static final Object RUNS_LOCK = "io.github.pgnotifications.runs (lock)";
    private static final Object CONFIGURED_DATABASES_LOCK = "io.github.pgnotifications.configured-databases (lock)";
    private static final String PID = String.valueOf(ProcessHandle.current().pid());

    private JvmWide() {
    }

    /**
     * The embedded server some copy of the library started in this JVM, else the one {@code start} starts and
     * publishes. Other copies wait while one starts it.
     */
    static <T> T embeddedServer(Function<Map<String, String>, T> startedElsewhere, Start<T> start) {
        synchronized (EMBEDDED_SERVER_LOCK) {
            Map<String, String> published = read(EMBEDDED_SERVER);
            if (PID.equals(published.get("pid"))) {
                return startedElsewhere.apply(published);
            }
            Started<T> started = start.start();
            write(EMBEDDED_SERVER, started.coordinates());
            return started.server();
        }
    }

    /** Starts a server and says how other copies reach it. */
    @FunctionalInterface
    interface Start<T> {
        Started<T> start();
    }

    record Started<T>(T server, Map<String, String> coordinates) {
    }

    /** The embedded server's coordinates if a copy of the library in this JVM started one. */
    static Map<String, String> embeddedServer() {
        synchronized (EMBEDDED_SERVER_LOCK) {
            Map<String, String> published = read(EMBEDDED_SERVER);
            return PID.equals(published.get("pid")) ? published : Map.of();
        }
    }

    static void runStarted(String run) {
        updateList(RUNS, RUNS_LOCK, runs -> runs.add(run));
    }

    /**
     * Notes a server's configured database ({@code host:port/database}, URL-encoded) that a run of this JVM uses: an
     * application configured by hand with the same URL writes there.
     */
    static void configuredDatabaseUsed(String database) {
        updateList(CONFIGURED_DATABASES, CONFIGURED_DATABASES_LOCK, known -> known.add(database));
    }

    /** The configured databases runs of this JVM used, as {@link #configuredDatabaseUsed} noted them. */
    static Set<String> configuredDatabases() {
        synchronized (CONFIGURED_DATABASES_LOCK) {
            return listOfThisJvm(CONFIGURED_DATABASES);
        }
    }

    static void runEnded(String run) {
        updateList(RUNS, RUNS_LOCK, runs -> runs.remove(run));
    }

    /** The runs of every copy of the library in this JVM that have not ended. */
    static Set<String> runs() {
        synchronized (RUNS_LOCK) {
            return listOfThisJvm(RUNS);
        }
    }

    /** Changes a {@code pid:a,b,c} list under its lock; an emptied list is removed. */
    private static void updateList(String property, Object lock, Function<Set<String>, Boolean> change) {
        synchronized (lock) {
            Set<String> values = listOfThisJvm(property);
            if (change.apply(values)) {
                setProperty(property, values.isEmpty() ? null : PID + ":" + String.join(",", values));
            }
        }
    }

    /** {@code pid:a,b,c}: our values hold no comma. */
    private static Set<String> listOfThisJvm(String property) {
        String value = getProperty(property);
        if (value == null || !value.startsWith(PID + ":")) {
            return new LinkedHashSet<>();
        }
        return Arrays.stream(value.substring(PID.length() + 1).split(",")).filter(run -> !run.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** {@code key=value;key=value}: our values hold neither separator. */
    private static Map<String, String> read(String property) {
        String value = getProperty(property);
        if (value == null) {
            return Map.of();
        }
        return Arrays.stream(value.split(";")).map(pair -> pair.split("=", 2)).filter(pair -> pair.length == 2)
                .collect(Collectors.toUnmodifiableMap(pair -> pair[0], pair -> pair[1], (a, b) -> b));
    }

    private static void write(String property, Map<String, String> values) {
        String value = values.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(";"));
        setProperty(property, "pid=" + PID + ";" + value);
    }

    private static String getProperty(String key) {
        try {
            return System.getProperty(key);
        } catch (SecurityException e) {
            return null;
        }
    }

    private static void setProperty(String key, String value) {
        try {
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        } catch (SecurityException e) {
            // Without access to system properties, each copy of the library keeps to itself, as before.
        }
    }
}
