package io.github.pgnotifications.internal.record;

import io.github.pgnotifications.ListenerGap;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The wait behind every await: search, and if nothing was found, park until the journal changes, against a deadline
 * recomputed on each pass. The search (and the user's condition in it) runs on the waiting thread with no lock held.
 * A gap that begins during the wait fails it at once: what was awaited may have been lost.
 */
final class Waiting {

    private final Journal journal;
    private final Failures failures;

    Waiting(Journal journal, Failures failures) {
        this.journal = journal;
        this.failures = failures;
    }

    <T> T until(String channel, Duration timeout, Supplier<T> search, Expectation expected) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long gapsBefore = journal.gapsBegun();
        while (true) {
            // Read before searching: whatever arrives during the search changes it, so the park below returns at once.
            long version = journal.version();
            T found = search.get();
            if (found != null) {
                return found;
            }
            ListenerGap gap = journal.gapSince(gapsBefore);
            if (gap != null) {
                throw failures.gapDuringWait(expected, gap);
            }
            if (!parkUntilChanged(version, deadline, expected)) {
                throw failures.timedOut(channel, timeout, expected);
            }
        }
    }

    private boolean parkUntilChanged(long version, long deadline, Expectation expected) {
        try {
            return journal.awaitChange(version, deadline);
        } catch (InterruptedException e) {
            throw failures.interrupted(expected.description(), e);
        }
    }
}
