package io.github.pgnotifications.benchmark;

import java.time.Instant;

/** One contender in the wake-up race: the library or a peer, waiting on its own thread for one inserted row. */
interface Waiter extends AutoCloseable {

    /** Names the contender in the report. */
    String name();

    /** Forgets whatever was received before, so that the next ids are awaited afresh. */
    void forget() throws Exception;

    /**
     * Returns once the notification of the insert of {@code id} has reached the calling thread.
     *
     * @return when the contender's listener received it, to tell delivery from hand-off
     */
    Instant awaitInsert(int id) throws Exception;
}
