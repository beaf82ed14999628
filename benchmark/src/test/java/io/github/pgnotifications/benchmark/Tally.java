package io.github.pgnotifications.benchmark;

import java.util.BitSet;

/** Counts the ids received out of {@code 0 .. expected-1}, to prove every one arrived exactly once. Not thread-safe. */
final class Tally {

    private final int expected;
    private final BitSet seen;
    private int received;
    private int duplicates;
    private int strangers;
    private int outOfOrder;
    private int last = -1;

    Tally(int expected) {
        this.expected = expected;
        this.seen = new BitSet(expected);
    }

    void add(int id) {
        received++;
        if (id < 0 || id >= expected) {
            strangers++;
            return;
        }
        if (seen.get(id)) {
            duplicates++;
        }
        seen.set(id);
        outOfOrder += id < last ? 1 : 0;
        last = id;
    }

    int distinct() {
        return seen.cardinality();
    }

    boolean complete() {
        return seen.cardinality() == expected;
    }

    boolean exactlyOnce() {
        return complete() && duplicates == 0 && strangers == 0 && received == expected;
    }

    String describe() {
        return String.format("received %,d of %,d: %,d missing, %,d duplicated, %,d unexpected, %,d out of order",
                received, expected, expected - distinct(), duplicates, strangers, outOfOrder);
    }
}
