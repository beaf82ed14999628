package io.github.pgnotifications;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A time when the recorder was not listening: its connection was lost (the backend was terminated, the server
 * restarted or closed the idle session, or the connection stopped answering) until it reconnected and listened again.
 * PostgreSQL does not keep notifications for a session that is gone, so whatever was committed in between is lost.
 *
 * @param lostAt     when the loss was noticed
 * @param restoredAt when the recorder was listening again; null while it is still reconnecting
 * @param reason     what the server or the connection said
 */
public record ListenerGap(Instant lostAt, Instant restoredAt, String reason) {

    /**
     * Checks the required components.
     *
     * @param lostAt     when the loss was noticed; required
     * @param restoredAt when the recorder was listening again; null while it is still reconnecting
     * @param reason     what the server or the connection said; required
     */
    public ListenerGap {
        Objects.requireNonNull(lostAt, "lostAt");
        Objects.requireNonNull(reason, "reason");
    }

    /** {@return how long the recorder was not listening, or empty while it is still reconnecting} */
    public Optional<Duration> duration() {
        return Optional.ofNullable(restoredAt).map(end -> Duration.between(lostAt, end));
    }
}
