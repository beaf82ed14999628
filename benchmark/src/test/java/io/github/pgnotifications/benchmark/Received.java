package io.github.pgnotifications.benchmark;

import java.time.Instant;

/**
 * A payload as a peer's listener thread received it.
 *
 * @param payload the notification's payload
 * @param at      when the listener thread had it
 */
record Received(String payload, Instant at) {

    static Received now(String payload) {
        return new Received(payload, Instant.now());
    }
}
