package io.github.pgnotifications.benchmark;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Hands payloads from a peer's listener thread to the waiting thread: the way a test without this library waits
 * without polling. Thread-safe.
 */
final class Handoff {

    private final BlockingQueue<Received> queue = new LinkedBlockingQueue<>();

    /** Called by the listener thread. */
    void offer(String payload) {
        queue.add(Received.now(payload));
    }

    /** The next payload, waiting at most the timeout. */
    Received next(Duration timeout) throws InterruptedException, TimeoutException {
        Received received = queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (received == null) {
            throw new TimeoutException("nothing arrived within " + timeout.toMillis() + " ms");
        }
        return received;
    }

    /** Takes payloads until the insert of {@code id}, waiting at most the timeout in all. */
    Received awaitId(int id, Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new TimeoutException("id " + id + " did not arrive within " + timeout.toMillis() + " ms");
            }
            Received received = next(Duration.ofNanos(remaining));
            if (Payloads.idOf(received.payload()) == id) {
                return received;
            }
        }
    }

    void clear() {
        queue.clear();
    }
}
