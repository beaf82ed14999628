package io.github.pgnotifications.internal.record;

import io.github.pgnotifications.ChangeEvent;

/**
 * What an await waits for, for its failure message: a description, and for awaits by id the action and canonical
 * key, so that near misses can be found.
 *
 * @param description how the message names it, e.g. {@code INSERT id=42}
 * @param action      the awaited action, or null for awaits by condition
 * @param key         the awaited canonical key, or null for awaits by condition
 */
record Expectation(String description, ChangeEvent.Action action, String key) {

    static Expectation of(String description) {
        return new Expectation(description, null, null);
    }

    boolean byId() {
        return action != null;
    }
}
