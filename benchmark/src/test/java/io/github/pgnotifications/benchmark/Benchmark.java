package io.github.pgnotifications.benchmark;

import io.github.pgnotifications.ChannelRecorder;
import io.github.pgnotifications.internal.core.Session;
import io.github.pgnotifications.internal.core.SessionSettings;
import io.github.pgnotifications.internal.provision.PostgresServer;
import io.github.pgnotifications.internal.provision.ServerSettings;
import io.github.pgnotifications.internal.provision.Servers;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Measures what a test suite pays for: embedded cold start, preparing one test class, the wake-up latency from a
 * commit to the waiting {@code awaitInsert}, {@code sync()} and the per-test reset. Prints one line per figure.
 * Run: {@code mvn -Pbenchmark test-compile exec:java}; add {@code -Dbenchmark.short=true} for a quick pass.
 */
public final class Benchmark {

    private static final PrintStream OUT = System.out;

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = Boolean.getBoolean("benchmark.short");
        int rounds = quick ? 200 : 5_000;
        OUT.println("pg-notifications benchmark (" + (quick ? "short" : "full") + " mode), java "
                + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors() + " cores");

        long start = System.nanoTime();
        PostgresServer server = Servers.obtain(ServerSettings.read(key -> Optional.empty()));
        line("embedded cold start", millis(System.nanoTime() - start), "ms");

        SessionSettings settings = new SessionSettings(List.of("items"), List.of(), List.of("classpath:items.sql"),
                Duration.ofSeconds(5));
        prepareClass(server, settings, quick ? 5 : 30);
        try (Session session = Session.open(settings, server)) {
            awaitInsertLatency(session, rounds);
            syncLatency(session, rounds);
            resetLatency(session, rounds);
        }
    }

    private static void prepareClass(PostgresServer server, SessionSettings settings, int classes) {
        long[] samples = new long[classes];
        for (int i = 0; i < classes; i++) {
            long started = System.nanoTime();
            Session session = Session.open(settings, server);
            samples[i] = System.nanoTime() - started;
            session.close();
        }
        report("prepare one test class (database, script, trigger, listener)", samples);
    }

    private static void awaitInsertLatency(Session session, int rounds) throws Exception {
        ChannelRecorder items = session.recorder().channel("items");
        long[] samples = new long[rounds];
        try (Connection connection = session.dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO items VALUES (?, 'x')")) {
            for (int i = 0; i < rounds; i++) {
                insert.setInt(1, i);
                insert.executeUpdate();
                long committed = System.nanoTime();
                items.awaitInsert(i);
                samples[i] = System.nanoTime() - committed;
            }
        }
        report("commit -> awaitInsert returns", samples);
    }

    private static void syncLatency(Session session, int rounds) {
        long[] samples = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long started = System.nanoTime();
            session.recorder().sync();
            samples[i] = System.nanoTime() - started;
        }
        report("sync()", samples);
    }

    private static void resetLatency(Session session, int rounds) {
        long[] samples = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long started = System.nanoTime();
            session.recorder().reset();
            samples[i] = System.nanoTime() - started;
        }
        report("per-test reset (sync + clear)", samples);
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        OUT.printf(Locale.ROOT, "%-62s p50 %8.3f ms   p99 %8.3f ms   max %8.3f ms   (n=%d)%n", what,
                millis(percentile(sorted, 0.50)), millis(percentile(sorted, 0.99)), millis(sorted[sorted.length - 1]),
                sorted.length);
    }

    private static long percentile(long[] sorted, double fraction) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(fraction * sorted.length) - 1)];
    }

    private static void line(String what, double value, String unit) {
        OUT.printf(Locale.ROOT, "%-62s %8.1f %s%n", what, value, unit);
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
