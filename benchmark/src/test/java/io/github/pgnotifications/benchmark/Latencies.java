package io.github.pgnotifications.benchmark;

import java.util.Arrays;

/**
 * The distribution of a set of timed samples, in nanoseconds.
 *
 * @param p50   the median
 * @param p99   the 99th percentile
 * @param max   the slowest sample
 * @param count how many samples
 */
record Latencies(long p50, long p99, long max, int count) {

    static Latencies of(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latencies(percentile(sorted, 0.50), percentile(sorted, 0.99), sorted[sorted.length - 1],
                sorted.length);
    }

    private static long percentile(long[] sorted, double fraction) {
        return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(fraction * sorted.length) - 1))];
    }
}
