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
    private final ClassLock classLock = new ClassLock();
    private final AtomicBoolean closed = new AtomicBoolean();

    StoredSession(Session session) {
        this.session = session;
    }

    Session session() {
        return session;
    }

    /** The lock that keeps the class's tests one at a time where JUnit cannot (before 5.12). */
    ClassLock classLock() {
        return classLock;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            session.close();
        }
    }
}
