package io.github.pgnotifications.benchmark;

import io.github.pgnotifications.benchmark.suite.ClassTimes;
import io.github.pgnotifications.benchmark.suite.Migrations150;
import io.github.pgnotifications.benchmark.suite.PlainClasses;
import io.github.pgnotifications.benchmark.suite.SpringClasses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What a suite of many classes pays, as a build tool reports each class's time: classes that migrate 150 Flyway
 * migrations against classes that run one small script (the first of each builds the run's template, the later ones
 * get copies of it), and six Spring Boot classes written with no code (one cached context) against the same six
 * hand-wired with {@code @DynamicPropertySource} and {@code @DirtiesContext} (a context per class).
 */
final class SuiteScale {

    /**
     * @param script    one-script classes
     * @param migrated  150-migration classes
     * @param noCode    the Spring classes with no code
     * @param handWired the Spring classes hand-wired
     * @param noCodeContexts    contexts the no-code classes built
     * @param handWiredContexts contexts the hand-wired classes built
     */
    record Result(ClassTimes script, ClassTimes migrated, ClassTimes noCode, ClassTimes handWired,
                  int noCodeContexts, int handWiredContexts) {
    }

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
        return new Result(script, migrated, noCode, handWired, afterNoCode - before, afterHandWired - afterNoCode);
    }

    static double millis(Duration duration) {
        return duration.toNanos() / 1_000_000.0;
    }
}
