package io.github.pgnotifications.benchmark;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Prints one line per figure as it is measured, and the targets with whether each is met at the end. */
final class Report {

    private static final String LABEL = "%-60s ";

    private final PrintStream out;
    private final List<String> targets = new ArrayList<>();
    private int missed;

    Report(PrintStream out) {
        this.out = out;
    }

    void section(String title) {
        out.println();
        out.println("== " + title);
    }

    void latency(String what, Latencies latencies) {
        out.printf(Locale.ROOT, LABEL + "p50 %8.3f ms   p99 %8.3f ms   max %8.3f ms   (n=%d)%n", what,
                millis(latencies.p50()), millis(latencies.p99()), millis(latencies.max()), latencies.count());
    }

    void value(String what, double value, String unit) {
        out.printf(Locale.ROOT, LABEL + "%,12.1f %s%n", what, value, unit);
    }

    void precise(String what, double value, String unit) {
        out.printf(Locale.ROOT, LABEL + "%12.3f %s%n", what, value, unit);
    }

    void ratio(String what, double ratio) {
        out.printf(Locale.ROOT, LABEL + "%12.2f x%n", what, ratio);
    }

    void note(String text) {
        out.println("   " + text);
    }

    /** Remembers a target, printed by {@link #printTargets()}. */
    void target(String goal, String measured, boolean met) {
        targets.add(String.format(Locale.ROOT, "%-4s %-52s %s", met ? "MET" : "MISS", goal, measured));
        missed += met ? 0 : 1;
    }

    void printTargets() {
        section("Targets (" + (targets.size() - missed) + " of " + targets.size() + " met)");
        targets.forEach(out::println);
    }

    static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    static double megabytes(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
