package io.github.pgnotifications.benchmark;

import io.github.pgnotifications.ChannelRecorder;
import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.NotificationRecorder;
import io.github.pgnotifications.internal.core.Session;
import java.time.Duration;

/**
 * Figure 5: the heap the recorder holds per 100,000 notifications, as they arrive (raw payloads) and once an await
 * has parsed and indexed them all.
 */
final class RecorderHeap {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int PER = 100_000;

    /**
     * What the recording holds, and what reading it costs.
     *
     * @param rawBytesPer100k     heap per 100,000 notifications as recorded
     * @param indexedBytesPer100k heap per 100,000 notifications once parsed and indexed
     * @param parseNanosEach      time per notification of the await that parsed and indexed them all
     * @param failureNanos        then the time of an await of an id that never came, with a 1 ms timeout: the
     *                            failure message over the whole recording (timeline, near misses, hazards)
     * @param failureLines        how many lines that message has
     * @param failureChars        how many characters it has
     */
    record Result(long rawBytesPer100k, long indexedBytesPer100k, double parseNanosEach, long failureNanos,
                  int failureLines, long failureChars) {
    }

    private RecorderHeap() {
    }

    private static String failureOf(Runnable await) {
        try {
            await.run();
        } catch (AssertionError expected) {
            return expected.getMessage();
        }
        throw new IllegalStateException("an await of an id that was never written succeeded");
    }

    static Result measure(Session session, String table, int rows) throws Exception {
        ConnectionInfo database = session.connectionInfo();
        NotificationRecorder recorder = session.recorder();
        ChannelRecorder channel = recorder.channel(table).within(TIMEOUT);
        try (RowWriter writer = Connections.writer(database, table)) {
            writer.truncate();
            recorder.reset();
            long empty = Heap.usedAfterGc();
            writer.insertRange(0, rows);
            recorder.sync();
            long raw = Heap.usedAfterGc() - empty;
            long started = System.nanoTime();
            channel.awaitInsert(rows - 1);
            double parseNanosEach = (System.nanoTime() - started) / (double) rows;
            long indexed = Heap.usedAfterGc() - empty;
            started = System.nanoTime();
            String failure = failureOf(() -> channel.within(Duration.ofMillis(1)).awaitInsert(-1));
            long failureNanos = System.nanoTime() - started;
            recorder.reset();
            writer.truncate();
            return new Result(raw * PER / rows, indexed * PER / rows, parseNanosEach, failureNanos,
                    (int) failure.lines().count(), failure.length());
        }
    }
}
