package io.github.pgnotifications.internal.record;

import io.github.pgnotifications.ChangeEvent;
import java.util.function.Predicate;
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
 * @param wouldMatch  whether a notification that arrived before the test's reset would have matched, so that the
 *                    failure can name it
 */
record Expectation(String description, ChangeEvent.Action action, Object id, KeyColumns keys,
                   Supplier<String> progress, String assertion, Predicate<Entry> wouldMatch) {

    static Expectation of(String description, KeyColumns keys, Predicate<Entry> wouldMatch) {
        return new Expectation(description, null, null, keys, null, null, wouldMatch);
    }

    static Expectation byId(String description, ChangeEvent.Action action, Object id, KeyColumns keys,
                            Predicate<Entry> wouldMatch) {
        return new Expectation(description, action, id, keys, null, null, wouldMatch);
    }

    Expectation withProgress(Supplier<String> howFar) {
        return new Expectation(description, action, id, keys, howFar, assertion, wouldMatch);
    }

    Expectation describedAs(String assertionDescription) {
        return new Expectation(description, action, id, keys, progress, assertionDescription, wouldMatch);
    }

    /** {@link #wouldMatch}, where a user's condition that throws counts as no match. */
    boolean matchedEarlier(Entry entry) {
        try {
            return wouldMatch.test(entry);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
