package io.github.pgnotifications.internal.listen;

import io.github.pgnotifications.Notification;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A listener's sink that keeps everything, for tests to take from with a deadline. */
class RecordingSink implements NotificationListener.Sink {

    final BlockingQueue<Notification> received = new LinkedBlockingQueue<>();
    final BlockingQueue<String> lost = new LinkedBlockingQueue<>();
    final BlockingQueue<Instant> restored = new LinkedBlockingQueue<>();

    @Override
    public void received(Notification notification) {
        received.add(notification);
    }

    @Override
    public void burstEnded() {
    }

    @Override
    public void lost(Instant at, String reason) {
        lost.add(reason);
    }

    @Override
    public void restored(Instant at) {
        restored.add(at);
    }

    /** The next {@code count} notifications, or as many as arrived before the time was up. */
    List<Notification> take(int count, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        List<Notification> taken = new ArrayList<>(count);
        while (taken.size() < count) {
            Notification next = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (next == null) {
                break;
            }
            taken.add(next);
        }
        return taken;
    }

    static <T> T next(BlockingQueue<T> queue, Duration within) throws InterruptedException {
        return queue.poll(within.toMillis(), TimeUnit.MILLISECONDS);
    }
}
