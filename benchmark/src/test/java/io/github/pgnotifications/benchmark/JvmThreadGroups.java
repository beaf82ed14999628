package io.github.pgnotifications.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of the JVM's own threads, garbage collection and JIT compilation, which Java's management beans do not
 * show per thread: read from {@code /proc/self/task} on Linux, in clock ticks; empty elsewhere.
 */
final class JvmThreadGroups {

    static final String GC = "GC";
    static final String JIT = "JIT";

    /** Linux's USER_HZ, the unit of the times in {@code /proc/.../stat}. */
    private static final double TICKS_PER_SECOND = 100.0;

    private JvmThreadGroups() {
    }

    /** CPU ticks so far per group: {@link #GC} for the collectors' threads, {@link #JIT} for the compilers'. */
    static Map<String, Long> ticks() {
        Map<String, Long> ticks = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(task -> add(task, ticks));
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return ticks;
    }

    static double seconds(long ticks) {
        return ticks / TICKS_PER_SECOND;
    }

    private static void add(Path task, Map<String, Long> ticks) {
        try {
            String stat = Files.readString(task.resolve("stat"));
            String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            String group = name.startsWith("GC Thread") || name.startsWith("G1 ") ? GC
                    : name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler") ? JIT : null;
            if (group != null) {
                // After the name: state, then 10 fields, then utime and stime (fields 14 and 15 of stat).
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks.merge(group, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
            }
        } catch (IOException | RuntimeException e) {
            // The thread ended meanwhile: its time is gone with it.
        }
    }
}
