package io.github.pgnotifications.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** The used heap after full collections: what live objects hold. */
final class Heap {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final int COLLECTIONS = 4;

    private Heap() {
    }

    static long usedAfterGc() {
        for (int i = 0; i < COLLECTIONS; i++) {
            System.gc();
        }
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    static long max() {
        return MEMORY.getHeapMemoryUsage().getMax();
    }
}
