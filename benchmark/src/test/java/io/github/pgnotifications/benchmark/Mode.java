package io.github.pgnotifications.benchmark;

/**
 * How much each figure measures. The full mode is the one to quote; the short mode only proves the harness still
 * runs (CI runs it), so its numbers are noisy.
 *
 * @param name             "full" or "short"
 * @param warmupRounds     wake-ups before each block of a contender's measured rounds
 * @param latencyBlocks    blocks in which the wake-up contenders take turns
 * @param latencyRounds    measured wake-ups per contender in all, and rounds of the per-test figures
 * @param awaitilityRounds measured wake-ups with Awaitility's defaults (each costs about 100 ms)
 * @param classes          test classes prepared, for the per-class figure
 * @param drainRows        rows written while one thread awaits each of them
 * @param bulkRows         rows inserted per table and round in the bulk figure
 * @param heapRows         notifications recorded for the heap figure
 * @param soakRows         notifications recorded in the soak
 */
record Mode(String name, int warmupRounds, int latencyBlocks, int latencyRounds, int awaitilityRounds, int classes,
            int drainRows, int bulkRows, int heapRows, int soakRows) {

    /** Rows per transaction wherever rows are written in bulk. */
    static final int ROWS_PER_TRANSACTION = 1_000;

    static Mode fromSystemProperties() {
        return Boolean.getBoolean("benchmark.short")
                ? new Mode("short", 100, 3, 300, 5, 5, 20_000, 20_000, 20_000, 20_000)
                : new Mode("full", 500, 5, 5_000, 50, 20, 100_000, 100_000, 100_000, 1_000_000);
    }
}
