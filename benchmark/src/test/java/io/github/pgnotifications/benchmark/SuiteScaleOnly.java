package io.github.pgnotifications.benchmark;

import io.github.pgnotifications.benchmark.suite.ClassTimes;
import io.github.pgnotifications.benchmark.suite.CopyAndDrop;
import io.github.pgnotifications.benchmark.suite.Migrations150;
import io.github.pgnotifications.benchmark.suite.PlainClasses;
import io.github.pgnotifications.internal.provision.ServerContext;
import io.github.pgnotifications.internal.provision.ServerSettings;
import io.github.pgnotifications.internal.provision.Servers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The suite-scale figures of plain classes alone, {@code benchmark.rounds} times (default 3), with the server's own
 * copy and drop of each template: {@code mvn -Pbenchmark test-compile exec:java
 * -Dexec.mainClass=io.github.pgnotifications.benchmark.SuiteScaleOnly}. The figures move with a shared machine's load,
 * so rounds show the range.
 */
public final class SuiteScaleOnly {

    private SuiteScaleOnly() {
    }

    public static void main(String[] args) throws Exception {
        Report report = new Report(System.out);
        ServerContext server = Servers.obtain(ServerSettings.read(key -> Optional.empty()), true);
        String migrations = Migrations150.write(Files.createTempDirectory("pgnotifications-benchmark"));
        for (int round = Integer.getInteger("benchmark.rounds", 3); round > 0; round--) {
            report.section("Plain classes (round left: " + round + ")");
            ClassTimes script = ClassTimes.run(PlainClasses.scriptClasses(), Map.of());
            ClassTimes migrated = ClassTimes.run(PlainClasses.migratedClasses(),
                    Map.of("pgnotifications.flyway", migrations));
            if (script.testsFailed() + migrated.testsFailed() > 0) {
                report.note("SOME TEST CLASSES FAILED: the figures below are void");
            }
            SuiteScale.reportPlain(report, script, migrated);
        }
        report.section("The server's own copy and drop of each template");
        SuiteScale.reportCopyAndDrop(report, SuiteScale.scriptCopy(server.server()),
                SuiteScale.migratedCopy(server.server(), migrations));
        CopyAndDrop walLog = SuiteScale.migratedCopyWalLog(server.server(), migrations);
        report.latency("server alone: copy the 150-migration template, WAL_LOG", Latencies.of(walLog.copyNanos()));
        System.out.printf(Locale.ROOT, "load average: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
        report.printTargets();
        server.close();
    }
}
