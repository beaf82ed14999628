package io.github.pgnotifications.benchmark;

import io.github.pgnotifications.ChannelRecorder;
import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.NotificationRecorder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bursts the listener must catch up with: several writers committing at once while one thread awaits every id, or
 * every row committed while the awaiting thread is busy elsewhere. How far behind the waiting thread falls (rows
 * committed but not yet in its hands, and how long a row waited after its commit), and how fast it catches up once
 * the writers stop.
 */
final class Burst {

    /**
     * One contender's burst.
     *
     * @param name            the contender
     * @param maxBacklogRows  the most rows committed and not yet in the waiting thread's hands, seen after each await
     * @param lag             per row, its commit to the waiting thread having it
     * @param backlogAtEnd    rows not yet in hand when the last writer committed
     * @param catchUpNanos    from the last commit to the last row in hand
     * @param perSecond       rows per second reaching the waiting thread over the whole run
     * @param tally           what arrived
     */
    record Result(String name, int maxBacklogRows, Latencies lag, int backlogAtEnd, long catchUpNanos,
                  double perSecond, Tally tally) {

        /** Rows per second while catching up, once the writers stopped. */
        double catchUpPerSecond() {
            return catchUpNanos <= 0 ? Double.POSITIVE_INFINITY : backlogAtEnd / (catchUpNanos / 1e9);
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final ConnectionInfo database;
    private final String table;
    private final int writers;
    private final int rows;

    /** @param writers writers committing at once; 0 for one writer while the awaiting thread is busy */
    Burst(ConnectionInfo database, String table, int writers, int rows) {
        this.database = database;
        this.table = table;
        this.writers = writers;
        this.rows = rows;
    }

    String describe() {
        return writers == 0
                ? String.format("%,d rows committed by one writer while the awaiting thread is busy", rows)
                : String.format("%d writers committing %,d rows at once, one thread awaiting every id", writers, rows);
    }

    /** The library: {@code awaitInsert} per id, the writers' ids in turn. */
    Result library(NotificationRecorder recorder) throws Exception {
        truncate();
        recorder.reset();
        ChannelRecorder channel = recorder.channel(table).within(TIMEOUT);
        Run run = new Run();
        for (int id : awaitOrder()) {
            channel.awaitInsert(id);
            run.inHand(id);
        }
        run.finish();
        recorder.sync();
        Tally tally = new Tally(rows);
        recorder.channel(table).notifications().forEach(n -> tally.add(Payloads.idOf(n.payload())));
        recorder.reset();
        return run.result("pg-notifications awaitInsert", tally);
    }

    /** Plain pgjdbc: the waiting thread takes every payload from the listener's queue as it comes. */
    Result jdbc() throws Exception {
        truncate();
        Handoff handoff = new Handoff();
        try (JdbcListener listener = JdbcListener.start(database, table, handoff::offer)) {
            Run run = new Run();
            Tally tally = new Tally(rows);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!tally.complete()) {
                Received received;
                try {
                    received = handoff.next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
                } catch (TimeoutException e) {
                    throw new IllegalStateException("burst timed out; listener failure: " + listener.failure(), e);
                }
                int id = Payloads.idOf(received.payload());
                tally.add(id);
                run.inHand(id);
            }
            run.finish();
            return run.result("pgjdbc getNotifications(timeout) + queue", tally);
        }
    }

    /** Each writer's first id, then each writer's second, and so on: the order the rows commit in, roughly. */
    private int[] awaitOrder() {
        int lanes = Math.max(1, writers);
        int share = rows / lanes;
        int[] order = new int[rows];
        int next = 0;
        for (int i = 0; i < share; i++) {
            for (int lane = 0; lane < lanes; lane++) {
                order[next++] = lane * share + i;
            }
        }
        return order;
    }

    private void truncate() throws Exception {
        try (RowWriter writer = Connections.writer(database, table)) {
            writer.truncate();
        }
    }

    /** One run: the writers (started at once), and when each row committed and reached the waiting thread. */
    private final class Run {
        private final long[] committedAt = new long[rows];
        private final long[] inHandAt = new long[rows];
        private final AtomicInteger committed = new AtomicInteger();
        private final List<CompletableFuture<Void>> writing = new ArrayList<>();
        private final long started = System.nanoTime();
        private int inHand;
        private int maxBacklog;
        private long lastCommit;

        Run() throws Exception {
            int lanes = Math.max(1, writers);
            int share = rows / lanes;
            for (int lane = 0; lane < lanes; lane++) {
                int first = lane * share;
                writing.add(CompletableFuture.runAsync(() -> write(first, share)));
            }
            if (writers == 0) {
                // The awaiting thread is busy until the writer is done: everything is a backlog when it turns to it.
                awaitWriters();
            }
        }

        private void write(int first, int count) {
            try (RowWriter writer = Connections.writer(database, table)) {
                for (int from = first; from < first + count; from += Mode.ROWS_PER_TRANSACTION) {
                    int chunk = Math.min(Mode.ROWS_PER_TRANSACTION, first + count - from);
                    writer.insertRange(from, chunk);
                    long now = System.nanoTime();
                    Arrays.fill(committedAt, from, from + chunk, now);
                    committed.addAndGet(chunk);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        private void awaitWriters() throws Exception {
            CompletableFuture.allOf(writing.toArray(CompletableFuture[]::new))
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }

        void inHand(int id) {
            if (id >= 0 && id < rows && inHandAt[id] == 0) {
                inHandAt[id] = System.nanoTime();
                inHand++;
                maxBacklog = Math.max(maxBacklog, committed.get() - inHand);
            }
        }

        void finish() throws Exception {
            awaitWriters();
            lastCommit = Arrays.stream(committedAt).max().orElse(started);
        }

        Result result(String name, Tally tally) {
            long[] lags = new long[rows];
            int backlogAtEnd = 0;
            long lastInHand = started;
            for (int id = 0; id < rows; id++) {
                lags[id] = Math.max(0, inHandAt[id] - committedAt[id]);
                backlogAtEnd += inHandAt[id] > lastCommit ? 1 : 0;
                lastInHand = Math.max(lastInHand, inHandAt[id]);
            }
            int backlog = writers == 0 ? rows : maxBacklog;
            return new Result(name, backlog, Latencies.of(lags), backlogAtEnd, lastInHand - lastCommit,
                    rows / ((lastInHand - started) / 1e9), tally);
        }
    }
}
