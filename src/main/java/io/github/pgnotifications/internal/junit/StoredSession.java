package io.github.pgnotifications.internal.junit;

import io.github.pgnotifications.internal.core.Session;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A class's session as kept in its store, closed by JUnit after the class. JUnit before 5.13 closes only
 * {@code CloseableResource} values, later versions also plain {@code AutoCloseable} ones: this is both, and closes the
 * session once, whichever way JUnit calls it.
 */
@SuppressWarnings("deprecation")
final class StoredSession implements ExtensionContext.Store.CloseableResource, AutoCloseable {

    private final Session session;
    private final ClassLock turns;
    private final boolean takesTurns;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param turns      the lock the tests that share the session's database take turns on
     * @param takesTurns whether the extension takes that lock: where JUnit does not do it (before JUnit 5.12, or
     *                   for classes that share a Spring context's database)
     */
    StoredSession(Session session, ClassLock turns, boolean takesTurns) {
        this.session = session;
        this.turns = turns;
        this.takesTurns = takesTurns;
    }

    Session session() {
        return session;
    }

    void takeTurn() {
        if (takesTurns) {
            turns.acquire();
        }
    }

    void endTurn() {
        turns.release();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            session.close();
        }
    }
}
