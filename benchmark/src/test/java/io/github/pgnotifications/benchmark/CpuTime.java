package io.github.pgnotifications.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time spent since it was taken, by this JVM, by the thread that took it, and by the listener threads (Vert.x
 * event loops, the pgjdbc listener) and by the JVM's own garbage collector and compiler threads: to tell where a
 * figure's time goes.
 *
 * @param processNanos  the JVM's CPU time at the start
 * @param threadNanos   the calling thread's CPU time at the start
 * @param listenerNanos each listener thread's CPU time at the start, by thread id
 * @param jvmTicks      the CPU ticks of the JVM's own thread groups at the start (Linux only)
 */
record CpuTime(long processNanos, long threadNanos, Map<Long, Long> listenerNanos, Map<String, Long> jvmTicks) {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    static CpuTime start() {
        return new CpuTime(OS.getProcessCpuTime(), THREADS.getCurrentThreadCpuTime(), listenerThreads(),
                JvmThreadGroups.ticks());
    }

    /** CPU seconds the JVM spent since the start. */
    double processSeconds() {
        return (OS.getProcessCpuTime() - processNanos) / 1e9;
    }

    /** CPU seconds the calling thread (the one that took the start) spent since. */
    double threadSeconds() {
        return (THREADS.getCurrentThreadCpuTime() - threadNanos) / 1e9;
    }

    /** CPU seconds the listener threads alive now spent since the start. */
    double listenerSeconds() {
        long nanos = 0;
        for (Map.Entry<Long, Long> now : listenerThreads().entrySet()) {
            nanos += now.getValue() - listenerNanos.getOrDefault(now.getKey(), 0L);
        }
        return nanos / 1e9;
    }

    /** CPU seconds a group of the JVM's own threads ({@link JvmThreadGroups}) spent since the start; 0 if unknown. */
    double jvmGroupSeconds(String group) {
        Long now = JvmThreadGroups.ticks().get(group);
        return now == null ? 0 : JvmThreadGroups.seconds(now - jvmTicks.getOrDefault(group, 0L));
    }

    private static Map<Long, Long> listenerThreads() {
        Map<Long, Long> cpu = new HashMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            String name = thread.getName();
            if (name.startsWith("vert.x-eventloop") || name.equals(JdbcListener.THREAD_NAME)) {
                cpu.put(thread.getId(), Math.max(0, THREADS.getThreadCpuTime(thread.getId())));
            }
        }
        return cpu;
    }
}
