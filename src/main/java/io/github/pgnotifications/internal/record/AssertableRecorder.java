package io.github.pgnotifications.internal.record;

import io.github.pgnotifications.NotificationRecorder;

/** What the AssertJ recorder assertions need of a recorder beyond its public methods. */
public interface AssertableRecorder extends NotificationRecorder {

    /**
     * Proves, after {@link #sync()}, that nothing arrived on any listened channel since the test started, or with
     * {@code elseOnly} nothing that no await returned; fails as the channel's own absence checks do.
     *
     * @param description the AssertJ description the failure starts with, or null
     */
    void assertNothingOnAnyChannel(boolean elseOnly, String description);
}
