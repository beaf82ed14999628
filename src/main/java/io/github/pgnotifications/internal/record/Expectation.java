package io.github.pgnotifications.internal.record;

import io.github.pgnotifications.ChangeEvent;
import java.util.function.Supplier;

/**
 * What an await waits for, for its failure message.
 *
 * @param description how the message names it, e.g. {@code INSERT id=42}
 * @param action      the awaited action, or null for awaits by condition
 * @param id          the awaited key, or null for awaits by condition
 * @param keys        how the await reads keys, so that near misses read them the same way
 * @param progress    how far the await got (for sequences), or null
 * @param assertion   the AssertJ description the failure starts with, or null
 */
record Expectation(String description, ChangeEvent.Action action, Object id, KeyColumns keys,
                   Supplier<String> progress, String assertion) {

    static Expectation of(String description, KeyColumns keys) {
        return new Expectation(description, null, null, keys, null, null);
    }

    static Expectation byId(String description, ChangeEvent.Action action, Object id, KeyColumns keys) {
        return new Expectation(description, action, id, keys, null, null);
    }

    Expectation withProgress(Supplier<String> howFar) {
        return new Expectation(description, action, id, keys, howFar, assertion);
    }

    Expectation describedAs(String assertionDescription) {
        return new Expectation(description, action, id, keys, progress, assertionDescription);
    }
}
