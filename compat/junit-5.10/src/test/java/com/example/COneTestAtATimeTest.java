package com.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.pgnotifications.NotificationRecorder;
import io.github.pgnotifications.PgNotifications;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * JUnit 5.10 has no ResourceLock providers: the tests of one @PgNotifications class must still run one at a time
 * when JUnit runs methods in parallel (the library's own lock), while a class without it runs them side by side.
 */
class COneTestAtATimeTest {

    @Test
    void theTestsOfAnAnnotatedClassRunOneAtATimeWhileOthersRunSideBySide() {
        Events withLibrary = runInParallel(AnnotatedCase.class);
        Events control = runInParallel(PlainCase.class);

        withLibrary.assertStatistics(stats -> stats.succeeded(4).failed(0));
        control.assertStatistics(stats -> stats.succeeded(2).failed(0));
        assertThat(PlainCase.MOST_AT_ONCE.get()).as("tests running at once in a plain class").isEqualTo(2);
        assertThat(AnnotatedCase.MOST_AT_ONCE.get()).as("tests running at once in a @PgNotifications class")
                .isEqualTo(1);
    }

    private static Events runInParallel(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(testClass))
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
                .execute().testEvents();
    }

    @PgNotifications(tables = "items", scripts = "classpath:items.sql")
    static class AnnotatedCase {
        static final AtomicInteger RUNNING = new AtomicInteger();
        static final AtomicInteger MOST_AT_ONCE = new AtomicInteger();

        @ParameterizedTest
        @ValueSource(strings = {"a", "b", "c", "d"})
        void writesAndSeesOnlyItsOwnRow(String name, NotificationRecorder recorder, DataSource db) throws SQLException {
            MOST_AT_ONCE.accumulateAndGet(RUNNING.incrementAndGet(), Math::max);
            try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO items (name) VALUES ('" + name + "')");
                recorder.channel("items").await(change -> name.equals(change.record().get("name")));
                recorder.channel("items").assertNothingElse();
            } finally {
                RUNNING.decrementAndGet();
            }
        }
    }

    static class PlainCase {
        static final AtomicInteger MOST_AT_ONCE = new AtomicInteger();
        private static final AtomicInteger RUNNING = new AtomicInteger();
        private static final CyclicBarrier BOTH = new CyclicBarrier(2);

        @ParameterizedTest
        @ValueSource(ints = {1, 2})
        void meetsTheOther(int id) throws Exception {
            MOST_AT_ONCE.accumulateAndGet(RUNNING.incrementAndGet(), Math::max);
            try {
                BOTH.await(30, TimeUnit.SECONDS);
            } finally {
                RUNNING.decrementAndGet();
            }
        }
    }
}
