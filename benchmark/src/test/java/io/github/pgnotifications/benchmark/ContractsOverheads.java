package io.github.pgnotifications.benchmark;

import io.github.pgnotifications.internal.contracts.ContractJson;
import io.github.pgnotifications.internal.contracts.ContractSettings;
import io.github.pgnotifications.internal.contracts.Contracts;
import io.github.pgnotifications.internal.contracts.ObservedShapes;
import io.github.pgnotifications.internal.core.Session;
import io.github.pgnotifications.internal.core.SessionSettings;
import io.github.pgnotifications.internal.provision.ServerContext;
import io.github.pgnotifications.internal.provision.ServerSettings;
import io.github.pgnotifications.internal.provision.Servers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What payload contracts add to a test, next to contracts off: {@code mvn -Pbenchmark test-compile exec:java
 * -Dbenchmark.main=io.github.pgnotifications.benchmark.ContractsOverheads} (add {@code -Dbenchmark.short=true} for a
 * quick pass). One class with a library-triggered table and a channel of the team's own: per test, the extension's
 * two resets and its after-test check, with one payload on the team's channel in each test (sent before the clock
 * starts); and preparing a class, where the catalog contracts are derived and compared.
 */
public final class ContractsOverheads {

    private static final String FEED = "feed";
    private static final String PAYLOAD = "{\"id\": 1, \"name\": \"benchmark\", \"total\": 9.5, \"tags\": [\"a\"]}";
    private static final SessionSettings SETTINGS = new SessionSettings(List.of("items"), List.of(FEED),
            List.of("classpath:items.sql"), List.of(), SessionSettings.DEFAULT_TIMEOUT);

    private ContractsOverheads() {
    }

    public static void main(String[] args) throws Exception {
        Mode mode = Mode.fromSystemProperties();
        Report report = new Report(System.out);
        ServerContext server = Servers.obtain(ServerSettings.read(key -> Optional.empty()), true);
        Path folder = Files.createTempDirectory("pgnotifications-contracts-benchmark");
        commitFeedContract(folder);
        Contracts contracts = Contracts.open(new ContractSettings(folder, ContractSettings.Mode.WRITE_MISSING, false,
                "benchmark-" + ProcessHandle.current().pid(), false));
        report.section("Preparing one test class, contracts off / on (catalog contract derived and compared)");
        report.latency("prepare one test class, contracts off", prepare(server, null, mode.classes()));
        report.latency("prepare one test class, contracts on", prepare(server, contracts, mode.classes()));
        report.section("Per test: reset() twice, then the after-test check; one payload on the team's channel");
        try (Session off = Session.open(SETTINGS, server); Session on = Session.open(SETTINGS, server, contracts)) {
            int rounds = mode.latencyRounds();
            long[] offNanos = new long[rounds];
            long[] onNanos = new long[rounds];
            for (int i = 0; i < rounds; i++) {
                offNanos[i] = aroundOneTest(off);
                onNanos[i] = aroundOneTest(on);
            }
            Latencies withoutContracts = Latencies.of(offNanos);
            Latencies withContracts = Latencies.of(onNanos);
            report.latency("per-test overhead, contracts off", withoutContracts);
            report.latency("per-test overhead, contracts on (sync, validate, merge)", withContracts);
            report.precise("contracts on adds (p50)", Report.millis(withContracts.p50() - withoutContracts.p50()),
                    "ms");
        }
        contracts.close();
        System.out.printf(Locale.ROOT, "load average: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
        server.close();
    }

    private static Latencies prepare(ServerContext server, Contracts contracts, int classes) {
        long[] opens = new long[classes];
        for (int i = 0; i < classes; i++) {
            long started = System.nanoTime();
            Session session = Session.open(SETTINGS, server, contracts);
            opens[i] = System.nanoTime() - started;
            session.close();
        }
        return Latencies.of(opens);
    }

    /** One test as the extension runs it: a payload arrives during the test; the clock runs for what surrounds it. */
    private static long aroundOneTest(Session session) throws SQLException {
        notifyFeed(session);
        long started = System.nanoTime();
        session.recorder().reset();
        session.recorder().reset();
        session.checkContracts(false);
        return System.nanoTime() - started;
    }

    private static void notifyFeed(Session session) throws SQLException {
        try (Connection connection = session.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_notify('" + FEED + "', '" + PAYLOAD + "')");
        }
    }

    private static void commitFeedContract(Path folder) throws Exception {
        ObservedShapes shapes = new ObservedShapes();
        shapes.observe(FEED, PAYLOAD);
        String contract = ContractJson.write(shapes.contractOf(FEED).orElseThrow());
        Files.writeString(folder.resolve(FEED + ".schema.json"), contract, StandardCharsets.UTF_8);
    }
}
