package io.github.pgnotifications.internal.record;

import io.github.pgnotifications.ChannelRecorder;

/** What the AssertJ channel assertions need of a channel beyond its public methods. */
public interface AssertableChannel extends ChannelRecorder {

    /** The same channel, whose failures start with {@code [description] }, as AssertJ's described assertions do. */
    AssertableChannel describedAs(String description);

    /** Waits until at least {@code count} notifications have arrived since the test started, claiming none. */
    void awaitReceived(int count);

    /**
     * Waits for everything committed so far to arrive; fails if the recorder was not listening at some time during
     * the test, or if a transaction that may still send to the channel is open (a Spring transaction on this thread,
     * a session with uncommitted writes to its tables), since then the count of what arrived proves nothing.
     *
     * @param what what the caller is about to prove, e.g. {@code exactly 2 notifications}
     */
    void syncToProve(String what);

    /** Marks everything that arrived as matched, so that {@link #assertNothingElse()} does not count it. */
    void claimAll();
}
