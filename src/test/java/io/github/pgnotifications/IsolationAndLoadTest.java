package io.github.pgnotifications;

import static io.github.pgnotifications.support.Sql.exec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.pgnotifications.support.Engine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Classes run in parallel without seeing each other's notifications; concurrent writers lose nothing. */
@Timeout(300)
class IsolationAndLoadTest {

    @Test
    void eightClassesRunInParallelWritingTheSameTableNamesAndEachSeesOnlyItsOwnNotifications() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(IntStream.range(0, 8).mapToObj(i -> selectClass(PARALLEL_CASES.get(i))).toList()
                        .toArray(new org.junit.platform.engine.DiscoverySelector[0]))
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "8")
                .enableImplicitConfigurationParameters(true)
                .execute();

        Engine.assertPassed(results, 8);
    }

    private static final List<Class<?>> PARALLEL_CASES = List.of(Parallel0.class, Parallel1.class, Parallel2.class,
            Parallel3.class, Parallel4.class, Parallel5.class, Parallel6.class, Parallel7.class);

    /** Writes 200 rows under its own name, then proves that exactly those, and nothing else, arrived. */
    @PgNotifications(tables = "events", scripts = "classpath:parallel.sql")
    abstract static class ParallelCase {
        @Test
        void seesOnlyItsOwnRows(NotificationRecorder recorder, DataSource db) {
            String owner = getClass().getSimpleName();
            for (int i = 0; i < 200; i++) {
                exec(db, "INSERT INTO events VALUES (" + i + ", '" + owner + "')");
            }
            recorder.sync();

            List<ChangeEvent> changes = recorder.channel("events").changes();
            assertThat(changes).hasSize(200);
            assertThat(changes).extracting(change -> change.record().get("owner")).containsOnly(owner);
        }
    }

    static class Parallel0 extends ParallelCase {
    }

    static class Parallel1 extends ParallelCase {
    }

    static class Parallel2 extends ParallelCase {
    }

    static class Parallel3 extends ParallelCase {
    }

    static class Parallel4 extends ParallelCase {
    }

    static class Parallel5 extends ParallelCase {
    }

    static class Parallel6 extends ParallelCase {
    }

    static class Parallel7 extends ParallelCase {
    }

    @Test
    void theTestsOfOneClassRunOneAtATimeUnderParallelExecution() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(ConcurrentMethodsCase.class))
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
                .enableImplicitConfigurationParameters(true)
                .execute();

        Engine.assertPassed(results, 4);
        assertThat(ConcurrentMethodsCase.MOST_AT_ONCE.get()).isEqualTo(1);
    }

    @PgNotifications(tables = "events", scripts = "classpath:parallel.sql")
    static class ConcurrentMethodsCase {
        static final AtomicInteger RUNNING = new AtomicInteger();
        static final AtomicInteger MOST_AT_ONCE = new AtomicInteger();

        @ParameterizedTest
        @ValueSource(ints = {1, 2, 3, 4})
        void writesAndSeesOnlyItsOwnRow(int id, NotificationRecorder recorder, DataSource db) {
            MOST_AT_ONCE.accumulateAndGet(RUNNING.incrementAndGet(), Math::max);
            try {
                exec(db, "INSERT INTO events VALUES (" + id + ", 'method')");
                recorder.channel("events").awaitInsert(id);
                recorder.channel("events").assertNothingElse();
            } finally {
                RUNNING.decrementAndGet();
            }
        }
    }

    @Test
    void fourConcurrentWritersOfTenThousandRowsEachAreRecordedExactlyOnceInCommitOrder() {
        Engine.assertPassed(Engine.run(LoadCase.class), 1);
    }

    @PgNotifications(tables = "events", scripts = "classpath:parallel.sql", timeout = "60s")
    static class LoadCase {
        private static final int WRITERS = 4;
        private static final int ROWS = 10_000;

        @Test
        void test(NotificationRecorder recorder, DataSource db) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            try {
                List<CompletableFuture<Void>> writers = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    int writer = w;
                    writers.add(CompletableFuture.runAsync(() -> write(db, writer), pool));
                }
                CompletableFuture.allOf(writers.toArray(new CompletableFuture<?>[0])).get();
            } finally {
                pool.shutdownNow();
            }
            recorder.sync();

            List<ChangeEvent> changes = recorder.channel("events").changes();
            assertThat(changes).hasSize(WRITERS * ROWS);
            assertThat(changes).extracting(change -> change.record().get("id")).doesNotHaveDuplicates();
            Map<Object, Integer> lastIdByWriter = new HashMap<>();
            for (ChangeEvent change : changes) {
                int id = (Integer) change.record().get("id");
                Integer previous = lastIdByWriter.put(change.record().get("owner"), id);
                assertThat(previous == null || previous < id).as("commit order of writer %s: %s then %s",
                        change.record().get("owner"), previous, id).isTrue();
            }
        }

        /** Commits 100 rows per transaction; ids rise within a writer, so commit order is checkable. */
        private static void write(DataSource db, int writer) {
            try (Connection connection = db.getConnection();
                 PreparedStatement insert = connection.prepareStatement("INSERT INTO events VALUES (?, ?)")) {
                connection.setAutoCommit(false);
                for (int i = 0; i < ROWS; i++) {
                    insert.setInt(1, writer * ROWS + i);
                    insert.setString(2, "writer-" + writer);
                    insert.addBatch();
                    if (i % 100 == 99) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
