package io.github.pgnotifications.benchmark;

import io.github.pgnotifications.benchmark.suite.ClassTimes;
import io.github.pgnotifications.benchmark.suite.CopyAndDrop;
import io.github.pgnotifications.benchmark.suite.Migrations150;
import io.github.pgnotifications.benchmark.suite.PlainClasses;
import io.github.pgnotifications.benchmark.suite.SpringClasses;
import io.github.pgnotifications.internal.provision.PostgresServer;
import io.github.pgnotifications.internal.provision.ServerContext;
import io.github.pgnotifications.internal.provision.ServerSettings;
import io.github.pgnotifications.internal.provision.Servers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a suite of many classes pays, as a build tool reports each class's time: classes that migrate 150 Flyway
 * migrations against classes that run one small script (the first of each builds the run's template, the later ones
 * get copies of it), and six Spring Boot classes written with no code (one cached context) against the same six
 * hand-wired with {@code @DynamicPropertySource} and {@code @DirtiesContext} (a context per class); and, for what
 * is left between the two kinds of plain class, the server's own copy and drop of each template, timed alone.
 */
final class SuiteScale {

    /**
     * @param script    one-script classes
     * @param migrated  150-migration classes
     * @param noCode    the Spring classes with no code
     * @param handWired the Spring classes hand-wired
     * @param noCodeContexts    contexts the no-code classes built
     * @param handWiredContexts contexts the hand-wired classes built
     * @param scriptCopy        the server's copy and drop of the one-script template
     * @param migratedCopy      the server's copy and drop of the 150-migration template
     */
    record Result(ClassTimes script, ClassTimes migrated, ClassTimes noCode, ClassTimes handWired,
                  int noCodeContexts, int handWiredContexts, CopyAndDrop scriptCopy, CopyAndDrop migratedCopy) {
    }

    /** Rounds of the server's copy and drop of each template. */
    private static final int COPY_ROUNDS = 20;
    /** The benchmark's one small script ({@code items.sql}), as the one-script classes run it. */
    private static final String ITEMS = "CREATE TABLE items (id int PRIMARY KEY, name text)";

    private SuiteScale() {
    }

    static Result measure() throws Exception {
        Path folder = Files.createTempDirectory("pgnotifications-benchmark");
        String migrations = Migrations150.write(folder);
        ClassTimes script = ClassTimes.run(PlainClasses.scriptClasses(), Map.of());
        ClassTimes migrated = ClassTimes.run(PlainClasses.migratedClasses(),
                Map.of("pgnotifications.flyway", migrations));
        int before = SpringClasses.CONTEXTS_BUILT.get();
        ClassTimes noCode = ClassTimes.run(SpringClasses.noCodeClasses(), Map.of());
        int afterNoCode = SpringClasses.CONTEXTS_BUILT.get();
        ClassTimes handWired = ClassTimes.run(SpringClasses.handWiredClasses(), Map.of());
        int afterHandWired = SpringClasses.CONTEXTS_BUILT.get();
        try (ServerContext server = Servers.obtain(ServerSettings.read(key -> Optional.empty()), false)) {
            return new Result(script, migrated, noCode, handWired, afterNoCode - before, afterHandWired - afterNoCode,
                    scriptCopy(server.server()), migratedCopy(server.server(), migrations));
        }
    }

    static CopyAndDrop scriptCopy(PostgresServer server) throws Exception {
        return CopyAndDrop.measure(server, List.of(), ITEMS, COPY_ROUNDS, null);
    }

    static CopyAndDrop migratedCopy(PostgresServer server, String migrations) throws Exception {
        return CopyAndDrop.measure(server, List.of(migrations), "SELECT 1", COPY_ROUNDS, null);
    }

    /** The same with PostgreSQL's default copy (WAL_LOG, 15+), for comparison with the library's file copy. */
    static CopyAndDrop migratedCopyWalLog(PostgresServer server, String migrations) throws Exception {
        return CopyAndDrop.measure(server, List.of(migrations), "SELECT 1", COPY_ROUNDS, " STRATEGY WAL_LOG");
    }

    /** The plain classes' figures, the ratio of the later classes and its target. */
    static void reportPlain(Report report, ClassTimes script, ClassTimes migrated) {
        Latencies scripts = Latencies.of(script.laterNanos());
        Latencies migrateds = Latencies.of(migrated.laterNanos());
        report.value("one small script: the first class", millis(script.first()), "ms");
        report.latency("one small script: each later class", scripts);
        report.value(format("%d migrations: the first class (builds the template)", Migrations150.COUNT),
                millis(migrated.first()), "ms");
        report.latency(format("%d migrations: each later class (a copy)", Migrations150.COUNT), migrateds);
        double ratio = migrateds.p50() / (double) scripts.p50();
        report.ratio("later classes: migrations / one script (p50)", ratio);
        report.target("later one-table class <= 100 ms (p50)", format("p50 %.1f ms", Report.millis(scripts.p50())),
                scripts.p50() <= 100_000_000L);
        report.target("later 150-migration class <= 1.5x a one-script class", format("%.2f x", ratio), ratio <= 1.5);
    }

    /** The server's own copy and drop of each template, and what they leave between the two kinds of class. */
    static void reportCopyAndDrop(Report report, CopyAndDrop script, CopyAndDrop migrated) {
        report.latency("server alone: copy the one-script template", Latencies.of(script.copyNanos()));
        report.latency("server alone: drop its copy", Latencies.of(script.dropNanos()));
        report.latency(format("server alone: copy the %d-migration template", Migrations150.COUNT),
                Latencies.of(migrated.copyNanos()));
        report.latency("server alone: drop its copy", Latencies.of(migrated.dropNanos()));
    }

    private static String format(String format, Object... arguments) {
        return String.format(Locale.ROOT, format, arguments);
    }

    static double millis(Duration duration) {
        return duration.toNanos() / 1_000_000.0;
    }
}
