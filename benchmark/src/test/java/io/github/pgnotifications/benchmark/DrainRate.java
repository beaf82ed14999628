package io.github.pgnotifications.benchmark;

import io.github.pgnotifications.ChannelRecorder;
import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.NotificationRecorder;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Figure 2: a writer thread inserts rows in 1,000-row transactions while one thread awaits every id in order; the
 * rate is rows per second from the writer's start to the last id in hand. Then every id must have arrived exactly
 * once: the library's recording is read after {@code sync()}, the pgjdbc queue up to a marker sent after the last row.
 * The JVM's CPU time tells where the time goes.
 */
final class DrainRate {

    /**
     * One contender's drain.
     *
     * @param name               the contender
     * @param perSecond          notifications per second reaching the waiting thread
     * @param writtenPerSecond   rows per second committed by the writer meanwhile
     * @param jvmCpuSeconds      CPU the whole JVM spent: listener, waiting thread and the writer's driver
     * @param listenerCpuSeconds CPU the listener thread spent
     * @param waiterCpuSeconds   CPU the waiting thread spent
     * @param writerCpuSeconds   CPU the writer thread spent
     * @param gcCpuSeconds       CPU the garbage collector's threads spent (Linux only, else 0)
     * @param jitCpuSeconds      CPU the JIT compiler's threads spent (Linux only, else 0)
     * @param tally              what arrived
     */
    record Result(String name, double perSecond, double writtenPerSecond, double jvmCpuSeconds,
                  double listenerCpuSeconds, double waiterCpuSeconds, double writerCpuSeconds, double gcCpuSeconds,
                  double jitCpuSeconds, Tally tally) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String MARKER = "drained";

    private final ConnectionInfo database;
    private final String table;
    private final int rows;

    DrainRate(ConnectionInfo database, String table, int rows) {
        this.database = database;
        this.table = table;
        this.rows = rows;
    }

    /** The library, one {@code awaitInsert} per id. */
    Result library(NotificationRecorder recorder) throws Exception {
        prepare(recorder);
        ChannelRecorder channel = recorder.channel(table).within(TIMEOUT);
        CpuTime cpu = CpuTime.start();
        long started = System.nanoTime();
        WriterThread writer = WriterThread.start(database, table, rows);
        for (int id = 0; id < rows; id++) {
            channel.awaitInsert(id);
        }
        long drained = System.nanoTime();
        writer.join(TIMEOUT);
        return libraryResult("pg-notifications awaitInsert, every id", recorder, started, drained, writer, cpu);
    }

    /** The library recording only, with nobody awaiting: {@code sync()} once the writer is done. */
    Result libraryRecordingOnly(NotificationRecorder recorder) throws Exception {
        prepare(recorder);
        CpuTime cpu = CpuTime.start();
        long started = System.nanoTime();
        WriterThread writer = WriterThread.start(database, table, rows);
        writer.join(TIMEOUT);
        recorder.sync();
        return libraryResult("pg-notifications recording only, sync() at the end", recorder, started,
                System.nanoTime(), writer, cpu);
    }

    private void prepare(NotificationRecorder recorder) throws Exception {
        truncate();
        recorder.reset();
    }

    private Result libraryResult(String name, NotificationRecorder recorder, long started, long drained,
                                 WriterThread writer, CpuTime cpu) {
        CpuSpent spent = CpuSpent.since(cpu);
        recorder.sync();
        Tally tally = new Tally(rows);
        recorder.channel(table).notifications().forEach(notification ->
                tally.add(Payloads.idOf(notification.payload())));
        recorder.reset();
        return result(name, started, drained, writer, spent, tally);
    }

    /** The pgjdbc listener handing every payload to the waiting thread through a queue. */
    Result jdbc() throws Exception {
        truncate();
        Handoff handoff = new Handoff();
        Tally tally = new Tally(rows);
        try (JdbcListener listener = JdbcListener.start(database, table, handoff::offer)) {
            CpuTime cpu = CpuTime.start();
            long started = System.nanoTime();
            WriterThread writer = WriterThread.start(database, table, rows);
            long deadline = started + TIMEOUT.toNanos();
            while (!tally.complete()) {
                tally.add(Payloads.idOf(next(handoff, deadline, listener).payload()));
            }
            long drained = System.nanoTime();
            CpuSpent spent = CpuSpent.since(cpu);
            writer.join(TIMEOUT);
            try (RowWriter marker = Connections.writer(database, table)) {
                marker.notify(table, MARKER);
            }
            for (String payload = next(handoff, deadline, listener).payload(); !payload.equals(MARKER);
                 payload = next(handoff, deadline, listener).payload()) {
                tally.add(Payloads.idOf(payload));
            }
            return result("pgjdbc getNotifications(timeout) + queue, every id", started, drained, writer, spent,
                    tally);
        }
    }

    private static Received next(Handoff handoff, long deadline, JdbcListener listener) throws Exception {
        try {
            return handoff.next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        } catch (TimeoutException e) {
            throw new IllegalStateException("draining timed out; listener failure: " + listener.failure(), e);
        }
    }

    private Result result(String name, long started, long drained, WriterThread writer, CpuSpent spent,
                          Tally tally) {
        return new Result(name, rows / seconds(drained - started), rows / seconds(writer.finishedNanos() - started),
                spent.jvm(), spent.listener(), spent.waiter(), writer.cpuSeconds(), spent.gc(), spent.jit(), tally);
    }

    /** CPU seconds spent while draining, taken before the zero-loss check adds its own. */
    private record CpuSpent(double jvm, double listener, double waiter, double gc, double jit) {
        static CpuSpent since(CpuTime start) {
            return new CpuSpent(start.processSeconds(), start.listenerSeconds(), start.threadSeconds(),
                    start.jvmGroupSeconds(JvmThreadGroups.GC), start.jvmGroupSeconds(JvmThreadGroups.JIT));
        }
    }

    private void truncate() throws Exception {
        try (RowWriter writer = Connections.writer(database, table)) {
            writer.truncate();
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
