package io.github.pgnotifications.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Figure 1: from {@code executeUpdate()} of a single-row autocommit INSERT returning to the waiting thread holding
 * its notification. The same thread inserts and waits. The contenders take turns in blocks, so that a disturbance
 * of the machine falls on all of them alike; in each block one contender alone listens, freshly connected and
 * warmed up.
 */
final class WakeUpLatency {

    /** Connects a contender for one block. */
    interface Contender {
        Waiter connect() throws Exception;
    }

    /**
     * One contender's wake-ups, whole and split at the moment its listener thread had the notification.
     *
     * @param name     the contender
     * @param total    commit → waiting thread returns (nanoTime)
     * @param delivery commit → the listener thread has the notification: server, socket and driver (wall clock, µs)
     * @param handoff  listener thread has it → waiting thread returns: hand-off, wake-up, parsing (wall clock, µs)
     */
    record Result(String name, Latencies total, Latencies delivery, Latencies handoff) {
    }

    private final RowWriter items;
    private final int warmupRounds;

    WakeUpLatency(RowWriter items, int warmupRounds) {
        this.items = items;
        this.warmupRounds = warmupRounds;
    }

    /** Runs {@code blocks} blocks of {@code rounds} measured wake-ups per contender, in turn. */
    List<Result> race(List<Contender> contenders, int blocks, int rounds) throws Exception {
        List<Samples> samples = new ArrayList<>();
        contenders.forEach(contender -> samples.add(new Samples(blocks * rounds)));
        for (int block = 0; block < blocks; block++) {
            for (int c = 0; c < contenders.size(); c++) {
                try (Waiter waiter = contenders.get(c).connect()) {
                    measure(waiter, rounds, samples.get(c));
                }
            }
        }
        return samples.stream().map(Samples::result).toList();
    }

    private void measure(Waiter waiter, int rounds, Samples samples) throws Exception {
        items.truncate();
        waiter.forget();
        samples.name = waiter.name();
        for (int id = 0; id < warmupRounds; id++) {
            items.insertOne(id);
            waiter.awaitInsert(id);
        }
        for (int id = warmupRounds; id < warmupRounds + rounds; id++) {
            // Timed from before executeUpdate() starts: a contender may hold the notification before it returns.
            long started = System.nanoTime();
            items.insertOne(id);
            Instant committedAt = Instant.now();
            Instant receivedAt = waiter.awaitInsert(id);
            long total = System.nanoTime() - started;
            Instant returnedAt = Instant.now();
            // The listener may hold it before executeUpdate() returns: that counts as no delivery time.
            Instant split = receivedAt.isAfter(committedAt) ? receivedAt : committedAt;
            samples.add(total, Duration.between(committedAt, split).toNanos(),
                    Duration.between(split, returnedAt).toNanos());
        }
    }

    /** The samples of one contender, over all its blocks. Not thread-safe. */
    private static final class Samples {
        private final long[] total;
        private final long[] delivery;
        private final long[] handoff;
        private int count;
        private String name;

        Samples(int capacity) {
            total = new long[capacity];
            delivery = new long[capacity];
            handoff = new long[capacity];
        }

        void add(long totalNanos, long deliveryNanos, long handoffNanos) {
            total[count] = totalNanos;
            delivery[count] = deliveryNanos;
            handoff[count] = handoffNanos;
            count++;
        }

        Result result() {
            return new Result(name, Latencies.of(Arrays.copyOf(total, count)),
                    Latencies.of(Arrays.copyOf(delivery, count)),
                    Latencies.of(Arrays.copyOf(handoff, count)));
        }
    }
}
