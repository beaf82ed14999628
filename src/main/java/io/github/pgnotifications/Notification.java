package io.github.pgnotifications;

import java.time.Instant;
import java.util.Objects;

/**
 * One notification as PostgreSQL delivered it.
 *
 * @param channel    the channel it was sent on
 * @param payload    the payload text, whatever its format; empty when none was sent
 * @param pid        the process id of the sending backend
 * @param receivedAt when the listener received it
 */
public record Notification(String channel, String payload, int pid, Instant receivedAt) {

    /**
     * Checks that channel and time are present; a missing payload becomes the empty string.
     *
     * @param channel    the channel it was sent on; required
     * @param payload    the payload text; null becomes the empty string
     * @param pid        the process id of the sending backend
     * @param receivedAt when the listener received it; required
     */
    public Notification {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(receivedAt, "receivedAt");
        payload = payload == null ? "" : payload;
    }
}
