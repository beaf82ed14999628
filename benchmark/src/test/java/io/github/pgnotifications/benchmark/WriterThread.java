package io.github.pgnotifications.benchmark;

import io.github.pgnotifications.ConnectionInfo;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** Writes ids {@code 0 .. rows-1} into a table on a thread of its own, in transactions of 1,000 rows. */
final class WriterThread {

    private final Thread thread;
    private volatile long finishedNanos;
    private volatile long cpuNanos;
    private volatile Exception failure;

    private WriterThread(ConnectionInfo database, String table, int rows) {
        thread = new Thread(() -> write(database, table, rows), "writer");
        thread.setDaemon(true);
    }

    static WriterThread start(ConnectionInfo database, String table, int rows) {
        WriterThread writer = new WriterThread(database, table, rows);
        writer.thread.start();
        return writer;
    }

    private void write(ConnectionInfo database, String table, int rows) {
        try (RowWriter writer = Connections.writer(database, table)) {
            writer.insertRange(0, rows);
            finishedNanos = System.nanoTime();
            cpuNanos = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        } catch (Exception e) {
            failure = e;
        }
    }

    /** Waits for the writer to finish, at most the timeout; rethrows what stopped it. */
    void join(Duration timeout) throws Exception {
        thread.join(timeout.toMillis());
        if (thread.isAlive()) {
            throw new TimeoutException("the writer did not finish within " + timeout.toSeconds() + " s");
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** When the last transaction committed (System.nanoTime()); valid after {@link #join}. */
    long finishedNanos() {
        return finishedNanos;
    }

    /** The CPU seconds the writer thread spent (the driver's side of the writes); valid after {@link #join}. */
    double cpuSeconds() {
        return cpuNanos / 1e9;
    }
}
