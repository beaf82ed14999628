package io.github.pgnotifications.benchmark;

import io.github.pgnotifications.ChannelRecorder;
import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.Notification;
import io.github.pgnotifications.NotificationRecorder;
import java.time.Duration;
import java.util.List;

/**
 * Figure 6: many notifications through one recorder, written by a writer thread in 1,000-row transactions; after
 * {@code sync()} the recording must hold every id exactly once.
 */
final class Soak {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    /**
     * How the soak went.
     *
     * @param seconds        from the writer's start until {@code sync()} returned
     * @param perSecond      notifications recorded per second
     * @param heapBytes      used heap after a full collection, holding the whole recording
     * @param recordingBytes what of it the recording holds: the used heap before the soak subtracted
     * @param tally          what the recording holds
     */
    record Result(double seconds, double perSecond, long heapBytes, long recordingBytes, Tally tally) {
    }

    private Soak() {
    }

    static Result run(ConnectionInfo database, NotificationRecorder recorder, String table, int rows)
            throws Exception {
        ChannelRecorder channel = recorder.channel(table);
        try (RowWriter cleaner = Connections.writer(database, table)) {
            cleaner.truncate();
            recorder.reset();
            long before = Heap.usedAfterGc();
            long started = System.nanoTime();
            WriterThread.start(database, table, rows).join(TIMEOUT);
            recorder.sync();
            double seconds = (System.nanoTime() - started) / 1e9;
            long heap = Heap.usedAfterGc();
            List<Notification> recorded = channel.notifications();
            Tally tally = new Tally(rows);
            recorded.forEach(notification -> tally.add(Payloads.idOf(notification.payload())));
            recorder.reset();
            cleaner.truncate();
            return new Result(seconds, rows / seconds, heap, heap - before, tally);
        }
    }
}
