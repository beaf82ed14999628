package io.github.pgnotifications.internal.record;

import io.github.pgnotifications.ChangeEvent;
import io.github.pgnotifications.Notification;

/**
 * One recorded notification: what arrived, where in its channel's recording, its change event (read from the payload
 * by the first thread that needs it, never by the listener), and whether an await has returned it. Thread-safe: the
 * parse is idempotent, and claims are made under the channel's claim lock.
 */
final class Entry {

    private static final Object NOT_A_CHANGE = new Object();

    private final Notification notification;
    private final int position;
    private volatile Object parsed;
    private volatile boolean claimed;

    Entry(Notification notification, int position) {
        this.notification = notification;
        this.position = position;
    }

    Notification notification() {
        return notification;
    }

    /** The position in the channel's recording, counted from the test's start. */
    int position() {
        return position;
    }

    /** The change event, or null when the payload is not one. Two threads may parse at once; both get equal events. */
    ChangeEvent change(PayloadParser parser) {
        Object read = parsed;
        if (read == null) {
            read = parser.parse(notification).<Object>map(event -> event).orElse(NOT_A_CHANGE);
            parsed = read;
        }
        return read == NOT_A_CHANGE ? null : (ChangeEvent) read;
    }

    boolean claimed() {
        return claimed;
    }

    /** Only under {@link ChannelLog#claimLock()}. */
    void markClaimed() {
        claimed = true;
    }
}
